"""Users: create, edit role and unit, reset password, unlock, deactivate."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth, org
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_user_dialog import Ui_UserDialog


class UserDialog(QDialog):
    """New user (or edit one when ``row`` is given: no user name or password then)."""

    def __init__(self, ctx: DeskContext, row: auth.UserRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.row = row
        self.user_id: uuid.UUID | None = None
        for role in Role:
            self.ui.roleCombo.addItem(role.label, role)
        self.ui.unitCombo.addItem("（无）", None)
        for kind in ("street", "department"):
            for unit in org.units(ctx.db, kind):
                self.ui.unitCombo.addItem(unit.name, unit.id)
        self.errors = FieldErrors(
            {
                "username": self.ui.usernameEdit,
                "full_name": self.ui.fullNameEdit,
                "unit": self.ui.unitCombo,
                "password": self.ui.passwordEdit,
            },
            self.ui.errorLabel,
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        if row is not None:
            self.setWindowTitle(f"修改用户 {row.username}")
            self.ui.usernameEdit.setText(row.username)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.fullNameEdit.setText(row.full_name)
            self.ui.roleCombo.setCurrentIndex(list(Role).index(row.role))
            index = self.ui.unitCombo.findData(row.unit_id)
            self.ui.unitCombo.setCurrentIndex(max(0, index))
            self.ui.passwordEdit.hide()
            self.ui.passwordLabel.hide()
        else:
            self.setWindowTitle("新建用户")

    def save(self) -> None:
        run_action(self, self._submit, errors=self.errors, done=self._saved)

    def _submit(self) -> uuid.UUID:
        """The service call with what the admin typed: a new account, or the edit of this one."""
        role = self.ui.roleCombo.currentData()
        unit_id = self.ui.unitCombo.currentData()
        if self.row is None:
            form = auth.NewUserForm(
                username=self.ui.usernameEdit.text(),
                full_name=self.ui.fullNameEdit.text(),
                role=role,
                password=self.ui.passwordEdit.text(),
                unit_id=unit_id,
            )
            return auth.create_user(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        if not self.ui.fullNameEdit.text().strip():
            raise ValidationError("请输入姓名", field="full_name")
        edit = auth.UserEditForm(
            self.row.id, self.row.version, full_name=self.ui.fullNameEdit.text(), role=role, unit_id=unit_id
        )
        auth.update_user(self.ctx.db, self.ctx.actor, edit, now=self.ctx.now())
        return self.row.id

    def _saved(self, user_id: uuid.UUID) -> None:
        self.user_id = user_id
        self.accept()


class UsersPage(QWidget):
    HEADERS = ["用户名", "姓名", "角色", "所属单位", "状态", "最近登录"]

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[auth.UserRow] = []
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        for i, w in enumerate([120, 100, 120, 220, 80]):
            self.table.setColumnWidth(i, w)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("新建用户")
        self.edit_button = QPushButton("修改")
        self.reset_button = QPushButton("重置密码")
        self.unlock_button = QPushButton("解锁")
        self.active_button = QPushButton("停用/启用")
        for b in (self.new_button, self.edit_button, self.reset_button, self.unlock_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        self.rows = auth.list_users(self.ctx.db, self.ctx.actor, now=self.ctx.now())
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            state = "已锁定" if row.locked else ("正常" if row.active else "已停用")
            last = f"{row.last_login_at:%Y-%m-%d %H:%M}" if row.last_login_at else "—"
            for c, text in enumerate([row.username, row.full_name, row.role.label, row.unit_name or "—", state, last]):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def selected(self) -> auth.UserRow | None:
        index = self.table.currentRow()
        if 0 <= index < len(self.rows):
            return self.rows[index]
        QMessageBox.information(self, "请选择", "请先在列表中选择一个用户")
        return None

    def new_user(self) -> None:
        if UserDialog(self.ctx, None, self).exec():
            self.reload()

    def edit_user(self) -> None:
        row = self.selected()
        if row and UserDialog(self.ctx, row, self).exec():
            self.reload()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        password, ok = QInputDialog.getText(
            self, "重置密码", f"为 {row.username} 设置新密码（至少 8 位，含字母和数字）：", QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        run_action(
            self,
            lambda: auth.reset_password(
                self.ctx.db, self.ctx.actor, auth.PasswordResetForm(row.id, password), now=self.ctx.now()
            ),
            refresh=self.reload,
        )

    def unlock(self) -> None:
        row = self.selected()
        if row:
            user_id = row.id
            run_action(
                self,
                lambda: auth.unlock_user(self.ctx.db, self.ctx.actor, user_id, now=self.ctx.now()),
                refresh=self.reload,
            )

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        form = auth.UserEditForm(row.id, row.version, active=not row.active)
        run_action(
            self,
            lambda: auth.update_user(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            refresh=self.reload,
        )
