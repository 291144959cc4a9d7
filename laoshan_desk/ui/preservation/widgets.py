"""Small pieces the preservation screens share: a table view, money and time text, notes, figures.

Every table is a :class:`~laoshan_desk.ui.common.table_model.ListTableModel` or
``PagedTableModel`` over the services' plain rows, attached with ``prepare_view``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view

RED = "#D6322F"
GREEN = "#2E9D46"
BLUE = "#1F4E79"
GREY = "808080"  # a ColumnSpec foreground (hex without #)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def yuan(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f}"


def wan(amount: Decimal) -> str:
    """万元 on the figure cards: 608,000,000 → 60,800.00万元."""
    return f"{amount / 10000:,.2f}万元"


def when(value: dt.datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def day(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def money_column(header: str, amount: Callable[[Any], Decimal | None], width: int = 110) -> ColumnSpec:
    """A right-aligned amount column sorted by its value."""
    return ColumnSpec(header, lambda r: yuan(amount(r)), align=RIGHT, width=width, sort_value=amount)


def table(parent: QWidget | None = None) -> QTableView:
    """A read-only, single-selection table view (the model comes with :func:`attach`)."""
    view = QTableView(parent)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    return view


def attach(view: QTableView, columns: list[ColumnSpec], rows: Sequence[Any] = ()) -> ListTableModel:
    """A list model of ``columns`` over ``rows`` on ``view``; column 0 shows the light when it has one."""
    model = ListTableModel(columns, rows, parent=view)
    prepare_view(view, model)
    return model


def selected_row(view: QTableView) -> Any:
    """The row object under the view's current index, or None."""
    index = view.currentIndex()
    model = view.model()
    if not index.isValid() or not isinstance(model, ListTableModel):
        return None
    return model.row_at(index.row())


def note_label(text: str = "", *, red: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if red:
        label.setStyleSheet(f"color: {RED};")
    return label


def figure(title: str, value: str, colour: str = BLUE) -> QLabel:
    label = QLabel(
        f"<div style='font-size:11pt;color:#555'>{title}</div>"
        f"<div style='font-size:17pt;font-weight:bold;color:{colour}'>{value}</div>"
    )
    label.setStyleSheet("QLabel{background:#F4F7FB;border:1px solid #D5DEEA;border-radius:4px;padding:6px 10px;}")
    label.setMinimumWidth(150)
    return label


class BarErrors(FieldErrors):
    """:class:`FieldErrors` for a field in a row of buttons (a date beside the button that sends
    it): the message stands on one line right of the field, not wrapped between two buttons."""

    def show(self, error: DeskError) -> None:
        super().show(error)
        for label in self._labels.values():
            label.setWordWrap(False)
