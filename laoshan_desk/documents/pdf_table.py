"""Tables and side-by-side blocks for the papers, drawn directly on the canvas.

:class:`GridTable` lays every cell out once with the 避头尾 line breaking of
:mod:`laoshan_desk.documents.cjk_text`, draws all its text in one text object and its rules in one
path (reportlab's ``Table`` wraps each cell again on every pass and costs several times the text it
draws), repeats the header row on every page and splits inside a row that is taller than a page.
:class:`Beside` puts two flowables side by side: a label and its value (the value splits across
pages), a QR code and its caption.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from laoshan_desk.documents.cjk_text import advances, break_lines, faces_of, runs_of
from laoshan_desk.documents.pdf_parts import Stack

_FUZZ = 1e-6


@dataclasses.dataclass(frozen=True)
class CellStyle:
    font: str
    size: float
    leading: float
    fallback: str
    centred: bool = False


@dataclasses.dataclass
class _Cell:
    lines: list[list[tuple[str, str]]]  # runs per line
    widths: list[float]  # width per line
    style: CellStyle


def _layout(text: str, width: float, style: CellStyle) -> _Cell:
    faces = faces_of(text, style.font, style.fallback)
    adv = advances(text, style.font, style.size, faces)
    lines, widths = [], []
    for start, end, _hard in break_lines(text, adv, [max(width, 1.0)]):
        lines.append(runs_of(text, style.font, faces, start, end))
        widths.append(sum(adv[start:end]))
    return _Cell(lines, widths, style)


@dataclasses.dataclass(frozen=True)
class Grid:
    header: CellStyle
    cell: CellStyle
    pad_x: float = 4.0
    pad_top: float = 2.0
    pad_bottom: float = 3.0
    rule: float = 0.5
    header_fill: Any = dataclasses.field(default_factory=lambda: colors.HexColor("#E8E8E8"))


class GridTable(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """Header row, body rows with optional fills, 0.5 pt rules; splits by rows or inside a row."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        grid: Grid,
        fills: Sequence[Any] | None = None,
        page_height: float | None = None,
    ) -> None:
        """``page_height`` is the frame's full height: a row that fits in it moves to the next page
        whole instead of being split (without it, a row is split wherever it does not fit)."""
        super().__init__()
        self.page_height = page_height
        self.headers, self.rows, self.col_widths, self.grid = (
            list(headers),
            [list(r) for r in rows],
            list(col_widths),
            grid,
        )
        self.fills = list(fills or [None] * len(self.rows)) + [None] * max(0, len(self.rows) - len(fills or []))
        self._cells: list[list[_Cell]] | None = None
        self._heights: list[float] = []

    def _laid(self) -> list[list[_Cell]]:
        if self._cells is None:
            g = self.grid
            inner = [w - 2 * g.pad_x for w in self.col_widths]
            self._cells = [[_layout(h, w, g.header) for h, w in zip(self.headers, inner, strict=False)]]
            for row in self.rows:
                padded = row + [""] * (len(inner) - len(row))
                self._cells.append([_layout(v, w, g.cell) for v, w in zip(padded, inner, strict=False)])
            self._heights = [self._row_height(r) for r in self._cells]
        return self._cells

    def _row_height(self, row: list[_Cell]) -> float:
        g = self.grid
        return max((len(c.lines) or 1) * c.style.leading for c in row) + g.pad_top + g.pad_bottom

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._laid()
        self.width, self.height = sum(self.col_widths), sum(self._heights)
        return self.width, self.height

    def _part(self, rows: list[list[str]], fills: list[Any], cells: list[list[_Cell]]) -> GridTable:
        part = GridTable(self.headers, rows, self.col_widths, self.grid, fills, self.page_height)
        part._cells = [self._laid()[0], *cells]
        part._heights = [part._row_height(r) for r in part._cells]
        return part

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        cells = self._laid()
        used = self._heights[0]
        for n, h in enumerate(self._heights[1:]):
            if used + h <= avail_height + _FUZZ:
                used += h
                continue
            if n:
                return [
                    self._part(self.rows[:n], self.fills[:n], cells[1 : n + 1]),
                    self._part(self.rows[n:], self.fills[n:], cells[n + 1 :]),
                ]
            if self.page_height is not None and self._heights[0] + h <= self.page_height + _FUZZ:
                return []  # the row fits on a fresh page: move it there whole
            return self._split_row(avail_height - used)
        return [self]

    def _split_row(self, room: float) -> list[Any]:
        """The first row is taller than what is left: its lines that fit here, the rest after."""
        g, cells = self.grid, self._laid()
        row = cells[1]
        fit = min(int((room - g.pad_top - g.pad_bottom + _FUZZ) // c.style.leading) for c in row)
        if fit < 1:
            return []
        head = [_Cell(c.lines[:fit], c.widths[:fit], c.style) for c in row]
        tail = [_Cell(c.lines[fit:], c.widths[fit:], c.style) for c in row]
        first = self._part(self.rows[:1], self.fills[:1], [head])
        rest = self._part(self.rows, self.fills, [tail, *cells[2:]])
        return [first, rest]

    def draw(self) -> None:
        g, canv, cells = self.grid, self.canv, self._laid()
        xs = [0.0]
        for w in self.col_widths:
            xs.append(xs[-1] + w)
        tops = [self.height]
        for h in self._heights:
            tops.append(tops[-1] - h)
        canv.saveState()
        for r, fill in enumerate([g.header_fill, *self.fills]):
            if fill is not None:
                canv.setFillColor(fill)
                canv.rect(0, tops[r + 1], xs[-1], self._heights[r], stroke=0, fill=1)
        tx = canv.beginText(0, 0)
        tx.setFillColor(colors.black)
        font = ""
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                st = cell.style
                block = len(cell.lines) * st.leading
                y = tops[r] - g.pad_top - (self._heights[r] - g.pad_top - g.pad_bottom - block) / 2 - st.size
                for runs, w in zip(cell.lines, cell.widths, strict=True):
                    inner = self.col_widths[c] - 2 * g.pad_x
                    x = xs[c] + g.pad_x + (max(inner - w, 0.0) / 2 if st.centred else 0.0)
                    tx.setTextOrigin(x, y)
                    for face, text in runs:
                        if face != font:
                            font = face
                            tx.setFont(face, st.size)
                        tx.textOut(text)
                    y -= st.leading
        canv.drawText(tx)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(g.rule)
        path = canv.beginPath()
        for y in tops:
            path.moveTo(0, y)
            path.lineTo(xs[-1], y)
        for x in xs:
            path.moveTo(x, tops[0])
            path.lineTo(x, tops[-1])
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()


class Beside(Flowable):  # type: ignore[misc]
    """Two flowables side by side, tops aligned; a split splits the right one (a long value)."""

    def __init__(self, left: Any, right: Any, left_width: float, gap: float = 0.0) -> None:
        super().__init__()
        self.left, self.right, self.left_width, self.gap = left, right, left_width, gap
        self._hl = self._hr = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._hl = self.left.wrap(self.left_width, avail_height)[1]
        self._hr = self.right.wrap(avail_width - self.left_width - self.gap, avail_height)[1]
        self.width, self.height = avail_width, max(self._hl, self._hr)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height + _FUZZ:
            return [self]
        if self._hl > avail_height + _FUZZ:
            return []
        pieces = self.right.split(avail_width - self.left_width - self.gap, avail_height)
        if len(pieces) < 2:
            return []
        rest = pieces[1] if len(pieces) == 2 else Stack(pieces[1:])
        return [
            Beside(self.left, pieces[0], self.left_width, self.gap),
            Beside(Spacer(1, 0), rest, self.left_width, self.gap),
        ]

    def draw(self) -> None:
        self.left.drawOn(self.canv, 0, self.height - self._hl)
        self.right.drawOn(self.canv, self.left_width + self.gap, self.height - self._hr)
