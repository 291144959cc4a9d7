"""Showing a court paper of a case: built by the service, previewed, audited once when printed or saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.preservation import Paper
from laoshan_desk.services import preservation as svc
from laoshan_desk.services import printing
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, preview_document
from laoshan_desk.ui.context import DeskContext


def show_paper(
    widget: QWidget,
    ctx: DeskContext,
    detail: svc.CaseDetail,
    paper: Paper,
    make: Callable[[], bytes],
    opened: Callable[[PdfPreviewDialog], None],
) -> None:
    """Build the paper (a refusal is shown in a box) and open its preview; ``opened`` gets the dialog."""
    output = printing.Output("pres_case", str(detail.id), f"{paper.label} {detail.case_number}")

    def show(pdf: bytes) -> None:
        dialog = preview_document(widget, ctx, pdf, output, f"{paper.label}.pdf")
        dialog.resize(820, 760)
        dialog.open()
        opened(dialog)

    run_action(widget, make, done=show, title="无法生成文书")
