"""The pieces :mod:`laoshan_desk.documents.pdf` lays out: rules, QR codes, the closing block with its
seal area, column widths, and the two ways of keeping flowables together that reportlab lacks.

- :class:`KeepWithNext` keeps a heading with the first lines of what follows it (never a heading
  alone at a page's foot), splitting what follows instead of moving both.
- :class:`KeepWithPrevious` keeps the closing block (signature, date, seal) with the last lines of
  the paper (never a page holding only the signature and date), moving only those lines.
- :class:`Closing` places the 发文机关署名 and 成文日期 (docs/rules.md §papers-closing): with a seal, the
  date four characters from the right and the signature centred over it, the seal pressing on both
  (GB/T 9704-2012 §7.3.5.1); without, the signature two characters from the right and the date two
  characters in from it (§7.3.5.2); a court paper's 书记员 line below.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from laoshan_desk.documents.cjk_text import advances, faces_of, runs_of, token_width

_FUZZ = 1e-6


@lru_cache(maxsize=8192)
def text_width(text: str, font: str, size: float, fallback: str = "", char_space: float = 0.0) -> float:
    return sum(advances(text, font, size, faces_of(text, font, fallback))) + char_space * max(0, len(text) - 1)


def draw_text(
    canv: Any, x: float, y: float, text: str, font: str, size: float, fallback: str = "", char_space: float = 0.0
) -> None:
    """One line of text at (x, y) in the face, characters it lacks in the fallback face."""
    if not text:
        return
    tx = canv.beginText(x, y)
    tx.setCharSpace(char_space)
    for face, piece in runs_of(text, font, faces_of(text, font, fallback), 0, len(text)):
        tx.setFont(face, size)
        tx.textOut(piece)
    tx.setCharSpace(0)
    canv.drawText(tx)


class Rule(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """The red rule under the 发文字号, as wide as the text block."""

    def __init__(self, width: float, thickness: float, color: Any, space_above: float = 0.0) -> None:
        super().__init__()
        self.width, self.thickness, self.color, self.space_above = width, thickness, color, space_above

    def wrap(self, *_: Any) -> tuple[float, float]:
        return self.width, self.space_above + self.thickness + 2

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 1 + self.thickness / 2, self.width, 1 + self.thickness / 2)


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as filled rectangles (no text, so no font of its own), with a quiet zone."""

    def __init__(self, data: str, size: float, border: int = 2) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(data)
        code.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in code.modules]
        self.size, self.border = size, border

    def wrap(self, *_: Any) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self.modules)
        box = self.size / (count + 2 * self.border)
        canv = self.canv
        canv.setFillColor(colors.black)
        path = canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    path.rect((start + self.border) * box, y, (c - start) * box, box)
                else:
                    c += 1
        canv.drawPath(path, stroke=0, fill=1)


@dataclasses.dataclass
class ClosingText:
    signature: str  # may hold several lines
    date: str
    seal: str  # the label inside the seal area; empty: no seal area
    clerk: str  # 书记员 line of a court paper
    clerk_note: str
    font: str
    fallback: str
    size: float
    leading: float
    char_space: float
    seal_diameter: float
    seal_color: Any


class Closing(Flowable):  # type: ignore[misc]
    """发文机关署名, 成文日期, the seal area and a court's 书记员 line (see the module docstring)."""

    def __init__(self, spec: ClosingText) -> None:
        super().__init__()
        self.spec = spec
        self._lines: list[tuple[float, float, str]] = []  # (x, baseline from top, text)
        self._seal: tuple[float, float] | None = None  # centre (x, from top)

    def _w(self, text: str) -> float:
        s = self.spec
        return text_width(text, s.font, s.size, s.fallback, s.char_space)

    def wrap(self, avail_width: float, *_: Any) -> tuple[float, float]:
        s = self.spec
        em, lead = s.size, s.leading
        sigs = [line for line in s.signature.split("\n") if line.strip()]
        sig_w = max((self._w(t) for t in sigs), default=0.0)
        date_w = self._w(s.date) if s.date else 0.0
        count = len(sigs) + (1 if s.date else 0)
        radius = s.seal_diameter / 2
        if s.seal:  # docs/rules.md §papers-closing (with a seal): date 4 from the right, signature on it
            centre = avail_width - 4 * em - date_w / 2 if s.date else avail_width - 2 * em - sig_w / 2
            centre = min(centre, avail_width - 2 * em - sig_w / 2)
            xs = [centre - self._w(t) / 2 for t in sigs]
            date_x = centre - date_w / 2
            # The seal's top within a line of the text above; signature and date below its centre.
            first = 2 + radius + 0.15 * s.seal_diameter + 0.35 * em - (count - 1) * lead / 2
            first = max(first, lead)
        else:  # §papers-closing (no seal): signature 2 from the right, the date 2 further in
            sig_x = avail_width - 2 * em - sig_w
            date_x = sig_x + 2 * em if sigs else avail_width - 2 * em - date_w
            if date_x + date_w > avail_width - 2 * em + _FUZZ:
                date_x = avail_width - 2 * em - date_w
                sig_x = date_x - 2 * em
            xs = [sig_x] * len(sigs)
            first = lead + em  # one empty line, then the signature
        lines = [(x, first + n * lead, t) for n, (x, t) in enumerate(zip(xs, sigs, strict=True))]
        if s.date:
            lines.append((date_x, first + len(sigs) * lead, s.date))
        last = first + max(count - 1, 0) * lead
        bottom = last + 0.3 * em
        self._seal = None
        if s.seal:
            cy = first + (last - first) / 2 - 0.35 * em - 0.15 * s.seal_diameter
            self._seal = (centre, cy)
            bottom = max(bottom, cy + radius + 2)
        if s.clerk:
            y = last
            if s.clerk_note:
                y += lead
                lines.append((0.0, y, s.clerk_note))
            y = max(y + lead, (self._seal[1] + radius + em) if self._seal else 0.0)
            clerk_w = self._w(s.clerk)
            clerk_x = min(xs) if xs else avail_width - 2 * em - clerk_w
            lines.append((min(clerk_x, avail_width - clerk_w), y, s.clerk))
            bottom = max(bottom, y + 0.3 * em)
        self._lines = lines
        self.width, self.height = avail_width, bottom
        return self.width, self.height

    def draw(self) -> None:
        s = self.spec
        canv = self.canv
        if self._seal is not None:
            cx, cy = self._seal
            canv.saveState()
            canv.setStrokeColor(s.seal_color)
            canv.setFillColor(s.seal_color)
            canv.setLineWidth(0.6)
            canv.setDash(3, 2)
            canv.circle(cx, self.height - cy, s.seal_diameter / 2, stroke=1, fill=0)
            label_w = text_width(s.seal, s.font, s.size * 0.75, s.fallback)
            draw_text(
                canv,
                cx - label_w / 2,
                self.height - cy + s.seal_diameter / 4,
                s.seal,
                s.font,
                s.size * 0.75,
                s.fallback,
            )
            canv.restoreState()
        for x, y, text in self._lines:
            draw_text(canv, x, self.height - y, text, s.font, s.size, s.fallback, s.char_space)


def _short(header: str, font: str, size: float, fallback: str) -> float:
    """A header of up to four characters (序号, 责任人) is kept on one line."""
    return text_width(header, font, size, fallback) if len(header) <= 4 else 0.0


def column_widths(
    rel: Sequence[float],
    total: float,
    columns: Sequence[Sequence[str]],
    font: str,
    size: float,
    fallback: str,
    pad: float,
) -> list[float]:
    """Widths in points that add up to ``total``: never narrower than a column's widest unbreakable
    piece (a date 2026-11-27, a number, a code, a header of up to four characters) and never wider
    than its longest text on one line while others must wrap; within those bounds, in proportion to
    the relative widths ``rel``. When every text fits on one line the spare room is shared so."""
    lo = [
        max(
            [token_width(t, font, size, fallback) for t in col] + [_short(col[0], font, size, fallback) if col else 0.0]
        )
        + pad
        for col in columns
    ]
    hi = [
        max(max((text_width(t, font, size, fallback) for t in col), default=0.0) + pad, n)
        for col, n in zip(columns, lo, strict=True)
    ]
    weights = [max(float(r), 0.0) for r in rel][: len(columns)]
    weights += [1.0] * (len(columns) - len(weights))
    if not sum(weights):
        weights = [1.0] * len(columns)
    if sum(lo) >= total:  # not even the dates fit: shrink in proportion (the last resort)
        return [total * n / sum(lo) for n in lo] if sum(lo) else [total / len(lo)] * len(lo)
    if sum(hi) <= total:  # nothing needs to wrap
        spare = total - sum(hi)
        return [h + spare * w / sum(weights) for h, w in zip(hi, weights, strict=True)]
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        share = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        widths = [fixed.get(i, free * w / share) for i, w in enumerate(weights)]
        low = {i: lo[i] for i, w in enumerate(widths) if i not in fixed and w < lo[i] - _FUZZ}
        high = {i: hi[i] for i, w in enumerate(widths) if i not in fixed and w > hi[i] + _FUZZ}
        if not (low or high):
            return widths
        fixed.update(low or high)


def has_content(parts: Sequence[Any]) -> bool:
    """Whether any of the flowables prints something (a Spacer alone does not)."""
    return any(p.has_content() if isinstance(p, Stack) else not isinstance(p, Spacer) for p in parts)


class Stack(Flowable):  # type: ignore[misc]
    """Flowables one under the other, as one; splits between or inside them."""

    def __init__(self, parts: Sequence[Any]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._heights = [p.wrap(avail_width, avail_height)[1] for p in self.parts]
        self.width, self.height = avail_width, sum(self._heights)
        return self.width, self.height

    def has_content(self) -> bool:
        return has_content(self.parts)

    def draw(self) -> None:
        y = self.height
        for part, h in zip(self.parts, self._heights, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        used = 0.0
        for n, part in enumerate(self.parts):
            h = part.wrap(avail_width, avail_height - used)[1]
            if used + h <= avail_height + _FUZZ:
                used += h
                continue
            pieces = part.split(avail_width, avail_height - used)
            if len(pieces) >= 2:
                return [Stack(self.parts[:n] + [pieces[0]]), Stack(list(pieces[1:]) + self.parts[n + 1 :])]
            return [Stack(self.parts[:n]), Stack(self.parts[n:])] if has_content(self.parts[:n]) else []
        return [self]


class KeepWithNext(Stack):
    """A heading and what follows: split only inside the follower, never after the heading."""

    def __init__(self, head: Any, follower: Any) -> None:
        super().__init__([head, follower])

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        head, follower = self.parts
        hh = head.wrap(avail_width, avail_height)[1]
        if hh + follower.wrap(avail_width, avail_height - hh)[1] <= avail_height + _FUZZ:
            return [self]
        pieces = follower.split(avail_width, avail_height - hh)
        if len(pieces) < 2 or not has_content(pieces[:1]):
            return []
        return [Stack([head, pieces[0]]), *pieces[1:]]


class KeepWithPrevious(Stack):
    """The paper's last flowable and the closing block: at least its last line or row goes with it."""

    def __init__(self, previous: Any, closing: Any) -> None:
        super().__init__([previous, closing])

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        previous, closing = self.parts
        hp = previous.wrap(avail_width, avail_height)[1]
        hc = closing.wrap(avail_width, avail_height)[1]
        if hp + hc <= avail_height + _FUZZ:
            return [self]
        pieces = previous.split(avail_width, min(avail_height, hp - 1.0))
        if len(pieces) < 2 or not has_content(pieces[:1]) or not has_content(pieces[1:]):
            return []
        rest = pieces[1] if len(pieces) == 2 else Stack(pieces[1:])
        return [pieces[0], KeepWithPrevious(rest, closing)]
