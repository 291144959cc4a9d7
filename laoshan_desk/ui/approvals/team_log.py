"""Dialogs of the gold team and the task-force log: a new member, a meeting, a visit or a problem."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    LogKind,
    TeamRole,
)
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.common import AREA, ok_cancel, pydate, qdate
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_log_entry_dialog import Ui_ApprovalsLogEntryDialog


class TeamMemberDialog(QDialog):
    def __init__(self, ctx: DeskContext, project_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("金牌团队成员")
        self.ctx, self.project_id = ctx, project_id
        form = QFormLayout()
        self.roleCombo = QComboBox()
        for code, label in TeamRole.choices():
            self.roleCombo.addItem(label, code)
        self.nameEdit = QLineEdit()
        self.titleEdit = QLineEdit()
        self.departmentCombo = QComboBox()
        self.departmentCombo.setEditable(True)
        self.departmentCombo.addItems(["崂山区人民政府"] + svc.departments(ctx.db, ctx.actor))
        self.phoneEdit = QLineEdit()
        for label, w in (
            ("角色", self.roleCombo),
            ("姓名", self.nameEdit),
            ("职务", self.titleEdit),
            ("部门", self.departmentCombo),
            ("电话", self.phoneEdit),
        ):
            form.addRow(label, w)
        self.errorLabel = QLabel()
        self.errorLabel.setStyleSheet("color: #D6322F;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok_cancel(buttons, "添加")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        self.errors = FieldErrors({"name": self.nameEdit, "role": self.roleCombo}, self.errorLabel)

    def _add(self) -> None:
        member = svc.TeamInput(
            TeamRole(self.roleCombo.currentData()),
            self.nameEdit.text(),
            self.titleEdit.text(),
            self.departmentCombo.currentText(),
            self.phoneEdit.text(),
        )
        svc.add_team_member(self.ctx.db, self.ctx.actor, svc.NewMemberForm(self.project_id, member), now=self.ctx.now())

    def save(self) -> bool:
        return run_action(self, self._add, errors=self.errors, done=lambda _: self.accept(), area=AREA).ok


class LogEntryDialog(QDialog):
    def __init__(
        self, ctx: DeskContext, project_id: uuid.UUID, kind: LogKind = LogKind.MEETING, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsLogEntryDialog()
        self.ui.setupUi(self)
        self.ctx, self.project_id = ctx, project_id
        for code, label in LogKind.choices():
            self.ui.kindCombo.addItem(label, code)
        self.ui.kindCombo.setCurrentIndex(max(0, self.ui.kindCombo.findData(kind)))
        self.ui.departmentCombo.addItem("（不限）", "")
        for dept in svc.departments(ctx.db, ctx.actor):
            self.ui.departmentCombo.addItem(dept, dept)
        self.ui.dateEdit.setDate(qdate(ctx.today()))
        self.ui.solvedEdit.setDate(qdate(ctx.today()))
        self.ui.solvedEdit.setEnabled(False)
        self.ui.solvedCheck.toggled.connect(self.ui.solvedEdit.setEnabled)
        self.errors = FieldErrors(
            {
                "title": self.ui.titleEdit,
                "owner": self.ui.ownerEdit,
                "solved_on": self.ui.solvedEdit,
                "kind": self.ui.kindCombo,
            },
            self.ui.errorLabel,
        )
        ok_cancel(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _add(self) -> uuid.UUID:
        dept = self.ui.departmentCombo.currentData()
        entry = svc.LogInput(
            self.project_id,
            LogKind(self.ui.kindCombo.currentData()),
            pydate(self.ui.dateEdit.date()),
            self.ui.titleEdit.text(),
            self.ui.detailEdit.toPlainText(),
            departments=(dept,) if dept else (),
            owner=self.ui.ownerEdit.text(),
            solved_on=pydate(self.ui.solvedEdit.date()) if self.ui.solvedCheck.isChecked() else None,
        )
        return svc.add_log_entry(self.ctx.db, self.ctx.actor, entry, now=self.ctx.now())

    def save(self) -> bool:
        return run_action(self, self._add, errors=self.errors, done=lambda _: self.accept(), area=AREA).ok
