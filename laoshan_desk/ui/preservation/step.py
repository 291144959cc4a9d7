"""What the widgets of a case's steps share: the case as the page showed it, one way to act on it.

A step gets the :class:`CaseDetail` from the page (``fill``), sends every write with the version
it showed (:meth:`CaseStep.ref`) through ``run_action``, and asks the page to reload when a write
succeeded (``changed``). A paper it prints is previewed by :meth:`CaseStep.show_paper`. A dialog,
a question (``ask``) or a message (``tell``) opens over the step with ``open()`` as ``step.dialog``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from laoshan_desk.domain.preservation import Paper
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.papers import show_paper

T = TypeVar("T")


class CaseStep(QWidget):
    changed = Signal()  # a write succeeded: the case page reloads

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: svc.CaseDetail | None = None
        self.preview: PdfPreviewDialog | None = None
        self.dialog: QDialog | None = None  # a dialog, question or message open over the step

    def fill(self, d: svc.CaseDetail) -> None:
        self.detail = d

    def ref(self) -> svc.CaseRef:
        """The case as this page shows it: every write carries the version it showed."""
        assert self.detail is not None
        return svc.CaseRef(self.detail.id, self.detail.version)

    def act(
        self,
        call: Callable[[], T],
        *,
        errors: FieldErrors | None = None,
        done: Callable[[T], None] | None = None,
        background: bool = False,
        progress: str = "正在处理，请稍候…",
    ) -> Outcome[T]:
        """Run a write for the clerk; on success the page reloads and every list hears of it."""
        return run_action(
            self,
            call,
            errors=errors,
            done=done,
            refresh=self.changed.emit,
            area="preservation",
            background=background,
            progress=progress,
        )

    def show_paper(self, paper: Paper, make: Callable[[], bytes]) -> None:
        assert self.detail is not None
        show_paper(self, self.ctx, self.detail, paper, make, self._opened)

    def _opened(self, dialog: PdfPreviewDialog) -> None:
        self.preview = dialog
