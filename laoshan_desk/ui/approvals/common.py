"""What the 审批点菜单 screens share: date conversions, button texts, the table set-up and the
preview of a paper (printing or saving it is audited once, by the preview)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QTableView, QWidget

from laoshan_desk.domain.approvals import Classification
from laoshan_desk.services import printing
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, preview_document
from laoshan_desk.ui.common.table_model import ListTableModel, PagedTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

AREA = "approvals"  # what run_action announces on the action bus
CLASS_ORDER = list(Classification)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def ok_cancel(box: QDialogButtonBox, ok: str = "保存") -> None:
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")


def setup_table(view: QTableView, model: PagedTableModel | ListTableModel, *, editable: bool = False) -> None:
    """The desk's table set-up (:func:`prepare_view`), one row selected at a time."""
    prepare_view(view, model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def preview_pdf(
    parent: QWidget,
    ctx: DeskContext,
    data: bytes,
    title: str,
    name: str,
    entity: str,
    entity_id: uuid.UUID | str | None,
) -> PdfPreviewDialog:
    """The in-desk preview of a paper; printing or saving it records it once, after it happened."""
    output = printing.Output(entity, None if entity_id is None else str(entity_id), title)
    return preview_document(parent, ctx, data, output, name)
