"""Start-up as the clerk meets it: the login dialog first, the database opened in a worker, the
main window after the password, the log file written; no nested event loop anywhere."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from laoshan_desk import app as desk_app
from laoshan_desk import desk_log
from laoshan_desk.ui.login import FirstAdminDialog, LoginDialog
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def start(qapp, desk_home):  # type: ignore[no-untyped-def]
    made: list[desk_app.DeskStart] = []

    def make(url: str) -> desk_app.DeskStart:
        s = desk_app.DeskStart(qapp, url)
        made.append(s)
        s.start()
        return s

    yield make
    for s in made:
        if s.window is not None:
            s.window.close()
        if s.dialog is not None:
            s.dialog.finished.disconnect()
            s.dialog.close()
    gc.unfreeze()
    QApplication.instance().setQuitOnLastWindowClosed(True)
    desk_log.close(desk_home)


def test_login_dialog_first_then_the_main_window(qtbot, start, db, admin, desk_home):
    s = start(db.url)
    dialog = s.dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    dialog.ui.usernameEdit.setText("admin")
    dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.try_login()  # before the database is open: the login waits for it
    assert dialog.busy
    qtbot.waitUntil(lambda: isinstance(s.window, MainWindow) and s.window.isVisible(), timeout=60_000)
    assert s.warm and s.window.ctx.actor.username == "admin"
    assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's way
    assert len(s.window.built) == 1  # one tab built; the others when first shown
    text = desk_log.log_path(desk_home).read_text(encoding="utf-8")
    assert "start: laoshan-desk" in text and "database open: sqlite" in text and "login: admin" in text


def test_a_new_database_asks_for_its_first_admin(qtbot, start, tmp_path):
    s = start(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    qtbot.waitUntil(lambda: isinstance(s.dialog, FirstAdminDialog) and s.dialog.isVisible(), timeout=60_000)


def test_a_database_that_cannot_be_opened_says_so(qtbot, start, tmp_path):
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    s = start(f"sqlite:///{folder}")
    qtbot.waitUntil(lambda: getattr(s, "failure_box", None) is not None, timeout=60_000)
    box = s.failure_box
    assert isinstance(box, QMessageBox) and "无法打开数据库" in box.text() and s.exit_code == 1
    assert s.dialog is None or not s.dialog.isVisible()
    box.finished.disconnect()
    box.close()
