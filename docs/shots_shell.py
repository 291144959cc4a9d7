"""Screenshots of the desk shell (``make screenshots`` runs ``shoot``): the 关于 box, the calendar
page with its legend, and the PDF preview with its note on replaced official faces."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_helpers import settle, wait_until  # noqa: E402 (the docs folder is not a package)


def _save(widget: Any, out: Path, name: str, size: tuple[int, int] | None = None, *, render_s: float = 0) -> Path:
    """Show, let it draw (``render_s``: a PDF page renders on a thread of Qt's), grab to PNG."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if size is not None:
        widget.resize(*size)
    widget.show()
    settle(app)
    if render_s:
        wait_until(app, lambda: False, seconds=render_s)
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
    made.append(_save(preview, out, "shell-preview-fonts-note", (820, 700), render_s=2))
    preview.close()
    return made
