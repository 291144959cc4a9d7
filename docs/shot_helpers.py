"""What every screenshot script needs: let Qt draw, and wait for background work to finish."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication


def settle(app: QApplication, rounds: int = 6) -> None:
    """Process pending events a few times so layouts and repaints are done before a grab."""
    for _ in range(rounds):
        app.processEvents()


def wait_until(app: QApplication, done: Callable[[], object], seconds: float = 60) -> None:
    """Let background work (counts, statistics, hot spots) finish and draw, at most ``seconds``."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    settle(app)


def counted(widget: object) -> bool:
    """Every count made off the GUI thread under ``widget`` has come (lists' 共 N 件, the appeals
    tab's figures): a screenshot taken sooner shows 正在计数…."""
    from laoshan_desk.ui.appeals.tab import AppealsTab
    from laoshan_desk.ui.common.table_model import PagedTableModel

    root: Any = widget
    models = root.findChildren(PagedTableModel)
    tabs = [root, *root.findChildren(AppealsTab)]
    waiting = any(m.loaded and m.total() is None and not m.count_failed for m in models)
    return not waiting and all(bool(t.counts) for t in tabs if isinstance(t, AppealsTab))


def render_pdf_pages(data: bytes, stem: Path, *, dpi: int = 60, last: int | None = None) -> list[Path]:
    """The PDF's pages (up to ``last``) as ``<stem>-1.png``, ``<stem>-2.png``… at ``dpi``, with Qt's
    own PDF renderer (no poppler needed to make the screenshots)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    for old in stem.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    array = QByteArray(data)  # kept alive while the document reads it
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    made: list[Path] = []
    pages = document.pageCount() if last is None else min(last, document.pageCount())
    for page in range(pages):
        points = document.pagePointSize(page)  # 72 points an inch
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        path = stem.parent / f"{stem.name}-{page + 1}.png"
        document.render(page, size).save(str(path))
        made.append(path)
    return made
