"""Dialogs on one ordered item: moving it on (推进 / 销号), moving its node, classifying and assigning it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    Classification,
    ItemStatus,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.common import AREA, CLASS_ORDER, ok_cancel, pydate, qdate
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_advance_dialog import Ui_ApprovalsAdvanceDialog
from laoshan_desk.ui.forms.ui_approvals_move_node_dialog import Ui_ApprovalsMoveNodeDialog


class AdvanceDialog(QDialog):
    """推进 / 销号: one step on, dated, by whom; the page tells what became ready to issue."""

    def __init__(self, ctx: DeskContext, item: svc.ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsAdvanceDialog()
        self.ui.setupUi(self)
        self.ctx, self.item = ctx, item
        self.result_: svc.AdvanceResult | None = None
        self.ui.itemLabel.setText(f"{item.code} {item.name}\n{item.department} · 当前：{item.status_label}")
        for status in item.next_statuses:
            self.ui.statusCombo.addItem(("销号（办结）" if status is ItemStatus.DONE else status.label), status.value)
        self.ui.dateEdit.setDate(qdate(ctx.today()))
        self.ui.byEdit.setText(item.responsible or ctx.actor.full_name)
        self.errors = FieldErrors(
            {"status": self.ui.statusCombo, "on": self.ui.dateEdit, "by": self.ui.byEdit}, self.ui.errorLabel
        )
        ok_cancel(self.ui.buttonBox, "确定")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def choose(self, status: ItemStatus | str) -> None:
        index = self.ui.statusCombo.findData(ItemStatus(status).value)
        if index >= 0:
            self.ui.statusCombo.setCurrentIndex(index)

    def _advance(self) -> svc.AdvanceResult:
        status = self.ui.statusCombo.currentData()
        if not status:
            raise ValidationError("事项已销号，没有下一步", field="status")
        form = svc.AdvanceForm(
            self.item.id,
            self.item.version,
            ItemStatus(status),
            pydate(self.ui.dateEdit.date()),
            by=self.ui.byEdit.text(),
            note=self.ui.noteEdit.text(),
        )
        return svc.advance_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def save(self) -> bool:
        return run_action(self, self._advance, errors=self.errors, done=self._done, area=AREA).ok

    def _done(self, result: svc.AdvanceResult) -> None:
        self.result_ = result
        self.accept()


class MoveNodeDialog(QDialog):
    """调整节点: a new node date with its reason; every dependent follows."""

    def __init__(self, ctx: DeskContext, item: svc.ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsMoveNodeDialog()
        self.ui.setupUi(self)
        self.ctx, self.item = ctx, item
        self.result_: svc.MoveResult | None = None
        self.ui.itemLabel.setText(
            f"{item.code} {item.name}\n当前节点：{item.node_date.isoformat() if item.node_date else '—'}"
            f"（最迟完成 {item.latest_finish.isoformat() if item.latest_finish else '—'}）"
        )
        self.ui.dateEdit.setDate(qdate(item.node_date or ctx.today()))
        self.ui.byEdit.setText(ctx.actor.full_name)
        self.ui.previewLabel.setText("调整后将重新倒排所有后续事项，并记入节点调整记录和审计日志。")
        self.errors = FieldErrors({"new_finish": self.ui.dateEdit, "reason": self.ui.reasonEdit}, self.ui.errorLabel)
        ok_cancel(self.ui.buttonBox, "调整节点")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _move(self) -> svc.MoveResult:
        form = svc.MoveNodeForm(
            self.item.id,
            self.item.version,
            pydate(self.ui.dateEdit.date()),
            self.ui.reasonEdit.toPlainText(),
            decided_by=self.ui.byEdit.text(),
        )
        return svc.move_node(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def save(self) -> bool:
        return run_action(self, self._move, errors=self.errors, done=self._done, area=AREA).ok

    def _done(self, result: svc.MoveResult) -> None:
        self.result_ = result
        self.accept()


class ItemEditDialog(QDialog):
    """Classify an item (with its reason) and assign its department and responsible person."""

    def __init__(
        self, ctx: DeskContext, item: svc.ItemRow, team: list[svc.TeamRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"分类与指派 — {item.code} {item.name}")
        self.ctx, self.item = ctx, item
        form = QFormLayout()
        self.classCombo = QComboBox()
        for c in CLASS_ORDER:
            self.classCombo.addItem(c.label, c.value)
        self.classCombo.setCurrentIndex(CLASS_ORDER.index(Classification(item.classification)))
        self.reasonEdit = QLineEdit(item.reason)
        self.departmentCombo = QComboBox()
        self.departmentCombo.setEditable(True)
        self.departmentCombo.addItems(svc.departments(ctx.db, ctx.actor))
        self.departmentCombo.setCurrentText(item.department)
        self.responsibleCombo = QComboBox()
        self.responsibleCombo.setEditable(True)
        self.responsibleCombo.addItems(
            sorted({m.name for m in team if m.department == item.department} | {item.responsible} - {""})
        )
        self.responsibleCombo.setCurrentText(item.responsible)
        self.daysSpin = QSpinBox()
        self.daysSpin.setRange(1, 365)
        self.daysSpin.setValue(item.days)
        form.addRow("分类", self.classCombo)
        form.addRow("理由", self.reasonEdit)
        form.addRow("办理部门", self.departmentCombo)
        form.addRow("责任人", self.responsibleCombo)
        form.addRow("时限（工作日）", self.daysSpin)
        self.errorLabel = QLabel()
        self.errorLabel.setStyleSheet("color: #D6322F;")
        self.errorLabel.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok_cancel(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        self.errors = FieldErrors(
            {
                "reason": self.reasonEdit,
                "classification": self.classCombo,
                "department": self.departmentCombo,
                "days": self.daysSpin,
            },
            self.errorLabel,
        )

    def _edit(self) -> int:
        form = svc.ItemEditForm(
            self.item.id,
            self.item.version,
            Classification(self.classCombo.currentData()),
            self.reasonEdit.text(),
            responsible=self.responsibleCombo.currentText(),
            department=self.departmentCombo.currentText(),
            days=self.daysSpin.value(),
        )
        return svc.edit_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def save(self) -> bool:
        return run_action(self, self._edit, errors=self.errors, done=lambda _version: self.accept(), area=AREA).ok
