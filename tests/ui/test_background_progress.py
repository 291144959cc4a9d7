"""A background job as the clerk sees it: the progress dialog comes up while the job runs and
shows the latest of the job's reports (however many it makes), goes away when the job ends or
fails; a paced export off the GUI thread writes the same workbook as the synchronous one."""

from __future__ import annotations

import threading

from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel, QProgressDialog, QVBoxLayout, QWidget

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.appeals import seed as seed_appeals
from laoshan_desk.ui.appeals.tab import AppealsTab
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from tests.ui.counts import counted

ROWS = 20_000


def _window(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    fallback = QLabel(window)
    QVBoxLayout(window).addWidget(fallback)
    window.resize(480, 240)
    window.show()
    qtbot.waitExposed(window)
    return window, FieldErrors({}, fallback), fallback


def test_the_dialog_shows_the_latest_of_many_reports_then_goes_away(qtbot):
    window, errors, _fallback = _window(qtbot)
    release = threading.Event()

    def job(progress):  # a report for every row, as an import's loop makes them
        for i in range(1, ROWS + 1):
            progress(i, ROWS, f"已处理 {i:,} 行")
        release.wait(30)  # the test looks at the dialog while the job still runs
        return ROWS

    outcome = run_action(window, job, errors=errors, background=True, reports_progress=True, progress="正在导入…")
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None and not outcome.finished
    # Up within the 300 ms of setMinimumDuration (the constructor's 4 s no longer stand), and it
    # blocks the window it belongs to.
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.isModal()
    qtbot.waitUntil(lambda: dialog.labelText() == f"已处理 {ROWS:,} 行", timeout=10_000)
    assert dialog.maximum() == ROWS and dialog.value() == ROWS
    release.set()
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    assert outcome.ok and outcome.result == ROWS
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog) is None, timeout=5000)


def test_a_job_that_fails_half_way_says_why_and_its_dialog_goes_away(qtbot):
    window, errors, fallback = _window(qtbot)

    def job(progress):
        for i in range(1, 1001):
            progress(i, 2000, "正在校验")
        raise ValidationError("第 1001 行：日期格式不对", field="file")

    outcome = run_action(window, job, errors=errors, background=True, reports_progress=True)
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    assert not outcome.ok and isinstance(outcome.error, ValidationError)
    assert fallback.text() == "第 1001 行：日期格式不对"  # no field of that name: the form's line
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog) is None, timeout=5000)


def test_the_ledger_exported_off_the_gui_thread_is_the_one_exported_on_it(qtbot, ctx, tmp_path):
    seed_appeals.load_demo(ctx.db, ctx.actor, appeals=300, now=ctx.now())
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    shown = counted(qtbot, tab.queue.model)
    assert shown == 300
    on_gui = tab.export_file(tmp_path / "on_gui.xlsx")  # the main thread: pace() never sleeps
    tab.start_export(tmp_path / "off_gui.xlsx")  # a pool thread, pacing every 10 ms
    assert tab.busy
    qtbot.waitUntil(lambda: not tab.busy, timeout=60_000)
    assert tab.status.text() == f"已导出 {on_gui:,} 件到 {tmp_path / 'off_gui.xlsx'}"

    def cells(name: str) -> list[tuple[object, ...]]:
        book = load_workbook(tmp_path / name, read_only=True)
        try:
            return list(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()

    off_gui = cells("off_gui.xlsx")
    assert len(off_gui) == shown + 2  # the caption, the header, every appeal
    assert off_gui == cells("on_gui.xlsx")
    assert off_gui[1][0] == "诉求编号" and all(row[0] for row in off_gui[2:])
