"""Papers: the desk's builder against a bare reportlab canvas drawing the same text in the same faces.

    python bench/pdf_bench.py [--rounds N]

For each paper (a 6-page one-time notice, the weekly bulletin) the baseline draws every string of
the same Notice with ``canvas.drawString`` in the same registered faces and sizes — lines cut by
character count, table cells as text and grid lines, a page number per page — and saves; the desk
runs ``pdf.render``. Both warm (fonts parsed, one run each first), interleaved, best of N, with the
load average. Prints: path | baseline | desk | ratio | goal. Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("LAOSHAN_DESK_BUNDLED_FONT_ONLY", "1")  # the same faces on every machine

from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from laoshan_desk.documents import pdf, pdf_samples  # noqa: E402
from laoshan_desk.documents.fonts import font_set  # noqa: E402

GOAL = 1.5


def bare_canvas(notice: pdf.Notice) -> bytes:
    """The same strings on a bare canvas: fixed-count line cutting, no layout engine."""
    fonts = font_set()
    m = pdf.metrics(notice.landscape)
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=m.page, initialFontName=fonts.body)
    top = m.bottom + m.height
    y = top
    page = 1

    def new_page() -> None:
        nonlocal y, page
        canv.setFont(fonts.name("song"), 14)
        canv.drawString(m.left + m.width - 60, m.bottom - 7 * mm - 10, f"— {page} —")
        canv.showPage()
        page += 1
        y = top

    def line(text: str, font: str, size: float, leading: float, x: float = 0.0) -> None:
        nonlocal y
        if y - leading < m.bottom:
            new_page()
        y -= leading
        canv.setFont(font, size)
        canv.drawString(m.left + x, y, text)

    def para(text: str, font: str, size: float, leading: float, per_line: int, indent: int = 0) -> None:
        text = " " * indent + text
        for i in range(0, len(text), per_line):
            line(text[i : i + per_line], font, size, leading)

    lead = m.leading
    per = int(m.width // m.size)
    if notice.issuer:
        line(notice.issuer, fonts.title, 30, 39)
        if notice.doc_number:
            line(notice.doc_number, fonts.body, 16, lead * 2)
        canv.line(m.left, y - 12, m.left + m.width, y - 12)
    line(notice.title, fonts.title, 22, lead * 3)
    if notice.recipient:
        line(notice.recipient, fonts.body, 16, lead * 2)
    for part in notice.body:
        if isinstance(part, str):
            para(part, fonts.body, 16, lead, per, 2)
        elif isinstance(part, pdf.Heading):
            line(part.text, fonts.heading if part.level == 1 else fonts.name("kai"), 16, lead)
        elif isinstance(part, pdf.KeyValues):
            for k, v in part.pairs:
                line(k, fonts.body, 16, lead)
                canv.drawString(m.left + 140, y, v)
        elif isinstance(part, pdf.Table):
            rel = part.widths or [1.0] * len(part.headers)
            widths = [m.width * r / sum(rel) for r in rel]
            for r, row in enumerate([part.headers, *part.rows]):
                cells = []
                for c, w in zip(row, widths, strict=False):
                    step = max(1, int(w // 10.5) - 1)
                    cells.append([c[i : i + step] for i in range(0, len(c), step)] or [""])
                height = 14 * max(len(c) for c in cells) + 5
                if y - height < m.bottom:
                    new_page()
                x = m.left
                for c, w in zip(cells, widths, strict=False):
                    canv.setFont(fonts.heading if r == 0 else fonts.body, 10.5)
                    for k, piece in enumerate(c):
                        canv.drawString(x + 4, y - 12 - 14 * k, piece)
                    x += w
                canv.line(m.left, y - height, m.left + m.width, y - height)
                y -= height
    for text in (notice.signature, str(notice.date or "")):
        if text:
            line(text, fonts.body, 16, lead, m.width - 16 * len(text) - 64)
    new_page()
    canv.save()
    return buffer.getvalue()


def six_page_notice() -> pdf.Notice:
    for batches in range(1, 12):
        notice = pdf_samples.one_time_notice(batches)
        from pypdf import PdfReader

        if len(PdfReader(io.BytesIO(pdf.render(notice))).pages) >= 6:
            return notice
    return notice


def best(fn: Callable[[], bytes], runs: list[float]) -> None:
    start = time.perf_counter()
    fn()
    runs.append(time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args, _other = parser.parse_known_args()  # run_all.py passes every bench the same flags
    font_set()
    papers = {"one-time notice PDF (6 pages)": six_page_notice(), "weekly bulletin PDF": pdf_samples.bulletin()}
    print(f"load average {os.getloadavg()[0]:.2f}; best of {args.rounds}, interleaved, warm")
    print("| path | baseline | desk | ratio | goal |")
    print("|---|---|---|---|---|")
    for name, notice in papers.items():
        base: list[float] = []
        desk: list[float] = []
        bare_canvas(notice), pdf.render(notice)  # warm: fonts parsed, caches filled
        for _ in range(args.rounds):
            best(lambda n=notice: bare_canvas(n), base)
            best(lambda n=notice: pdf.render(n), desk)
        b, d = min(base) * 1000, min(desk) * 1000
        pages = len(__import__("pypdf").PdfReader(io.BytesIO(pdf.render(notice))).pages)
        verdict = "met" if d / b <= GOAL else "missed"
        print(f"| {name}, {pages} pages | bare canvas {b:.1f} ms | {d:.1f} ms | {d / b:.2f}× | ≤ {GOAL}× ({verdict}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
