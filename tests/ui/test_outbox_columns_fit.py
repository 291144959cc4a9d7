"""The SMS outbox fits the desk's normal window (1280×760) once it has rows: no horizontal scroll
bar (one was there with four messages), every time, count, phone and state shown whole at the
desk's font, and the long texts (the message, the carrier's reason) cut with "…" and given whole
in the tooltip, the same way tests/ui/test_queue_columns_fit.py holds the queue."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView

from laoshan_desk.domain.appeals.steps import SmsState
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.ui.appeals.outbox import outbox_columns
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import FIXED_NOW

MARGIN = 2 * 4  # the style's padding either side of a cell's text


def test_every_time_count_phone_and_state_fits_its_column(qapp):
    metrics = QFontMetrics(QTableView().font())
    texts = {
        "创建时间": ["2026-12-31 23:59", "2088-08-28 08:08"],
        "发送时间": ["2026-12-31 23:59", "2088-08-28 08:08"],
        "诉求编号": ["LS202612319999", "LS2026123199999"],  # the desk's numbers, a five-digit serial too
        "手机号": ["13888888888", "138****8888", "0532-88888888", "0532-****8888"],
        "状态": [s.label for s in SmsState] + [sms.NOT_CONFIGURED],
        "次数": [str(sms.MAX_ATTEMPTS), "99"],
    }
    widths = {c.header: c.width for c in outbox_columns()}
    for header, candidates in texts.items():
        need, text = max((metrics.horizontalAdvance(t), t) for t in candidates)
        assert need + MARGIN <= widths[header], f"{header}: “{text}” needs {need + MARGIN} px"


class _Carrier:
    """A carrier that refuses the first message with a long reason and takes the others."""

    def __init__(self) -> None:
        self.calls = 0

    def send(self, phone: str, text: str) -> str:
        self.calls += 1
        if self.calls == 1:
            raise sms.GatewayError("运营商回执：用户关机或暂时无法接通，已按退避间隔安排重试（错误码 DELIVRD-TIMEOUT）")
        return f"demo-{self.calls}"


def test_a_full_outbox_fits_the_window_with_long_texts_elided_and_whole_in_the_tooltip(qtbot, db, admin):
    long_text = "【崂山区崂先办】王先生您好，您反映的诉求已办结，" + "办理结果：已协调物业清理楼道杂物并恢复照明。" * 6
    with unit_of_work(db, admin, FIXED_NOW) as work:
        for n in range(12):
            sms.queue(work.session, None, f"0532-555{n:04d}", f"{long_text}（第 {n} 条）", now=FIXED_NOW)
    sms.send_pending(db, admin, now=FIXED_NOW + dt.timedelta(minutes=1), gw=_Carrier())

    window = MainWindow(DeskContext(db=db, actor=admin, clock=lambda: FIXED_NOW), idle_lock=False)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    tab = window.select_area("appeals")
    tab.tabs.setCurrentWidget(tab.outbox)
    outbox = tab.outbox
    qtbot.waitUntil(lambda: outbox.model.rowCount() == 12, timeout=10_000)
    QApplication.processEvents()

    view, header = outbox.view, outbox.view.horizontalHeader()
    assert header.length() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0 and not view.horizontalScrollBar().isVisible()

    columns = [c.header for c in outbox.model.columns()]
    content, error = columns.index("短信内容"), columns.index("错误")
    failed = next(
        i
        for i in range(outbox.model.rowCount())
        if outbox.model.data(outbox.model.index(i, 3)) == SmsState.FAILED.label
    )
    metrics = QFontMetrics(view.font())
    for row, column in ((0, content), (failed, error)):
        index = outbox.model.index(row, column)
        whole = outbox.model.data(index)
        assert metrics.horizontalAdvance(whole) > header.sectionSize(column)  # too long: cut on screen ...
        assert outbox.model.data(index, Qt.ItemDataRole.ToolTipRole) == whole  # ... and whole in the tooltip
    assert not view.wordWrap()  # cut at the edge with "…", not at the last break before the number
    window.close()
