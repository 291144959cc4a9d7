"""超期 only when overdue (docs/rules.md §approvals-lights, §approvals-bulletin): on the demo's day an
item whose latest finish is still ahead but whose slack is negative (王哥庄 SP077) reads 计划不可行
on its row, the wall chart's tooltip, the project summary, the project list and the printed
reverse schedule; an item past its latest finish (中韩 SP032) reads 超期; a ticked-off one 已销号."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.tab import ApprovalsTab
from tests.conftest import FIXED_NOW


def _open(qtbot, ctx, words: str) -> tuple[ApprovalsTab, int]:  # type: ignore[no-untyped-def]
    tab = ApprovalsTab(ctx)
    qtbot.addWidget(tab)
    row = next(r for r in range(tab.model.rowCount()) if words in tab.model.row_at(r).name)
    tab.select_project(tab.model.row_at(row).id)
    return tab, row


def _row_text(tab: ApprovalsTab, code: str) -> str:
    model = tab.page.items_model
    return str(model.data(model.index([r.code for r in model.rows()].index(code), 0)))


# A row of the printed reverse schedule, read back: its 编码, then (after the wrapped cells) its
# 状态 and, last, its 亮灯 in words.
_ROW = re.compile(
    r"^\d+ (SP\d{3})\s.*?(?:未启动|预审中|已受理|踏勘验收|已销号) (超期|计划不可行|临期|正常|已销号|—)$", re.S | re.M
)


def _printed_signals(data: bytes) -> dict[str, str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return dict(_ROW.findall(text))


def test_an_item_that_cannot_make_the_target_reads_infeasible_not_overdue(qtbot, demo_ctx):
    today = FIXED_NOW.date()
    tab, row = _open(qtbot, demo_ctx, "王哥庄")
    item = tab.page.view.item("SP077")
    assert item.light is Light.RED and item.slack_days < 0 and item.latest_finish > today  # the premise
    assert _row_text(tab, "SP077") == "计划不可行"
    assert _row_text(tab, "SP001") == "已销号"
    assert "亮灯：计划不可行" in tab.page.gantt.bars["SP077"].toolTip()
    assert "超期" not in tab.page.gantt.bars["SP077"].toolTip()
    header = tab.page.header.text()
    assert "超期 0" in header and "计划不可行 1" in header
    # the project list: its light in words and its 超期/不可行/临期 counts
    assert tab.model.data(tab.model.index(row, 0)) == "计划不可行"
    counts = [
        c
        for c in range(tab.model.columnCount())
        if tab.model.headerData(c, Qt.Orientation.Horizontal) == "超期/不可行/临期"
    ]
    assert tab.model.data(tab.model.index(row, counts[0])) == "0/1/0"
    # the printed reverse schedule, read back
    printed = _printed_signals(svc.schedule_pdf(demo_ctx.db, demo_ctx.actor, tab.page.view.id, today=today))
    assert len(printed) == len(tab.page.view.must_items)  # every row read back
    assert printed["SP077"] == "计划不可行" and printed["SP001"] == "已销号" and printed["SP009"] == "正常"


def test_an_item_past_its_latest_finish_reads_overdue(qtbot, demo_ctx):
    today = FIXED_NOW.date()
    tab, row = _open(qtbot, demo_ctx, "中韩")
    item = tab.page.view.item("SP032")
    assert not item.done and item.latest_finish < today  # the premise
    assert _row_text(tab, "SP032") == "超期"
    assert "亮灯：超期" in tab.page.gantt.bars["SP032"].toolTip()
    header = tab.page.header.text()
    assert "超期 1" in header and "计划不可行 0" in header
    assert tab.model.data(tab.model.index(row, 0)) == "超期"
    printed = _printed_signals(svc.schedule_pdf(demo_ctx.db, demo_ctx.actor, tab.page.view.id, today=today))
    assert printed == {"SP001": "已销号", "SP035": "已销号", "SP032": "超期", "SP068": "已销号"}
    assert "亮灯：已销号" in tab.page.gantt.bars["SP001"].toolTip()
