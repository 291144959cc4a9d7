"""Screenshots of the desk shell (``make screenshots`` runs ``shoot``): the 关于 box, the calendar
page with its legend, and the PDF preview with its note on replaced official faces."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _save(widget: Any, out: Path, name: str, size: tuple[int, int] | None = None) -> Path:
    from PySide6.QtWidgets import QApplication

    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def shoot(ctx: Any, out: Path) -> list[Path]:
    import datetime as dt

    from laoshan_desk.documents import pdf
    from laoshan_desk.ui.admin.calendar_page import CalendarPage
    from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
    from laoshan_desk.ui.main_window import MainWindow

    made = []
    window = MainWindow(ctx, idle_lock=False)
    window.resize(1280, 800)
    box = window.show_about()
    made.append(_save(box, out, "shell-about"))
    box.close()
    window.close()
    page = CalendarPage(ctx)
    made.append(_save(page, out, "shell-calendar-legend", (1280, 700)))
    page.close()
    notice = pdf.Notice(title="督办单", body=["请于两个工作日内办结并回复。"], date=dt.date(2026, 11, 25))
    preview = PdfPreviewDialog(pdf.render(notice), "督办单")
    made.append(_save(preview, out, "shell-preview-fonts-note", (820, 700)))
    preview.close()
    return made
