"""第三步 at the 1280×800 default window (issue 15): the measures table needs no horizontal scroll
bar, and a renewal applied for late shows its 续行提示 whole, the full 第十八条 warning in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laoshan_desk.domain.preservation.vocabulary import Measure
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from laoshan_desk.ui.preservation.measures_step import RENEWAL_HINT
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.builders import _assets, _register, decide, ref, shown

CELL_PADDING = 6  # the style's text margins inside a cell, both sides together


def _late_renewal(db, admin, now):  # type: ignore[no-untyped-def]
    """A case whose general account was frozen on ``now`` and renewed a year later, two days
    after the last day to apply (seven days before the term ended): the renewal has its warning."""
    case_id = _register(db, admin, now)
    _assets(db, admin, case_id, now)
    svc.propose(db, admin, ref(db, admin, case_id), now=now)
    decide(db, admin, case_id, "grant", "申请符合法律规定", now)
    svc.record_measures(db, admin, svc.MeasuresForm(case_id, shown(db, admin, case_id, now), now.date()), now=now)
    seen = now.replace(year=now.year + 1, day=now.day - 5)
    measure = next(m for m in svc.case_detail(db, admin, case_id, now=seen).measures if m.renew_apply_by < seen.date())
    form = svc.RenewalForm(measure.id, shown(db, admin, case_id, seen), renewed_on=seen.date(), applied_on=seen.date())
    assert svc.renew_measure(db, admin, form, now=seen).warning  # the premise: a late application
    return case_id, seen


def test_the_measures_table_fits_the_default_window(qtbot, db, admin, fixed_now):
    case_id, seen = _late_renewal(db, admin, fixed_now)
    window = MainWindow(DeskContext(db=db, actor=admin, clock=lambda: seen), idle_lock=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index("财产保全审查")
    window.tabs.setCurrentIndex(index)  # built when first shown
    tab = window.tabs.widget(index)
    assert isinstance(tab, PreservationTab)
    tab.open_case(case_id)
    tab.case_page.tabs.setCurrentWidget(tab.case_page.measures)
    view = tab.case_page.measures.measures_view
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() == 2)
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert not view.horizontalScrollBar().isVisible()
    assert sum(view.columnWidth(c) for c in range(model.columnCount())) <= view.viewport().width()
    hint = headers.index("续行提示")
    rows = [model.index(r, hint).data() for r in range(model.rowCount())]
    assert RENEWAL_HINT in rows
    row = rows.index(RENEWAL_HINT)
    assert "第十八条" in model.index(row, hint).data(Qt.ItemDataRole.ToolTipRole)
    metrics = view.fontMetrics()
    # Every cell's text fits its column: nothing elided, the 续行提示 above all.
    for c, name in enumerate(headers):
        for r in range(model.rowCount()):
            text = model.index(r, c).data() or ""
            needed = metrics.horizontalAdvance(text) + CELL_PADDING + (20 if c == 0 else 0)  # the light's dot
            assert needed <= view.columnWidth(c), (name, text, needed, view.columnWidth(c))
    # The longest words those short columns can hold, whatever the case: a sealed thing kept in use,
    # a released measure.
    longest = {
        "措施": max((m.label + "（活封）" for m in Measure), key=metrics.horizontalAdvance),
        "状态": "已解除 2026-11-25",
    }
    for name, text in longest.items():
        assert metrics.horizontalAdvance(text) + CELL_PADDING <= view.columnWidth(headers.index(name)), name
