"""Login, first-run admin set-up, and the idle lock.

The first run of a database asks for the admin's own account and password (there is no default
password anywhere). The idle lock hides every window and asks the same user's password; the
windows and whatever was typed in them come back untouched.

The login dialog is the first thing the clerk sees, so this module imports nothing heavy: the
database may still be opening (``db`` is None until :meth:`LoginDialog.set_database`), and the
password is checked off the GUI thread (argon2 takes a noticeable moment) while the dialog says
正在登录…. A login asked for before the database is open waits for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.ui.common.actions import run_action, show_failure
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.worker import run_in_background
from laoshan_desk.ui.forms.ui_login_dialog import Ui_LoginDialog

if TYPE_CHECKING:
    from laoshan_desk.services.context import Actor

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    from laoshan_desk.domain import timeutil  # zoneinfo: after the dialog is shown

    return timeutil.now()


BUSY_TEXT = "正在登录…"
OPENING_TEXT = "正在打开数据库…"
# Still opening after a few seconds: the first start of a new version backs the database up and
# upgrades it first (and may rebuild the appeals' search index, which the worker then says
# itself through :meth:`LoginDialog.show_notice`). Say so, so the clerk waits instead of killing it.
SLOW_OPENING_TEXT = "仍在打开数据库：新版本首次打开时要先备份、升级数据库，数据多时需几分钟，请勿关闭…"
SLOW_OPENING_MS = 3000


def _login(db: Any, username: str, password: str, now: dt.datetime) -> Actor:
    from laoshan_desk.services import auth  # SQLAlchemy and argon2: after the dialog is shown

    return auth.login(db, username, password, now=now)


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` is set when the login succeeds.

    ``busy`` is true while the password is being checked (the fields are read-only then).
    """

    def __init__(
        self,
        db: Any,
        parent: QWidget | None = None,
        *,
        lock_for: Actor | None = None,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.db = db
        self.clock = clock  # before login there is no DeskContext: the clock comes in here
        self.actor: Actor | None = None
        self.busy = False
        self._waiting = False  # a login asked for before the database was open
        self._lock_for = lock_for
        self.errors = FieldErrors(
            {"username": self.ui.usernameEdit, "password": self.ui.passwordEdit}, self.ui.errorLabel
        )
        self.ui.subtitleLabel.setText("审批点菜单 · 崂先办诉求 · 财产保全审查 · 兴商护航联盟")
        self.ui.databaseLabel.setText(f"数据库：{db.display_name()}" if db is not None else OPENING_TEXT)
        self.ui.databaseLabel.setWordWrap(True)
        if db is None:
            QTimer.singleShot(SLOW_OPENING_MS, self, self._still_opening)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("登录")
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
            self.ok_button.setText("解锁")
            self.ui.passwordEdit.setFocus()

    def _still_opening(self) -> None:
        if self.db is None and self.ui.databaseLabel.text() == OPENING_TEXT:
            self.ui.databaseLabel.setText(SLOW_OPENING_TEXT)

    def show_notice(self, text: str) -> None:
        """What the worker opening the database says it is doing (a wait worth knowing of)."""
        if self.db is None:
            self.ui.databaseLabel.setText(text)

    def set_database(self, db: Any) -> None:
        """The database is open: show which one, and run a login that was waiting for it."""
        self.db = db
        self.ui.databaseLabel.setText(f"数据库：{db.display_name()}")
        if self._waiting:
            self._waiting = False
            self._check()

    def try_login(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        if not self.ui.usernameEdit.text().strip():
            self.errors.show(ValidationError("请输入用户名", field="username"))
            return
        if not self.ui.passwordEdit.text():
            self.errors.show(ValidationError("请输入密码", field="password"))
            return
        self._set_busy(True)
        if self.db is None:
            self._waiting = True
            return
        self._check()

    def _check(self) -> None:
        username, password, now = self.ui.usernameEdit.text(), self.ui.passwordEdit.text(), self.clock()
        db = self.db
        run_in_background(lambda: _login(db, username, password, now), self._accepted, self._refused, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.ui.passwordEdit.setReadOnly(busy)
        if self._lock_for is None:
            self.ui.usernameEdit.setReadOnly(busy)
        if busy:
            self.ui.errorLabel.setStyleSheet("color: #1F4E79;")
            self.ui.errorLabel.setText(BUSY_TEXT)

    def _accepted(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.ui.errorLabel.setText("")
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.errors.clear()
        self.ui.passwordEdit.clear()
        if isinstance(error, DeskError):
            self.errors.show(error)
        else:
            show_failure(self, error, None, "无法登录")
        self.ui.passwordEdit.setFocus()

    def reject(self) -> None:
        if self.busy:
            return  # a password being checked finishes first (its answer has nowhere to go)
        super().reject()


class FirstAdminDialog(QDialog):
    """First run: the admin chooses the account and the password."""

    def __init__(self, db: Any, parent: QWidget | None = None, *, clock: Clock = system_clock) -> None:
        from laoshan_desk.ui.forms.ui_first_admin_dialog import Ui_FirstAdminDialog  # the first run only

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
        from laoshan_desk.services import auth  # the first run only: the database is open by now

        self.errors.clear()
        if self.ui.passwordEdit.text() != self.ui.repeatEdit.text():
            self.errors.show(ValidationError("两次输入的密码不一致", field="repeat"))
            return
        ui = self.ui
        form = auth.FirstAdminForm(ui.usernameEdit.text(), ui.fullNameEdit.text(), ui.passwordEdit.text())
        run_action(
            self,
            lambda: auth.create_first_admin(self.db, form, now=self.clock()),
            errors=self.errors,
            done=self._created,
        )

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()
