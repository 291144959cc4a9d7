"""Login, first-run admin set-up, and the idle lock.

The first run of a database asks for the admin's own account and password (there is no default
password anywhere). The idle lock hides every window and asks the same user's password; the
windows and whatever was typed in them come back untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from laoshan_desk.domain import timeutil
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.services import auth
from laoshan_desk.services.context import Actor
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.forms.ui_first_admin_dialog import Ui_FirstAdminDialog
from laoshan_desk.ui.forms.ui_login_dialog import Ui_LoginDialog


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` is set when the login succeeds."""

    def __init__(
        self,
        db: Any,
        parent: QWidget | None = None,
        *,
        lock_for: Actor | None = None,
        clock: Callable[[], dt.datetime] = timeutil.now,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.db = db
        self.clock = clock  # before login there is no DeskContext: the clock comes in here
        self.actor: Actor | None = None
        self._lock_for = lock_for
        self.errors = FieldErrors(
            {"username": self.ui.usernameEdit, "password": self.ui.passwordEdit}, self.ui.errorLabel
        )
        self.ui.databaseLabel.setText(f"数据库：{db.display_name()}")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登录")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("退出")
        self.ui.buttonBox.accepted.connect(self.try_login)
        self.ui.buttonBox.rejected.connect(self.reject)
        if lock_for is not None:
            self.setWindowTitle("桌面已锁定 — 请输入密码解锁")
            self.ui.subtitleLabel.setText(
                f"{lock_for.full_name}（{lock_for.role.label}）离开超过设定时间，桌面已锁定。已打开的工作均保留。"
            )
            self.ui.subtitleLabel.setWordWrap(True)
            self.ui.usernameEdit.setText(lock_for.username)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("解锁")
            self.ui.passwordEdit.setFocus()

    def try_login(self) -> None:
        self.errors.clear()
        username = self.ui.usernameEdit.text()
        password = self.ui.passwordEdit.text()
        if not username.strip():
            self.errors.show(ValidationError("请输入用户名", field="username"))
            return
        if not password:
            self.errors.show(ValidationError("请输入密码", field="password"))
            return
        try:
            self.actor = auth.login(self.db, username, password, now=self.clock())
        except DeskError as exc:
            self.ui.passwordEdit.clear()
            self.errors.show(exc)
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """First run: the admin chooses the account and the password."""

    def __init__(
        self, db: Any, parent: QWidget | None = None, *, clock: Callable[[], dt.datetime] = timeutil.now
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstAdminDialog()
        self.ui.setupUi(self)
        self.db = db
        self.clock = clock  # before login there is no DeskContext: the clock comes in here
        self.actor: Actor | None = None
        self.errors = FieldErrors(
            {
                "username": self.ui.usernameEdit,
                "full_name": self.ui.fullNameEdit,
                "password": self.ui.passwordEdit,
                "repeat": self.ui.repeatEdit,
            },
            self.ui.errorLabel,
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("创建并登录")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("退出")
        self.ui.buttonBox.accepted.connect(self.try_create)
        self.ui.buttonBox.rejected.connect(self.reject)

    def try_create(self) -> None:
        self.errors.clear()
        if self.ui.passwordEdit.text() != self.ui.repeatEdit.text():
            self.errors.show(ValidationError("两次输入的密码不一致", field="repeat"))
            return
        try:
            form = auth.FirstAdminForm(
                self.ui.usernameEdit.text(), self.ui.fullNameEdit.text(), self.ui.passwordEdit.text()
            )
            self.actor = auth.create_first_admin(self.db, form, now=self.clock())
        except DeskError as exc:
            self.errors.show(exc)
            return
        self.accept()
