"""Every tab's heavy actions complete when driven through their own widgets on a demo database;
the GUI thread's longest stall during each is recorded (``bench/out/gui_stalls.json``), never
asserted: ``bench/rows_shell.py`` compares the same figures at bench size with the 100 ms goal."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from laoshan_desk.services import demo
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.latency import LatencyWatcher, record, scenarios

BENCH_OUT = Path(os.environ.get("LAOSHAN_DESK_BENCH_DIR", Path(__file__).resolve().parents[2] / "bench" / "out"))


def test_every_tabs_heavy_actions_complete_and_their_stalls_are_recorded(qtbot, db, admin, tmp_path):
    demo.load_demo(db, admin, now=FIXED_NOW, appeals=400)
    window = MainWindow(DeskContext(db=db, actor=admin, clock=lambda: FIXED_NOW), idle_lock=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watcher = LatencyWatcher()
    stalls: dict[str, float] = {}
    found = scenarios(window, tmp_path)
    assert {name.split(":")[0] for name, _a, _d in found} == {
        "审批点菜单",
        "崂先办诉求",
        "财产保全审查",
        "兴商护航联盟",
        "管理",
    }
    for name, action, done in found:
        stalls[name] = watcher.during(action, done, timeout_s=120)
        assert done(), name
        for dialog in QApplication.topLevelWidgets():  # a statistics window, a message
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.close()
    # What the exports wrote is there (the actions really ran, not only returned).
    for file in ("bulletin.xlsx", "ledger.xlsx", "cases.xlsx", "members.xlsx"):
        assert (tmp_path / file).stat().st_size > 0, file
    assert window.tab("appeals").hotspots.spots is not None
    assert window.tab("preservation").stats_dialog is not None  # the statistics came back and showed
    assert window.tab("admin").audit.result.text().startswith("✔")
    record(BENCH_OUT / "gui_stalls_test.json", stalls)
