"""The queue's two countdown columns are wide enough for every text the clock rules write there
(a clipped "超时 1天13小时" was seen in the queue screenshot): the longest texts of
``response_countdown`` and ``completion_countdown`` fit beside the light at the desk's font."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from laoshan_desk.domain.appeals.clocks.lights import format_duration
from laoshan_desk.ui.appeals.queue import queue_columns

LIGHT = 6 + 12 + 6  # the light delegate's margin, dot and gap before the text
MARGIN = 2 + 6  # its right margin, and the style's padding


def _widest(texts: list[str], metrics: QFontMetrics) -> tuple[int, str]:
    return max((metrics.horizontalAdvance(t), t) for t in texts)


def test_every_countdown_text_fits_its_column(qapp):
    metrics = QFontMetrics(QTableView().font())
    spans = [dt.timedelta(days=d, hours=h, minutes=m) for d in (0, 9, 99) for h in (0, 10, 23) for m in (0, 59)]
    durations = [format_duration(s) for s in spans if s]
    response = [f"{w} {d}" for w in ("剩余", "超时") for d in durations] + ["超时响应", "已响应"]
    completion = [f"{w} {n} 个工作日" for w in ("剩余", "超期") for n in (1, 99, 999)]
    completion += [f"剩余 {d}" for d in durations if "天" not in d] + ["按期办结", "超期办结", "已超期"]
    widths = {c.header: c.width for c in queue_columns()}
    for header, texts in (("响应倒计时", response), ("办结倒计时", completion)):
        need, text = _widest(texts, metrics)
        assert need + LIGHT + MARGIN <= widths[header], f"{header}: “{text}” needs {need + LIGHT + MARGIN} px"
