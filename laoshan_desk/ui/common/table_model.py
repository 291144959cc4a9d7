"""The desk's one table idiom: columns declared as :class:`ColumnSpec`s over plain rows.

Two models share the columns and everything a view asks of them (text, alignment, lights,
colours, the row object):

- :class:`PagedTableModel` — big lists (the appeal queue, the audit log): a service's page
  function fetches rows as the view scrolls (``canFetchMore``/``fetchMore``); filtering and
  sorting happen in the database; the model never holds more than the clerk scrolled past.
  A list of a million rows counts them off the GUI thread (:class:`CountOffThread`): the first
  page paints at once and the count follows (``totalChanged``).
- :class:`ListTableModel` — small lists already in memory (a project's items, a case's assets,
  the users): sorted in memory, optionally with a check box column and editable cells.

Rows are frozen dataclasses from the service layer, never ORM objects. ``data()`` answers only
the roles a column declares and returns early otherwise (it is called for every painted cell).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from laoshan_desk.ui.common import worker
from laoshan_desk.ui.common.lights import light_dot
from laoshan_desk.ui.common.roles import LightRole, RowRole

ModelIndex = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)

__all__ = [
    "ColumnSpec",
    "CountOffThread",
    "LightRole",
    "ListTableModel",
    "PagedTableModel",
    "RowRole",
    "prepare_view",
]


@dataclasses.dataclass(frozen=True)
class ColumnSpec:
    """One column: its header, how a row becomes its text, and what else the view may ask."""

    header: str
    text: Callable[[Any], str]
    sort_key: str | None = None  # paged: the service's sort name; None = not sortable
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    light: Callable[[Any], Any] | None = None  # returns a Light: its dot before the text
    foreground: Callable[[Any], str | None] | None = None  # hex colour
    width: int = 110
    tooltip: Callable[[Any], str] | None = None
    sort_value: Callable[[Any], Any] | None = None  # in-memory sort; default: the text
    checkable: bool = False  # ListTableModel: a check box in this column
    editable: bool = False  # ListTableModel: the clerk may type over the text

    @property
    def sortable(self) -> bool:
        return self.sort_key is not None or self.sort_value is not None


def _display(columns: Sequence[ColumnSpec], row: Any, column: int, role: int) -> Any:
    """What both models answer for the roles every column may declare."""
    spec = columns[column]
    if role == Qt.ItemDataRole.DisplayRole:
        return spec.text(row)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(spec.align)
    if role == RowRole:
        return row
    if role == LightRole:
        return spec.light(row) if spec.light is not None else None
    if role == Qt.ItemDataRole.DecorationRole:
        return light_dot(spec.light(row)) if spec.light is not None else None
    if role == Qt.ItemDataRole.ToolTipRole:
        return spec.tooltip(row) if spec.tooltip is not None else None
    if role == Qt.ItemDataRole.ForegroundRole and spec.foreground is not None:
        from PySide6.QtGui import QColor

        colour = spec.foreground(row)
        return QColor("#" + colour) if colour else None
    return None


def _header(columns: Sequence[ColumnSpec], section: int, orientation: Qt.Orientation, role: int) -> Any:
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    if orientation == Qt.Orientation.Horizontal:
        return columns[section].header if 0 <= section < len(columns) else None
    return section + 1


PageFetcher = Callable[[int, int, str | None, bool], Sequence[Any]]  # offset, limit, sort, descending


@dataclasses.dataclass(frozen=True)
class CountOffThread:
    """A count run by a worker: ``prepare()`` is called on the GUI thread at each load and reads
    what the count depends on (the filter bar); the call it returns runs on a worker thread."""

    prepare: Callable[[], Callable[[], int]]


class PagedTableModel(QAbstractTableModel):
    """A big list paged from the database: ``fetch(offset, limit, sort, descending)`` and ``count()``
    are the service's; ``load=False`` builds the model empty so a tab can set its filter and sort
    before the first (and only) load. ``first_page`` rows are loaded first (default: a page):
    about what a maximized view shows, so the first paint builds no row it does not paint; the
    view asks for more (``fetchMore``) while the last loaded row is visible, and as it scrolls.

    With ``count=CountOffThread(...)`` the count runs on a worker while the first page is read
    and painted: :meth:`total` is None until it comes back (``totalChanged`` says when); a count
    of an earlier load that comes back late is dropped. Until then a full page means there may
    be more to fetch, a short one that the list ends."""

    totalChanged = Signal(object)  # the count (int), or None while a worker counts

    def __init__(
        self,
        columns: list[ColumnSpec],
        fetch: PageFetcher,
        count: Callable[[], int] | CountOffThread,
        page_size: int = 200,
        parent: Any = None,
        *,
        load: bool = True,
        first_page: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._count_fn = count
        self._page_size = page_size
        self._first_page = first_page or page_size
        self._rows: list[Any] = []
        self._total: int | None = 0
        self._more = False  # while the count is not known: the last page was full
        self._count = worker.LatestRead(self)  # a later load's count drops an earlier one
        self._sort: str | None = None
        self._descending = False
        self.loaded = False
        self.count_failed = False
        if load:
            self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (after a filter or an edit): count, then the first page."""
        self.beginResetModel()
        if isinstance(self._count_fn, CountOffThread):
            self._total = None
            self.count_failed = False
            self._count.start(self._count_fn.prepare(), self._counted, self._count_failed)
        else:
            self._total = self._count_fn()
        self._rows = list(self._fetch(0, self._first_page, self._sort, self._descending))
        self._more = len(self._rows) >= self._first_page
        self.loaded = True
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def _counted(self, total: int) -> None:
        self._total = total
        self.totalChanged.emit(total)

    def _count_failed(self, exc: BaseException) -> None:
        log.error("counting the list failed", exc_info=exc)
        self.count_failed = True
        self.totalChanged.emit(None)

    def total(self) -> int | None:
        """How many rows the filter keeps; None while a worker is still counting them."""
        return self._total

    def count_text(self, template: str) -> str:
        """``template`` (e.g. ``"共 {n:,} 件"``) with the count, or what a count label says while a
        worker counts (正在计数…) or after it failed."""
        if self._total is None:
            return "计数失败，请按 F5 重试" if self.count_failed else "正在计数…"
        return template.format(n=self._total)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        if self._total is None:
            return self._more
        return len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = list(self._fetch(len(self._rows), self._page_size, self._sort, self._descending))
        self._more = len(more) >= self._page_size
        if not more:
            if self._total is not None:
                self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return _display(self._columns, self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(self._columns, section, orientation, role)

    def columns(self) -> list[ColumnSpec]:
        return list(self._columns)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return  # a view with no sort indicator yet asks for column -1
        key = self._columns[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self.loaded:
            return  # the view re-applies its sort when it is attached: one load, not two
        self._sort = key
        self._descending = descending
        self.reload()

    def current_sort(self) -> tuple[str | None, bool]:
        return self._sort, self._descending

    def set_sort(self, key: str | None, descending: bool = False) -> None:
        """Choose the sort before the first load (no reload)."""
        self._sort, self._descending = key, descending

    def column_widths(self) -> list[int]:
        return [c.width for c in self._columns]


class ListTableModel(QAbstractTableModel):
    """A small list already in memory (up to a few thousand rows), sorted in memory.

    A ``checkable`` column shows a check box per row (``checked_rows()``); an ``editable`` column
    lets the clerk type over the text (``cell_text(row, column)`` returns what was typed). Both
    are kept by the model, keyed by row, and cleared by :meth:`set_rows`.
    """

    def __init__(self, columns: list[ColumnSpec], rows: Sequence[Any] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = list(rows)
        self._checked: set[int] = set()
        self._edits: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[Any], *, checked: Callable[[Any], bool] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = {i for i, row in enumerate(self._rows) if checked is not None and checked(row)}
        self._edits = {}
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def total(self) -> int:
        return len(self._rows)

    def column_widths(self) -> list[int]:
        return [c.width for c in self._columns]

    # -- check boxes and edits ---------------------------------------------------------------
    def checked_rows(self) -> list[Any]:
        return [self._rows[i] for i in sorted(self._checked)]

    def set_checked(self, row: int, checked: bool) -> None:
        (self._checked.add if checked else self._checked.discard)(row)
        for c, spec in enumerate(self._columns):
            if spec.checkable:
                index = self.index(row, c)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def cell_text(self, row: int, column: int) -> str:
        edited = self._edits.get((row, column))
        return edited if edited is not None else self._columns[column].text(self._rows[row])

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        spec = self._columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole:
            if not spec.checkable:
                return None
            return Qt.CheckState.Checked if index.row() in self._checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) and spec.editable:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.EditRole:
            return None
        return _display(self._columns, self._rows[index.row()], index.column(), role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        spec = self._columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and spec.checkable:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            (self._checked.add if checked else self._checked.discard)(index.row())
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            return True
        if role == Qt.ItemDataRole.EditRole and spec.editable:
            self._edits[(index.row(), index.column())] = str(value).strip()
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
            return True
        return False

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        spec = self._columns[index.column()]
        if spec.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if spec.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _header(self._columns, section, orientation, role)

    def columns(self) -> list[ColumnSpec]:
        return list(self._columns)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return  # a view with no sort indicator yet asks for column -1
        spec = self._columns[column]
        if not spec.sortable:
            return
        key = spec.sort_value or spec.text
        self.layoutAboutToBeChanged.emit()
        checked = {id(self._rows[i]) for i in self._checked}
        edits = {(id(self._rows[r]), c): t for (r, c), t in self._edits.items()}
        self._rows.sort(key=lambda row: _sortable(key(row)), reverse=order == Qt.SortOrder.DescendingOrder)
        position = {id(row): i for i, row in enumerate(self._rows)}
        self._checked = {position[k] for k in checked}
        self._edits = {(position[k], c): t for (k, c), t in edits.items()}
        self.layoutChanged.emit()


def _sortable(value: Any) -> tuple[int, Any]:
    """None sorts last; mixed types never raise."""
    if value is None:
        return (1, "")
    return (0, value)


def prepare_view(view: Any, model: PagedTableModel | ListTableModel, *, load: bool = True) -> None:
    """Attach ``model`` to a QTableView the desk's way: fixed row heights (never resize to
    contents: 24 s at 20,000 rows), widths from the column specs, sorting where a column sorts,
    and no horizontal scroll bar while the list is empty (a light column's dot is the model's).
    A paged model built with ``load=False`` is loaded here, unless ``load=False`` here too: then
    the caller loads it when the list is first shown (an inner tab nobody has opened yet)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(26)
    vertical.hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for i, width in enumerate(model.column_widths()):
        view.setColumnWidth(i, width)
    if isinstance(model, PagedTableModel):
        keys = [c.sort_key for c in model.columns()]
        current, descending = model.current_sort()
        if current in keys:
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(keys.index(current), order)
    view.setSortingEnabled(any(c.sortable for c in model.columns()))
    if load and isinstance(model, PagedTableModel) and not model.loaded:
        model.reload()  # built with load=False: the first and only load, with the view's sort

    def scroll_bar() -> None:
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if model.rowCount() else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        view.setHorizontalScrollBarPolicy(policy)

    model.modelReset.connect(scroll_bar)
    model.rowsInserted.connect(scroll_bar)
    scroll_bar()
