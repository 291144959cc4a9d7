"""What the 审批点菜单 dialogs share: date conversions, button texts, the table set-up and the preview."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QWidget,
)

from laoshan_desk.domain.approvals import Classification
from laoshan_desk.services import printing
from laoshan_desk.ui.common.lights import LightDelegate
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, preview_document
from laoshan_desk.ui.context import DeskContext

CLASS_ORDER = [Classification.MUST_DO, Classification.SELF_HANDLED, Classification.NOT_NEEDED]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _ok_cancel(box: QDialogButtonBox, ok: str = "保存") -> None:
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")


def setup_table(view: QTableView, model: Any, *, light_column: int | None = 0) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    for i, w in enumerate(model.column_widths()):
        view.setColumnWidth(i, w)
    if light_column is not None:
        view.setItemDelegateForColumn(light_column, LightDelegate(view))


def preview_pdf(
    parent: QWidget, ctx: DeskContext, data: bytes, title: str, name: str, entity: str, entity_id: Any
) -> PdfPreviewDialog:
    output = printing.Output(entity, None if entity_id is None else str(entity_id), title)
    return preview_document(parent, ctx, data, output, name)
