"""Pictures of the printed papers: every kind of sample paper (laoshan_desk/documents/pdf_samples.py)
rendered to docs/screenshots/paper-<kind>[-<page>].png, so the layout can be looked at.

Called by docs/make_screenshots.py, or on its own: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/shots_papers.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# kind -> pages to show (1-based; -1 is the last page)
PAGES = {
    "notice": [1, 2, -1],
    "ruling": [1, -1],
    "certificate": [1],
    "bulletin": [1, -1],
    "schedule": [1],
    "supervision": [1],
    "brief": [1],
    "assistance": [1],
    "release": [1],
    "dispatch": [1],
}


def _render(data: bytes, pages: list[int], stem: Path) -> list[Path]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    made = []
    wanted = sorted({p if p > 0 else document.pageCount() + 1 + p for p in pages})
    for number in wanted:
        points = document.pagePointSize(number - 1)
        image = document.render(number - 1, QSize(int(points.width() * 1.1), int(points.height() * 1.1)))
        path = stem.with_name(f"{stem.name}-{number}.png" if len(wanted) > 1 else f"{stem.name}.png")
        image.save(str(path))
        made.append(path)
    return made


def shoot(_ctx: object, out_dir: Path) -> list[Path]:
    from laoshan_desk.documents import pdf, pdf_samples

    out_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for kind, pages in PAGES.items():
        notice = pdf_samples.one_time_notice(3) if kind == "notice" else pdf_samples.SAMPLES[kind]()
        made += _render(pdf.render(notice), pages, out_dir / f"paper-{kind}")
    return made


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    for path in shoot(None, ROOT / "docs" / "screenshots"):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
