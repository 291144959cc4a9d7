"""Login and first-run dialogs: messages next to the field, what was typed is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laoshan_desk.ui.login import FirstAdminDialog, LoginDialog
from tests.conftest import ADMIN_PASSWORD


def test_first_run_asks_for_the_admin_password(qtbot, db):
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.fullNameEdit.setText("王管理")
    qtbot.keyClicks(ui.passwordEdit, "abc")
    qtbot.keyClicks(ui.repeatEdit, "abd")
    qtbot.mouseClick(ui.buttonBox.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.errors.message_for("repeat") == "两次输入的密码不一致"
    ui.repeatEdit.setText("abc")
    dialog.try_create()
    assert dialog.errors.message_for("password") == "密码至少 8 位"
    assert ui.fullNameEdit.text() == "王管理"  # kept
    ui.passwordEdit.setText(ADMIN_PASSWORD)
    ui.repeatEdit.setText(ADMIN_PASSWORD)
    dialog.try_create()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.actor.username == "admin"


def test_login_messages(qtbot, db, admin):
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.try_login()
    assert dialog.errors.message_for("username") == "请输入用户名"
    qtbot.keyClicks(dialog.ui.usernameEdit, "admin")
    qtbot.keyClicks(dialog.ui.passwordEdit, "wrong-password1")
    dialog.try_login()
    # The password is checked off the GUI thread; the dialog says so and takes no second click.
    assert dialog.busy and dialog.ui.errorLabel.text() == "正在登录…" and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "用户名或密码错误" in dialog.errors.message_for("password")
    assert dialog.ui.usernameEdit.text() == "admin" and dialog.ui.passwordEdit.text() == ""
    qtbot.keyClicks(dialog.ui.passwordEdit, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
    assert dialog.actor.full_name == "系统管理员" and dialog.result() == dialog.DialogCode.Accepted


def test_a_login_asked_for_before_the_database_is_open_waits_for_it(qtbot, db, admin):
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.ui.databaseLabel.text() == "正在打开数据库…"
    dialog.ui.usernameEdit.setText("admin")
    dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.try_login()
    assert dialog.busy and dialog.actor is None
    dialog.set_database(db)
    assert "desk.sqlite3" in dialog.ui.databaseLabel.text()
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
    assert dialog.actor.username == "admin"


def test_a_database_slow_to_open_says_why_the_clerk_waits(qtbot, db, admin, monkeypatch):
    """The first start of a new version backs up, upgrades and may rebuild the search index for
    minutes: after a few seconds the dialog says so (and not to close it); the worker's own
    notice replaces it; once open, the dialog names the database."""
    from laoshan_desk.services.bootstrap import REINDEX_NOTICE
    from laoshan_desk.ui import login

    monkeypatch.setattr(login, "SLOW_OPENING_MS", 50)
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.databaseLabel.text() == login.SLOW_OPENING_TEXT, timeout=5_000)
    assert "请勿关闭" in dialog.ui.databaseLabel.text()
    dialog.show_notice(REINDEX_NOTICE)
    assert dialog.ui.databaseLabel.text() == REINDEX_NOTICE
    dialog.set_database(db)
    assert "desk.sqlite3" in dialog.ui.databaseLabel.text()


def test_the_login_dialog_imports_nothing_heavy():
    """What the clerk waits for first: the dialog's modules bring no database, paper or word
    library with them (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys; import laoshan_desk.app, laoshan_desk.__main__, laoshan_desk.ui.login;"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'reportlab', 'openpyxl', 'jieba', 'holidays', 'argon2')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
