"""Small helpers of the preservation screens: fixed-height tables over plain rows, light dots."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from laoshan_desk.domain.lights import Light
from laoshan_desk.ui.common.lights import LightDelegate
from laoshan_desk.ui.common.paged_model import LightRole, RowRole

RED = "#D6322F"


def yuan(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f}"


def make_table(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def fill(
    view: QTableView,
    headers: list[str],
    rows: Sequence[Sequence[Any]],
    *,
    objects: Sequence[Any] = (),
    widths: Sequence[int] = (),
    lights: Sequence[Light | None] = (),
    light_column: int = 0,
    red_rows: Sequence[bool] = (),
) -> QStandardItemModel:
    """A small fixed list (QStandardItemModel is fine under a few hundred rows)."""
    model = QStandardItemModel(len(rows), len(headers), view)
    model.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = f"{value:,.2f}" if isinstance(value, Decimal) else "" if value is None else str(value)
            item = QStandardItem(text)
            if isinstance(value, Decimal):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and r < len(objects):
                item.setData(objects[r], RowRole)
            if c == light_column and r < len(lights) and lights[r] is not None:
                item.setData(lights[r].value, LightRole)
            if r < len(red_rows) and red_rows[r]:
                item.setForeground(QColor(RED))
            model.setItem(r, c, item)
    view.setModel(model)
    if lights:
        view.setItemDelegateForColumn(light_column, LightDelegate(view))
    for c, w in enumerate(widths):
        view.setColumnWidth(c, w)
    return model


def note_label(text: str = "", *, red: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if red:
        label.setStyleSheet(f"color: {RED};")
    return label


def figure(title: str, value: str, colour: str = "#1F4E79") -> QLabel:
    label = QLabel(
        f"<div style='font-size:11pt;color:#555'>{title}</div>"
        f"<div style='font-size:17pt;font-weight:bold;color:{colour}'>{value}</div>"
    )
    label.setStyleSheet("QLabel{background:#F4F7FB;border:1px solid #D5DEEA;border-radius:4px;padding:6px 10px;}")
    label.setMinimumWidth(150)
    return label
