"""Users: create, edit role and unit, reset password, unlock, deactivate.

The list is the desk's column-spec model (a few dozen accounts: in memory); every dialog opens
with ``open()``, never a nested ``exec()``, and keeps what was typed when the service refuses it;
a refusal on the list itself (the admin's own account, nothing selected) is said beside the
buttons, not in a box to click away.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth, org
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import error_line, open_dialog, save_cancel
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
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


class PasswordDialog(QDialog):
    """重置密码 for one account: the new password, refused beside the field until it is strong."""

    def __init__(self, ctx: DeskContext, row: auth.UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle("重置密码")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = error_line()
        buttons = save_cancel(self.save, self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"为 {row.username} 设置新密码（至少 8 位，含字母和数字）："))
        form.addRow("新密码", self.password_edit)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.errors = FieldErrors({"password": self.password_edit}, self.error_label)

    def save(self) -> None:
        form = auth.PasswordResetForm(self.row.id, self.password_edit.text())
        run_action(
            self,
            lambda: auth.reset_password(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=lambda _: self.accept(),
        )


def user_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("用户名", lambda u: u.username, sort_value=lambda u: u.username, width=120),
        ColumnSpec("姓名", lambda u: u.full_name, sort_value=lambda u: u.full_name, width=100),
        ColumnSpec("角色", lambda u: u.role.label, sort_value=lambda u: u.role.label, width=120),
        ColumnSpec("所属单位", lambda u: u.unit_name or "—", sort_value=lambda u: u.unit_name, width=220),
        ColumnSpec("状态", _state, sort_value=_state, width=80),
        ColumnSpec(
            "最近登录",
            lambda u: f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "—",
            sort_value=lambda u: u.last_login_at,
        ),
    ]


def _state(row: auth.UserRow) -> str:
    return "已锁定" if row.locked else ("正常" if row.active else "已停用")


class UsersPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the dialog open over the page, if any
        self.model = ListTableModel(user_columns(), parent=self)
        self.table = QTableView(self)
        prepare_view(self.table, self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("新建用户")
        self.edit_button = QPushButton("修改")
        self.reset_button = QPushButton("重置密码")
        self.unlock_button = QPushButton("解锁")
        self.active_button = QPushButton("停用/启用")
        for b in (self.new_button, self.edit_button, self.reset_button, self.unlock_button, self.active_button):
            buttons.addWidget(b)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.error_label = error_line()  # a refusal of an action on the list
        buttons.addWidget(self.error_label, 1)  # beside the buttons: no empty line while all is well
        self.errors = FieldErrors({}, self.error_label)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(auth.list_users(self.ctx.db, self.ctx.actor, now=self.ctx.now()))

    def selected(self) -> auth.UserRow | None:
        """The selected account; none selected is said beside the buttons."""
        index = self.table.currentIndex()
        if index.isValid():
            self.errors.clear()
            return self.model.row_at(index.row())  # type: ignore[no-any-return]
        self.errors.show(ValidationError("请先在列表中选择一个用户"))
        return None

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog`` without a nested event loop; the list reloads when it is accepted."""
        self.errors.clear()
        open_dialog(self, dialog, accepted=self.reload)

    def new_user(self) -> None:
        self._open(UserDialog(self.ctx, None, self))

    def edit_user(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(UserDialog(self.ctx, row, self))

    def reset_password(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(PasswordDialog(self.ctx, row, self))

    def unlock(self) -> None:
        row = self.selected()
        if row:
            user_id = row.id
            run_action(
                self,
                lambda: auth.unlock_user(self.ctx.db, self.ctx.actor, user_id, now=self.ctx.now()),
                errors=self.errors,
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
            errors=self.errors,
            refresh=self.reload,
        )
