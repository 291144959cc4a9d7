"""A lazy table model over a service's page function: fetches rows as the view scrolls.

Filtering and sorting happen in the database (the service takes them as arguments); the model
only asks for the next page with ``canFetchMore``/``fetchMore`` and never holds more rows than
the clerk has scrolled past. Rows are plain objects (dataclasses) from the service layer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex

# Custom role: the raw row object (views ask for it to open the record).
RowRole = Qt.ItemDataRole.UserRole + 1
LightRole = Qt.ItemDataRole.UserRole + 2


@dataclasses.dataclass(frozen=True)
class ColumnSpec:
    header: str
    text: Callable[[Any], str]
    sort_key: str | None = None  # the service's sort name; None = not sortable
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    light: Callable[[Any], Any] | None = None  # returns a Light for the light delegate
    foreground: Callable[[Any], str | None] | None = None  # hex colour
    width: int = 110


PageFetcher = Callable[[int, int, str | None, bool], Sequence[Any]]  # offset, limit, sort, descending


class PagedTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: list[ColumnSpec],
        fetch: PageFetcher,
        count: Callable[[], int],
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._count_fn = count
        self._page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._sort: str | None = None
        self._descending = False
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (after a filter or an edit): count, then the first page."""
        self.beginResetModel()
        self._total = self._count_fn()
        self._rows = list(self._fetch(0, self._page_size, self._sort, self._descending))
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = list(self._fetch(len(self._rows), self._page_size, self._sort, self._descending))
        if not more:
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
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == LightRole and column.light is not None:
            return column.light(self._rows[index.row()])
        if role == RowRole:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            from PySide6.QtGui import QColor

            colour = column.foreground(self._rows[index.row()])
            return QColor("#" + colour) if colour else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def column_widths(self) -> list[int]:
        return [c.width for c in self._columns]
