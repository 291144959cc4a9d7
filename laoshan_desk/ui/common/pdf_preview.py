"""In-desk preview of a PDF (QtPdf), printing it (QPrinter) and saving it to a file.

The bytes shown are the bytes printed and saved: the same bytes the tests read back.
Printing keeps each page's aspect ratio (the Qt example stretches it). :func:`preview_document`
is how a screen shows a paper: it audits the paper once, after it was printed or saved
(``services/printing.py``), and never when the clerk only looks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from laoshan_desk.services import printing
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import tell
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page onto the printer, fitted and centred; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        pages = document.pageCount()
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(page, size)
            x = (target.width() - size.width()) / 2
            y = (target.height() - size.height()) / 2
            painter.drawImage(QRectF(QPointF(x, y), size.toSizeF()), image)
        return pages
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    """Shows the PDF; 打印 and 另存为 call back so the service can audit them."""

    def __init__(
        self,
        pdf_bytes: bytes,
        title: str,
        suggested_name: str = "文件.pdf",
        on_printed: Callable[[], None] | None = None,
        on_saved: Callable[[Path], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.resize(820, 960)
        self._bytes = pdf_bytes
        self._name = suggested_name
        self._on_printed = on_printed
        self._on_saved = on_saved
        self.on_pages_printed: Callable[[int], None] | None = None
        self.dialog: QDialog | None = None  # a refusal to save, open over the preview
        self._array = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._array, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        # The official faces (GB/T 9704: 小标宋, 仿宋, 黑体, 楷体) this machine lacks, and what
        # stood in for them, said above the page (docs/rules/papers.md §papers-faces).
        self.fonts_note = QLabel(substitution_note())
        self.fonts_note.setObjectName("fontsNote")
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setStyleSheet("color: #B35C00; background: #FFF8E1; padding: 4px;")
        self.fonts_note.setVisible(bool(self.fonts_note.text()))
        layout.addWidget(self.fonts_note)
        self.info = QLabel(f"共 {self.document.pageCount()} 页")
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton("打印…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton("另存为 PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        # Qt's own print dialog: the one nested exec() docs/design/conventions.md allows (the
        # convention test names it); nothing of ours runs behind it.
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        pages = print_pdf(self.document, printer)
        if pages and self._on_printed:
            self._on_printed()
        if pages and self.on_pages_printed is not None:
            self.on_pages_printed(pages)
        return pages

    def save_dialog(self) -> None:
        suggested = str(documents_folder() / Path(self._name).name)
        name, _ = QFileDialog.getSaveFileName(self, "另存为", suggested, "PDF 文件 (*.pdf)")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        if path.is_dir():
            tell(self, "无法保存", f"{path} 是一个文件夹，请输入文件名。", warning=True)
            return
        try:
            path.write_bytes(self._bytes)
        except OSError as exc:
            tell(self, "无法保存", f"无法写入 {path}：{exc.strerror or exc}", warning=True)
            return
        self.info.setText(f"共 {self.document.pageCount()} 页 · 已保存到：{path}")
        if self._on_saved:
            self._on_saved(path)


def substitution_note() -> str:
    """'公文字体已替换为：仿宋→…' when an official face was replaced on this machine, else ''."""
    from laoshan_desk.documents import fonts  # reportlab: loaded by the paper being previewed

    return fonts.substitution_message()


def documents_folder() -> Path:
    """Where a save dialog starts: the user's documents folder (not the program's folder)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def preview_document(
    parent: QWidget, ctx: DeskContext, pdf_bytes: bytes, output: printing.Output, suggested_name: str
) -> PdfPreviewDialog:
    """The preview every screen uses for a paper: printing or saving it is audited, once."""

    def printed(pages: int) -> None:
        printing.record_output(ctx.db, ctx.actor, output, kind=printing.OutputKind.PRINT, pages=pages, now=ctx.now())

    def saved(path: Path) -> None:
        printing.record_output(
            ctx.db, ctx.actor, output, kind=printing.OutputKind.SAVE, target=str(path), now=ctx.now()
        )

    dialog = PdfPreviewDialog(pdf_bytes, output.title, suggested_name, on_saved=saved, parent=parent)
    dialog.on_pages_printed = printed
    return dialog


def preview_paper(
    parent: QWidget, ctx: DeskContext, make: Callable[[], printing.Paper], *, errors: FieldErrors
) -> PdfPreviewDialog | None:
    """Make a paper through :func:`run_action` (a refusal is said where ``errors`` says) and open
    its preview with ``open()``; None when the service refused."""
    outcome = run_action(parent, make, errors=errors)
    if outcome.result is None:
        return None
    paper = outcome.result
    dialog = preview_document(parent, ctx, paper.pdf, paper.output, paper.suggested_name)
    dialog.open()
    return dialog
