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
    assert "用户名或密码错误" in dialog.errors.message_for("password")
    assert dialog.ui.usernameEdit.text() == "admin" and dialog.ui.passwordEdit.text() == ""
    qtbot.keyClicks(dialog.ui.passwordEdit, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.full_name == "系统管理员"
