"""The main window: tabs by role, status bar, remembered state, the idle lock."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import org
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD as ADMIN_PASSWORD_LITERAL
from tests.conftest import FIXED_NOW
from tests.ui.counts import counted


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


def test_tabs_are_built_when_first_shown(qtbot, db, admin):
    from laoshan_desk.ui.main_window import PLACEHOLDER

    window = _window(qtbot, db, admin, idle_lock=False)
    current = window.areas[window.tabs.currentIndex()]
    assert list(window.built) == [current]
    others = [i for i, area in enumerate(window.areas) if area != current]
    assert all(window.tabs.widget(i).objectName() == PLACEHOLDER for i in others)
    window.tabs.setCurrentIndex(window.areas.index("preservation"))  # as a click on the tab does
    tab = window.tabs.currentWidget()
    assert type(tab).__name__ == "PreservationTab" and window.built["preservation"] is tab
    assert window.tabs.tabText(window.tabs.currentIndex()) == "财产保全审查"
    assert window.select_area("preservation") is tab  # built once


def test_f5_reloads_every_list_after_data_arrived_from_elsewhere(qtbot, db, admin):
    """`make demo` (or another desk) writes while the desk is open: F5 shows it."""
    from PySide6.QtCore import Qt

    from laoshan_desk.services import auth
    from laoshan_desk.services.appeals import seed

    window = _window(qtbot, db, admin, idle_lock=False)
    window.show()
    qtbot.waitExposed(window)
    appeals = window.select_area("appeals")
    admin_tab = window.select_area("admin")
    assert counted(qtbot, appeals.queue.model) == 0
    users_before = admin_tab.users.model.rowCount() if hasattr(admin_tab.users, "model") else None
    seed.load_demo(db, admin, appeals=40, now=FIXED_NOW)
    auth.create_user(
        db, admin, auth.NewUserForm("f5user", "刷新测试", Role.LEADER, "Clerk2026pass", None), now=FIXED_NOW
    )
    assert appeals.queue.model.total() == 0  # nothing told the desk yet
    window.windowHandle().requestActivate()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: appeals.queue.model.total() == 40, timeout=10_000)
    assert appeals.queue.model.rowCount() > 0
    if users_before is not None:
        assert admin_tab.users.model.rowCount() == users_before + 1
    assert "刷新" in [a.text() for a in window.menuBar().actions()[1].menu().actions()]


def test_switch_user_closes_the_tabs_and_the_next_user_sees_only_theirs(qtbot, db, admin, make_user):
    court = make_user(Role.COURT_CLERK, username="shuji")
    window = _window(qtbot, db, admin, idle_lock=True)
    window.show()
    qtbot.waitExposed(window)
    old_admin_tab = window.select_area("admin")
    window.switch_user()
    dialog = window.switch_dialog
    assert dialog is not None and dialog.isVisible() and not window.isVisible()
    assert window.tabs.count() == 0 and window.built == {}
    assert not window.idle.timer.isActive()  # no lock while nobody is logged in
    dialog.ui.usernameEdit.setText("shuji")
    dialog.ui.passwordEdit.setText("Clerk2026pass")
    dialog.try_login()
    qtbot.waitUntil(lambda: window.isVisible() and window.switch_dialog is None, timeout=10_000)
    assert window.ctx.actor.username == court.username
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["财产保全审查"]
    assert "刘" not in window.user_label.text() and "书记员" in window.user_label.text()
    assert window.idle.timer.isActive()
    qtbot.waitUntil(lambda: _deleted(old_admin_tab), timeout=5000)
    window.close()


def _deleted(widget) -> bool:
    import shiboken6

    return not shiboken6.isValid(widget)


def test_about_names_the_version_and_the_data_directory(qtbot, db, admin, desk_home):
    from importlib import metadata

    window = _window(qtbot, db, admin, idle_lock=False)
    help_menu = window.help_menu
    assert [a.text() for a in help_menu.actions()] == ["用户指南", "关于"]
    box = window.show_about()
    assert box.isVisible() and box.windowTitle() == "关于"
    assert metadata.version("laoshan-desk") in box.text() and str(desk_home) in box.text()
    box.close()


def test_the_status_bar_says_when_no_sms_gateway_is_configured(qtbot, db, admin, make_user):
    from laoshan_desk.services.appeals import sms

    window = _window(qtbot, db, admin, idle_lock=False)
    assert window.sms_label.text() == "⚠ 未配置短信通道"

    class Fake:
        def send(self, phone: str, text: str) -> str:
            return "ok"

    sms.set_gateway(Fake())
    try:
        window.refresh_status()
        assert window.sms_label.text() == ""
    finally:
        sms.set_gateway(None)
    court = _window(qtbot, db, make_user(Role.COURT_CLERK), idle_lock=False)
    assert court.sms_label.text() == ""  # a role without appeals is not told about SMS


def test_default_window_is_1280_by_800_on_a_1366_by_768_screen(tmp_path, db, admin):
    """Checked on a simulated 1366×768 screen (the offscreen platform's own is 800×800)."""
    import json
    import os
    import subprocess
    import sys

    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}]}
        )
    )
    code = (
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from laoshan_desk.services.auth import login; from laoshan_desk.store.db import Database;"
        "from laoshan_desk.ui.context import DeskContext; from laoshan_desk.ui.main_window import MainWindow;"
        "from laoshan_desk.domain.timeutil import now;"
        f"db = Database({db.url!r}); actor = login(db, 'admin', {ADMIN_PASSWORD_LITERAL!r}, now=now());"
        "w = MainWindow(DeskContext(db=db, actor=actor), idle_lock=False); w.show(); app.processEvents();"
        "print(w.width(), w.height())"
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-2:] == ["1280", "800"]


def test_every_status_bar_item_fits_the_default_window(qtbot, db, admin):
    """At 1280×800 nothing in the bar is clipped: the long texts are short there, whole in the tooltip."""
    window = _window(qtbot, db, admin, idle_lock=False)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.sms_label.text() and window.calendar_label.text()  # every item is showing
    assert window.statusBar().sizeHint().width() <= window.width()
    for label in (window.user_label, window.db_label, window.online_label, window.calendar_label, window.sms_label):
        assert label.width() >= label.sizeHint().width(), label.text()
    assert window.calendar_label.text() == "⚠ 2027年调休上班日尚未录入……"
    assert "请管理员补录" in window.calendar_label.toolTip()
    assert window.db_label.text().endswith("desk.sqlite3") and window.db_label.toolTip().endswith("desk.sqlite3")
