"""派单 / 改派 / 吹哨报到: the dispatch dialog (forms/appeals_dispatch_dialog.ui), with the dispatch
suggestion preselected."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QWidget,
)

from laoshan_desk.domain.appeals import HandlingLevel
from laoshan_desk.domain.appeals.actions import DetailAction
from laoshan_desk.services import appeals as svc
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_appeals_dispatch_dialog import Ui_AppealDispatchDialog


class DispatchDialog(QDialog):
    """派单 / 改派 / 吹哨报到 (forms/appeals_dispatch_dialog.ui)."""

    def __init__(
        self,
        ctx: DeskContext,
        appeal_id: uuid.UUID,
        version: int,
        mode: str = DetailAction.DISPATCH.value,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.appeal_id, self.version, self.mode = ctx, appeal_id, version, DetailAction(mode)
        self.ui = Ui_AppealDispatchDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.mode.label)
        for code, label in HandlingLevel.choices():
            self.ui.levelCombo.addItem(label, code)
        for uid, name in svc.units_for_level(ctx.db, ctx.actor, HandlingLevel.DEPARTMENT.value):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            self.ui.coList.addItem(item)
        self.suggestion = svc.suggestion_for(ctx.db, ctx.actor, appeal_id)
        self.ui.suggestionLabel.setText(
            f"派单建议：{self.suggestion.level_label}"
            + (f" · {self.suggestion.unit_name}" if self.suggestion.unit_name else "")
            + f"（{self.suggestion.reason}）"
        )
        self.ui.levelCombo.currentIndexChanged.connect(self._fill_units)
        self.ui.levelCombo.setCurrentIndex(max(0, self.ui.levelCombo.findData(self.suggestion.level)))
        self._fill_units()
        if self.mode is DetailAction.CO_HANDLE:
            for w in (self.ui.levelCombo, self.ui.unitCombo, self.ui.levelLabel, self.ui.unitLabel):
                w.setVisible(False)
        self.errors = FieldErrors(
            {
                "level": self.ui.levelCombo,
                "unit": self.ui.unitCombo,
                "note": self.ui.noteEdit,
                "co_units": self.ui.coList,
            },
            self.ui.errorLabel,
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _fill_units(self) -> None:
        self.ui.unitCombo.clear()
        for uid, name in svc.units_for_level(self.ctx.db, self.ctx.actor, self.ui.levelCombo.currentData()):
            self.ui.unitCombo.addItem(name, uid)
        if self.suggestion.unit_id is not None:
            for i in range(self.ui.unitCombo.count()):  # findData does not compare Python UUIDs
                if self.ui.unitCombo.itemData(i) == self.suggestion.unit_id:
                    self.ui.unitCombo.setCurrentIndex(i)
                    break

    def save(self) -> None:
        co = [i.data(Qt.ItemDataRole.UserRole) for i in self.ui.coList.selectedItems()]
        db, actor, note = self.ctx.db, self.ctx.actor, self.ui.noteEdit.text()
        if self.mode is DetailAction.CO_HANDLE:
            co_form = svc.CoHandleForm(self.appeal_id, self.version, co, note)
            run_action(
                self,
                lambda: svc.add_co_handlers(db, actor, co_form, now=self.ctx.now()),
                errors=self.errors,
                done=lambda _r: self.accept(),
                area="appeals",
            )
            return
        form = svc.DispatchForm(
            self.appeal_id, self.version, self.ui.levelCombo.currentData(), self.ui.unitCombo.currentData(), note, co
        )
        run_action(
            self,
            lambda: svc.dispatch(db, actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=lambda _r: self.accept(),
            area="appeals",
        )
