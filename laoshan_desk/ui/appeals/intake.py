"""受理诉求: the intake dialog (forms/appeals_intake_dialog.ui), with the organisation tree picker,
the 7-day duplicate warning (merge on request) and a draft kept while typing."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from laoshan_desk.domain.appeals import AppealKind, Channel
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals.demo_text import TOPICS
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_appeals_intake_dialog import Ui_AppealIntakeDialog

PLACE_ROLE = Qt.ItemDataRole.UserRole + 10  # (level, id)


class IntakeDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AppealIntakeDialog()
        self.ui.setupUi(self)
        self.created: svc.AppealRef | None = None
        self.street_id: uuid.UUID | None = None
        self.community_id: uuid.UUID | None = None
        self.grid_id: uuid.UUID | None = None
        self.attachment_paths: list[Path] = []
        for code, label in AppealKind.choices():
            self.ui.kindCombo.addItem(label, code)
        for code, label in Channel.choices():
            self.ui.channelCombo.addItem(label, code)
        self.ui.categoryCombo.addItem("")
        for topic in TOPICS:
            self.ui.categoryCombo.addItem(topic.category)
        self._fill_tree()
        self.ui.placeTree.currentItemChanged.connect(self._place_picked)
        self.ui.placeTree.itemExpanded.connect(self._expand)
        self.ui.placeFilterEdit.textChanged.connect(self._filter_tree)
        self.ui.addAttachmentButton.clicked.connect(self._pick_attachment)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("受理")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.mergeCheck.setEnabled(False)
        self.ui.dupList.currentRowChanged.connect(lambda r: self.ui.mergeCheck.setEnabled(r >= 0))
        # What the clerk types, by the service's field names: a refusal goes beside it, a draft keeps it.
        typed: dict[str, QWidget] = {
            "kind": self.ui.kindCombo,
            "channel": self.ui.channelCombo,
            "appellant": self.ui.appellantEdit,
            "phone": self.ui.phoneEdit,
            "enterprise": self.ui.enterpriseEdit,
            "uscc": self.ui.usccEdit,
            "content": self.ui.contentEdit,
            "category": self.ui.categoryCombo,
        }
        place = self.ui.placeTree
        self.errors = FieldErrors(
            {**typed, "street": place, "community": place, "grid": place, "attachments": self.ui.attachmentsList},
            self.ui.errorLabel,
            repeat_below=False,  # once, under its field; the bottom line is for refusals naming no field
        )
        self.drafts = DraftKeeper(ctx, "appeals.intake", typed, parent=self)
        self.drafts.restore()
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(500)
        self._dup_timer.timeout.connect(self.check_duplicates)
        for edit in (self.ui.phoneEdit,):
            edit.textChanged.connect(lambda _t: self._dup_timer.start())
        self.ui.contentEdit.textChanged.connect(self._dup_timer.start)

    # -- organisation tree -----------------------------------------------------------------------
    def _fill_tree(self) -> None:
        tree = self.ui.placeTree
        tree.clear()
        for street in org.units(self.ctx.db, "street"):
            s_item = QTreeWidgetItem([street.name])
            s_item.setData(0, PLACE_ROLE, ("street", street.id))
            tree.addTopLevelItem(s_item)
            for comm in org.units(self.ctx.db, "community", parent_id=street.id):
                c_item = QTreeWidgetItem([comm.name])
                c_item.setData(0, PLACE_ROLE, ("community", comm.id))
                c_item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                s_item.addChild(c_item)

    def _expand(self, item: QTreeWidgetItem) -> None:
        level, ident = item.data(0, PLACE_ROLE)
        if level != "community" or item.childCount():
            return
        for grid in org.grids(self.ctx.db, ident):
            g_item = QTreeWidgetItem([grid.name])
            g_item.setData(0, PLACE_ROLE, ("grid", grid.id))
            item.addChild(g_item)

    def _filter_tree(self, text: str) -> None:
        text = text.strip()
        tree = self.ui.placeTree
        for i in range(tree.topLevelItemCount()):
            s_item = _top(tree, i)
            any_shown = False
            for j in range(s_item.childCount()):
                c_item = _child(s_item, j)
                shown = not text or text in c_item.text(0)
                c_item.setHidden(not shown)
                any_shown = any_shown or shown
            s_item.setHidden(not any_shown and bool(text) and text not in s_item.text(0))
            s_item.setExpanded(bool(text) and any_shown)

    def _place_picked(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        self.street_id = self.community_id = self.grid_id = None
        names = []
        node = item
        while node is not None:
            level, ident = node.data(0, PLACE_ROLE)
            setattr(self, f"{level}_id", ident)
            names.append(node.text(0))
            node = node.parent()
        self.ui.placeChosenLabel.setText(" → ".join(reversed(names)) if names else "未选择地点")
        self._dup_timer.start()

    def pick_place(self, street: str, community: str | None = None, grid_index: int | None = None) -> None:
        """Select a place by names (what a clerk does with the mouse; used by tests too)."""
        tree = self.ui.placeTree
        for i in range(tree.topLevelItemCount()):
            s_item = _top(tree, i)
            if s_item.text(0) != street:
                continue
            target = s_item
            if community:
                for j in range(s_item.childCount()):
                    if _child(s_item, j).text(0) == community:
                        target = _child(s_item, j)
                        if grid_index is not None:
                            target.setExpanded(True)
                            self._expand(target)
                            target = _child(target, grid_index)
                        break
            tree.setCurrentItem(target)
            return

    def _pick_attachment(self) -> None:  # pragma: no cover - file dialog
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "添加附件",
            "",
            "图片、语音、视频 (*.jpg *.jpeg *.png *.gif *.mp3 *.amr *.wav *.m4a *.mp4 *.mov);;所有文件 (*)",
        )
        for p in paths:
            self.add_attachment(Path(p))

    def add_attachment(self, path: Path) -> None:
        self.attachment_paths.append(Path(path))
        self.ui.attachmentsList.addItem(Path(path).name)

    # -- duplicates and saving ---------------------------------------------------------------
    def form(self, merge_into: uuid.UUID | None = None) -> svc.IntakeForm:
        return svc.IntakeForm(
            kind=self.ui.kindCombo.currentData(),
            channel=self.ui.channelCombo.currentData(),
            content=self.ui.contentEdit.toPlainText(),
            street_id=self.street_id,
            community_id=self.community_id,
            grid_id=self.grid_id,
            appellant=self.ui.appellantEdit.text(),
            phone=self.ui.phoneEdit.text(),
            enterprise=self.ui.enterpriseEdit.text(),
            uscc=self.ui.usccEdit.text(),
            fast_lane=self.ui.fastLaneCheck.isChecked(),
            category=self.ui.categoryCombo.currentText(),
            attachments=tuple(self.attachment_paths),
            merge_into=merge_into,
        )

    def check_duplicates(self) -> list[svc.DuplicateRow]:
        self._dup_timer.stop()
        form = self.form()
        self.ui.dupList.clear()
        if len(form.content.strip()) < 5:
            return []
        rows = svc.find_possible_duplicates(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        for d in rows:
            item = QListWidgetItem(
                f"{d.number}（{d.status_label}，{'、'.join(d.reasons)}，相似 {d.similarity:.0%}）{d.content[:40]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.ui.dupList.addItem(item)
        self.ui.dupLabel.setText(f"7 日内疑似重复诉求：{len(rows)} 件" if rows else "7 日内疑似重复诉求：无")
        self.ui.dupLabel.setStyleSheet("color: #D6322F;" if rows else "")
        return rows

    def save(self) -> None:
        merge_into = None
        if self.ui.mergeCheck.isChecked() and self.ui.dupList.currentItem() is not None:
            merge_into = self.ui.dupList.currentItem().data(Qt.ItemDataRole.UserRole)
        form = self.form(merge_into)
        run_action(
            self,
            lambda: svc.intake(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=self._saved,
            area="appeals",
        )

    def _saved(self, ref: svc.AppealRef) -> None:
        self.created = ref
        self.drafts.discard()
        self.accept()


def _top(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item: QTreeWidgetItem | None = tree.topLevelItem(index)
    assert item is not None  # index < topLevelItemCount()
    return item


def _child(parent: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    item: QTreeWidgetItem | None = parent.child(index)
    assert item is not None  # index < childCount()
    return item
