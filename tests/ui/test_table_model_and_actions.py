"""The one table idiom (paged and in-memory models) and the one action helper."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QTableView, QVBoxLayout

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.ui.common.actions import action_bus, run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import (
    ColumnSpec,
    CountOffThread,
    LightRole,
    ListTableModel,
    PagedTableModel,
    RowRole,
    prepare_view,
)


@dataclasses.dataclass(frozen=True)
class Row:
    number: int
    name: str
    light: Light


ROWS = [Row(i, f"诉求{i:04d}", [Light.GREEN, Light.YELLOW, Light.RED][i % 3]) for i in range(1000)]
COLUMNS = [
    ColumnSpec("编号", lambda r: str(r.number), sort_key="number", sort_value=lambda r: r.number),
    ColumnSpec("名称", lambda r: r.name, sort_key="name"),
    ColumnSpec("灯", lambda r: r.light.label, light=lambda r: r.light),
]


class Source:
    """A page function over a list, counting how often the database would be asked."""

    def __init__(self) -> None:
        self.fetches = 0
        self.counts = 0

    def fetch(self, offset, limit, sort, descending):
        self.fetches += 1
        rows = sorted(ROWS, key=lambda r: getattr(r, sort), reverse=descending) if sort else ROWS
        return rows[offset : offset + limit]

    def count(self):
        self.counts += 1
        return len(ROWS)


def test_paged_model_passes_the_model_tester_and_pages(qtmodeltester):
    source = Source()
    qtmodeltester.check(PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100))
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    assert model.data(model.index(2, 2), LightRole) == Light.RED
    assert model.data(model.index(5, 0), RowRole) == ROWS[5]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "999"


def test_a_view_attached_to_an_unloaded_model_loads_it_once(qtbot):
    source = Source()
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=50, load=False)
    model.set_sort("name", descending=True)
    view = QTableView()
    qtbot.addWidget(view)
    prepare_view(view, model)
    assert (source.counts, source.fetches) == (1, 1)
    assert model.data(model.index(0, 1)) == "诉求0999"
    assert view.horizontalHeader().sortIndicatorSection() == 1
    model.sort(1, Qt.SortOrder.DescendingOrder)  # the same sort again: no second load
    assert source.fetches == 1


def test_a_count_off_the_thread_follows_the_first_page_and_a_late_one_is_dropped(qtbot):
    source = Source()
    first_may_finish = threading.Event()
    counted: list[tuple[int, str]] = []  # (load, thread) of each count that ran
    finished: list[int] = []

    def prepare():  # on the GUI thread, at each load: what the count depends on
        load = source.fetches + 1
        total = 700 if load == 1 else 1000

        def count():
            counted.append((load, threading.current_thread().name))
            if load == 1:
                first_may_finish.wait(10)  # the first load's count is slow
            finished.append(load)
            return total

        return count

    model = PagedTableModel(COLUMNS, source.fetch, CountOffThread(prepare), page_size=100)
    seen: list[object] = []
    model.totalChanged.connect(seen.append)
    # The first page is there before the count: a full page means there may be more.
    assert model.rowCount() == 100 and model.total() is None and model.canFetchMore()
    qtbot.waitUntil(lambda: len(counted) == 1)  # the first count runs (slowly) on a worker
    model.reload()  # a new filter while it runs
    qtbot.waitUntil(lambda: model.total() == 1000)
    first_may_finish.set()
    qtbot.waitUntil(lambda: 1 in finished)
    qtbot.wait(50)  # the first count's late answer reaches the GUI thread and is dropped
    assert model.total() == 1000 and seen == [None, 1000]
    assert threading.main_thread().name not in [name for _load, name in counted]
    # Loads overtaken before the event loop ran again (a clerk typing) start no count at all.
    model.reload()
    model.reload()
    qtbot.waitUntil(lambda: model.total() is not None)
    qtbot.wait(50)
    assert [load for load, _name in counted] == [1, 2, 4]
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(ROWS)


def test_a_count_does_not_wait_behind_long_jobs(qtbot):
    from PySide6.QtCore import QThreadPool

    from laoshan_desk.ui.common import worker

    release = threading.Event()
    busy = QThreadPool.globalInstance().maxThreadCount()
    done: list[object] = []
    for _ in range(busy):  # every thread of the long jobs' pool taken (an export, statistics…)
        worker.run_in_background(lambda: release.wait(20), done.append, done.append)
    try:
        model = PagedTableModel(COLUMNS, Source().fetch, CountOffThread(lambda: lambda: len(ROWS)))
        qtbot.waitUntil(lambda: model.total() == len(ROWS), timeout=5000)
        assert done == []  # the long jobs still run
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(done) == busy, timeout=5000)


def test_before_its_count_a_short_page_ends_the_list_and_a_failed_count_says_so(qtbot):
    def prepare():
        def count():
            raise OSError("disk gone")

        return count

    model = PagedTableModel(COLUMNS, lambda o, n, s, d: ROWS[o : min(o + n, 30)], CountOffThread(prepare))
    assert model.rowCount() == 30 and not model.canFetchMore()
    qtbot.waitUntil(lambda: model.count_failed)
    assert model.total() is None


def test_an_empty_list_shows_no_horizontal_scroll_bar(qtbot):
    model = ListTableModel(COLUMNS * 6)
    view = QTableView()
    qtbot.addWidget(view)
    prepare_view(view, model)
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    model.set_rows(ROWS[:3])
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_list_model_sorts_checks_and_edits_in_memory(qtmodeltester):
    columns = [
        ColumnSpec("选", lambda r: "", checkable=True),
        ColumnSpec("编号", lambda r: str(r.number), sort_value=lambda r: r.number),
        ColumnSpec("金额", lambda r: "100.00", editable=True),
    ]
    model = ListTableModel(columns, ROWS[:20])
    qtmodeltester.check(model)
    model.setData(model.index(3, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(3, 2), " 250.50 ", Qt.ItemDataRole.EditRole)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    # The check and the typed amount follow their row through the sort.
    assert [r.number for r in model.checked_rows()] == [3]
    moved = [i for i in range(model.rowCount()) if model.row_at(i).number == 3][0]
    assert model.cell_text(moved, 2) == "250.50"
    assert model.data(model.index(moved, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    model.set_rows(ROWS[:5], checked=lambda r: r.number == 1)
    assert [r.number for r in model.checked_rows()] == [1]


def _form(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    edit, fallback = QLineEdit(), QLabel()
    layout.addWidget(edit)
    layout.addWidget(fallback)
    edit.setText("已经输入的内容")
    return dialog, edit, FieldErrors({"content": edit}, fallback)


def test_a_refusal_goes_beside_its_field_and_the_form_keeps_its_text(qtbot):
    dialog, edit, errors = _form(qtbot)

    def refuse():
        raise ValidationError("诉求内容不能超过 4000 字", field="content")

    outcome = run_action(dialog, refuse, errors=errors)
    assert outcome.finished and not outcome.ok
    assert errors.message_for("content") == "诉求内容不能超过 4000 字"
    assert edit.text() == "已经输入的内容"


def test_success_runs_done_then_refresh_then_tells_every_list(qtbot):
    dialog, _edit, errors = _form(qtbot)
    seen: list[str] = []
    action_bus().changed.connect(lambda area: seen.append(f"bus:{area}"))
    outcome = run_action(
        dialog,
        lambda: 42,
        errors=errors,
        done=lambda r: seen.append(f"done:{r}"),
        refresh=lambda: seen.append("refresh"),
        area="appeals",
    )
    assert outcome.ok and outcome.result == 42
    assert seen[:3] == ["done:42", "refresh", "bus:appeals"]


def test_an_unexpected_error_is_a_sentence_not_a_traceback(qtbot):
    dialog, _edit, _errors = _form(qtbot)
    outcome = run_action(dialog, lambda: 1 / 0)
    assert outcome.finished and isinstance(outcome.error, ZeroDivisionError)
    box = dialog.findChild(QMessageBox, "deskMessage")
    assert box is not None and "出现意外错误" in box.text()
    box.close()


@pytest.mark.parametrize("fails", [False, True])
def test_background_work_runs_off_the_gui_thread(qtbot, fails):
    dialog, _edit, errors = _form(qtbot)
    gui = threading.get_ident()
    where: list[int] = []
    steps: list[int] = []

    def slow(progress):
        where.append(threading.get_ident())
        for i in range(3):
            progress(i + 1, 3, f"已处理 {i + 1} 行")
        if fails:
            raise ValidationError("第 3 行：日期格式不对", field="content")
        return "导出完成"

    outcome = run_action(
        dialog, slow, errors=errors, background=True, reports_progress=True, done=lambda r: steps.append(1)
    )
    assert not outcome.finished  # returned at once; the GUI thread stays free
    qtbot.waitUntil(lambda: outcome.finished, timeout=5000)
    assert where and where[0] != gui
    if fails:
        assert errors.message_for("content") == "第 3 行：日期格式不对" and not steps
    else:
        assert outcome.result == "导出完成" and steps == [1]
