"""The street desk's sync on screen: the status bar's indicator (在线/离线, changes waiting, 同步)
and the 同步冲突 list with its three resolutions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import sync
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from tests.hall.sync_support import NOW, make_desk, make_hub, version

pytestmark = pytest.mark.timeout(180)


def _window(qtbot, db, actor):  # type: ignore[no-untyped-def]
    window = MainWindow(DeskContext(db=db, actor=actor, clock=lambda: NOW), idle_lock=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_desk_not_linked_shows_no_sync(qtbot, db, admin) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db, admin)
    assert not window.sync_indicator.isVisible() and not window.sync_indicator.timer.isActive()


def test_the_indicator_syncs_and_the_conflicts_are_resolved_on_screen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    desk, clerk = make_desk(tmp_path / "street.sqlite3", hall)
    try:
        a0 = hall.appeal_ids[0]
        svc.finish(desk, clerk, svc.FinishForm(a0, version(desk, clerk, a0), "街道：已修好"), now=NOW)
        h, later = hall.clerk, NOW + dt.timedelta(minutes=5)
        svc.progress(hall.db, h, svc.NoteForm(a0, version(hall.db, h, a0), "大厅：催办"), now=later)
        window = _window(qtbot, desk, clerk)
        ind = window.sync_indicator
        assert ind.isVisible() and ind.timer.isActive()
        assert "待同步 1 项" in ind.label.text() and "沙子口街道" in ind.label.toolTip()
        window.grab().save(str(tmp_path / "before.png"))
        # The hub is reached through the link's URL, as the desk does every few minutes.
        qtbot.mouseClick(ind.button, qtbot_button())
        qtbot.waitUntil(lambda: not ind.running, timeout=30_000)
        assert "● 在线" in ind.label.text() and "待同步 0 项" in ind.label.text()
        assert ind.conflicts.isVisible() and ind.conflicts.text() == "冲突 1 项"
        window.statusBar().grab().save(str(tmp_path / "status.png"))
        window.grab().save(str(tmp_path / "window.png"))
        dialog = ind.open_conflicts()
        qtbot.waitUntil(lambda: dialog.model.total() == 1)
        assert "办结" in dialog.model.data(dialog.model.index(0, 1))
        assert "办理结果" in dialog.fields_box.itemAt(0).widget().text()
        dialog.grab().save(str(tmp_path / "conflicts.png"))
        dialog.choices["result"].setCurrentIndex(0)  # 本窗口：街道：已修好
        qtbot.mouseClick(dialog.merge, qtbot_button())
        qtbot.waitUntil(lambda: dialog.model.total() == 0)
        assert dialog.empty.isVisible()
        assert not ind.conflicts.isVisible() and "待同步 1 项" in ind.label.text()
        sync.sync_now(desk, clerk, now=later, hub=hall.db)
        assert svc.detail(hall.db, h, a0, now=NOW).result == "街道：已修好"
        dialog.close()
        window.close()
    finally:
        desk.dispose()
        hall.db.dispose()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
