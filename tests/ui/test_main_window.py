"""The main window: tabs by role, status bar, remembered state, the idle lock."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import org
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import FIXED_NOW


def _window(qtbot, db, actor, **kw):
    window = MainWindow(DeskContext(db=db, actor=actor, clock=lambda: FIXED_NOW), **kw)
    qtbot.addWidget(window)
    return window


def test_admin_sees_every_working_tab_and_the_status_bar(qtbot, db, admin):
    window = _window(qtbot, db, admin, idle_lock=False)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["审批点菜单", "崂先办诉求", "财产保全审查", "兴商护航联盟", "管理"]
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        assert window.tabs.currentWidget().isEnabled()
    assert "系统管理员" in window.user_label.text()
    assert "desk.sqlite3" in window.db_label.text()
    assert "离线可用" in window.online_label.text()
    assert "2027年调休上班日尚未录入" in window.calendar_label.text()


def test_tabs_follow_the_role(qtbot, db, make_user):
    court = _window(qtbot, db, make_user(Role.COURT_CLERK), idle_lock=False)
    assert [court.tabs.tabText(i) for i in range(court.tabs.count())] == ["财产保全审查"]
    street = org.units(db, "street")[1]
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    window = _window(qtbot, db, clerk, idle_lock=False)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "管理" not in titles and "财产保全审查" not in titles
    assert street.name in window.user_label.text()
    leader = _window(qtbot, db, make_user(Role.LEADER), idle_lock=False)
    assert "管理" not in [leader.tabs.tabText(i) for i in range(leader.tabs.count())]


def test_last_tab_and_geometry_are_remembered(qtbot, db, admin):
    first = _window(qtbot, db, admin, idle_lock=False)
    first.show()
    qtbot.waitExposed(first)
    first.resize(1111, 777)
    first.select_area("preservation")
    first.close()
    second = _window(qtbot, db, admin, idle_lock=False)
    second.show()
    qtbot.waitExposed(second)
    assert second.tabs.tabText(second.tabs.currentIndex()) == "财产保全审查"
    # The offscreen screen is small, so Qt clamps the restored size; check what was stored.
    from laoshan_desk.ui.main_window import desk_settings

    assert desk_settings().value("main/geometry") == first.saveGeometry()


def test_idle_lock_hides_the_work_and_unlocks_with_the_password(qtbot, db, admin):
    from PySide6.QtWidgets import QLineEdit

    from tests.conftest import ADMIN_PASSWORD

    window = _window(qtbot, db, admin, idle_lock=True)
    window.show()
    typed = QLineEdit(window)
    typed.setText("正在录入的诉求内容")
    seen = {}

    def unlock():
        dialog = window.lock_dialog
        if dialog is None or "user" in seen:
            return
        seen["visible"] = window.isVisible()
        seen["user"] = dialog.ui.usernameEdit.text()
        window.idle.timer.setInterval(60_000)  # locked once: no second lock right after the unlock
        dialog.ui.passwordEdit.setText("wrong-pass-1")
        dialog.try_login()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
        seen["error"] = dialog.errors.message_for("password")
        dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
        dialog.try_login()

    poll = QTimer(window)
    poll.setInterval(20)
    poll.timeout.connect(unlock)
    poll.start()
    window.idle.timer.setInterval(10)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: "user" in seen and not window.locked, timeout=20_000)
    poll.stop()
    assert seen["visible"] is False and seen["user"] == "admin" and "错误" in seen["error"]
    assert window.isVisible() and typed.text() == "正在录入的诉求内容"
    assert window.idle.timer.isActive()  # watching again after the unlock


def test_closing_a_locked_window_leaves_nothing_running(qtbot, db, admin):
    """The hang seen in CI: a lock firing at teardown must not start a nested event loop."""
    window = _window(qtbot, db, admin, idle_lock=True)
    window.show()
    window.lock()
    assert window.locked and window.lock_dialog is not None and window.lock_dialog.isVisible()
    dialog = window.lock_dialog
    window.close()
    assert window.lock_dialog is None and not dialog.isVisible()
    assert not window.idle.timer.isActive()
    window.lock()  # closed: nothing to protect, returns at once
    assert window.lock_dialog is None
