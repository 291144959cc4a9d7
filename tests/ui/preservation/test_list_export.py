"""The case list: its export is what it shows (filter, sort, title row), written off the GUI
thread; it reloads when any screen's action (or F5) announces a change."""

from __future__ import annotations

from openpyxl import load_workbook

from laoshan_desk.ui.common.actions import action_bus
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.builders import _register


def test_the_export_follows_the_list_and_the_list_follows_the_bus(qtbot, ctx, tmp_path):
    now = ctx.now()
    _register(ctx.db, ctx.actor, now, case_number="（2026）鲁0212财保71号", applicant="青岛甲建设有限公司")
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.reload()
    assert tab.model.total() == 1
    # Another screen registers a case: the list hears of it on the bus.
    _register(ctx.db, ctx.actor, now, case_number="（2026）鲁0212财保72号", applicant="青岛丙商贸有限公司")
    action_bus().changed.emit("")
    qtbot.waitUntil(lambda: tab.model.total() == 2, timeout=5_000)
    tab.search.setText("丙商贸")
    tab.reload()
    tab.model.set_sort("case_number", descending=False)
    outcome = tab.export(tmp_path / "清单.xlsx")  # off the GUI thread
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    assert outcome.ok
    ws = load_workbook(outcome.result)["保全案件清单"]
    assert "搜索“丙商贸”" in ws["A1"].value and "案号升序" in ws["A1"].value
    assert [row[0].value for row in ws.iter_rows(min_row=3) if row[0].value] == ["（2026）鲁0212财保72号"]
