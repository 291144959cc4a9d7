"""The desk's main window on the hall's PostgreSQL server: every tab opens on the demo data."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.timeutil import TZ
from tests.conftest import ADMIN_PASSWORD
from tests.hall.conftest import requires_pg

pytestmark = [requires_pg, pytest.mark.timeout(600)]

DEMO_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def test_every_tab_opens_on_postgresql(qtbot, pg_url, tmp_path):
    from laoshan_desk.services import auth, bootstrap
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.main_window import MainWindow

    db = bootstrap.open_database(pg_url)
    bootstrap.init(db, system_actor("test"), demo=True, now=DEMO_NOW)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", ADMIN_PASSWORD), now=DEMO_NOW)
    window = MainWindow(DeskContext(db=db, actor=admin, clock=lambda: DEMO_NOW), idle_lock=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["审批点菜单", "崂先办诉求", "财产保全审查", "兴商护航联盟", "管理"]
    for area in list(window.areas):
        tab = window.select_area(area)
        qtbot.wait(300)  # lets the tab's background counts come back
        assert tab.isEnabled() and tab.isVisible()
        window.grab().save(str(tmp_path / f"pg-{area}.png"))
    assert "127.0.0.1" in window.db_label.text() and "desk" in window.db_label.text()
    # Gone before the server stops: its tabs listen for other screens' changes and would reload.
    window.close()
    with qtbot.waitSignal(window.destroyed, timeout=10_000):
        window.deleteLater()
    db.dispose()
