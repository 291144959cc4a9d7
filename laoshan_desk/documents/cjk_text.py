"""Chinese paragraphs for the papers: line breaking by the rules of 避头尾, justified on the grid.

reportlab's CJK wrapping knows only the Japanese list of characters that may not start a line (the
full-width comma ， is not in it) and nothing of those that may not end one. :func:`break_lines`
breaks greedily on measured widths and then moves the break back, one character at a time, until
no line starts with a closing mark (，。、；：！？）》」』】〕…— and the like) and none ends with an
opening one (《（“‘【〔「), docs/rules.md §papers-line-breaking; a run of Latin letters or digits (a date
2026-11-27, a code SP023) is not broken while it fits on a line. Where moving back cannot help (a
line of punctuation) the closing marks hang on the line and the line is squeezed to fit.

:class:`CJKParagraph` is a reportlab ``Paragraph`` whose ``breakLinesCJK`` does this, so its
``blPara.lines`` are the lines as printed (``line.text``). It draws each line with one character
spacing: the body's spacing puts 28 characters on a 156 mm line (§papers-page) and a
justified line spreads what is left over its gaps. Characters a face lacks (the Arphic faces have no
〇) are drawn in the fallback face, so no character prints as an empty box. The text is taken as
it is: no markup, nothing to escape.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines
from reportlab.platypus.paraparser import ParaFrag

from laoshan_desk.documents.fonts import char_width, cmap, width_table

# docs/rules.md §papers-line-breaking. May not start a line: closing brackets and quotes, stops and
# pauses, ellipsis, dash, interpunct.
NO_START = frozenset("，。、；：！？）》」』】〕〉］｝”’…—～·%‰℃．,.;:!?)]}")
# May not end a line: opening brackets and quotes, currency signs.
NO_END = frozenset("（《「『【〔〈［｛“‘([{¥$￥£")
_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./:_#+@%")
_FUZZ = 1e-6
_HANG = 2  # at most this many closing marks hang on a line when nothing else helps


def is_word(ch: str) -> bool:
    return ch in _WORD


def _bad(text: str, start: int, k: int) -> bool:
    return text[k] in NO_START or text[k - 1] in NO_END


def _adjust(text: str, start: int, i: int) -> int:
    """The break at or before ``i`` (line = text[start:k]) that keeps the rules; k > start."""
    k = i
    for _ in range(len(text)):
        before = k
        while k > start + 1 and text[k] in NO_START:
            k -= 1
        while k > start + 1 and text[k - 1] in NO_END:
            k -= 1
        if k > start + 1 and is_word(text[k - 1]) and is_word(text[k]):
            j = k - 1
            while j > start and is_word(text[j - 1]):
                j -= 1
            if j > start:
                k = j
        if k == before:
            break
    if k < len(text) and _bad(text, start, k):
        # Nothing to move back: let up to two closing marks hang on this line instead.
        k = i
        while k < len(text) and text[k] in NO_START and k - i < _HANG:
            k += 1
    return k


def break_lines(
    text: str, widths: Sequence[float], max_widths: Sequence[float], char_space: float = 0.0
) -> list[tuple[int, int, bool]]:
    """Lines as (start, end, hard) spans of ``text``; ``widths`` are the characters' advances in
    points, ``max_widths`` the first line's width and the others' (the last one repeats), each
    character after the first on a line adds ``char_space``. A newline ends a line (hard)."""
    n = len(text)
    spans: list[tuple[int, int, bool]] = []
    start = 0
    while start < n:
        avail = max_widths[min(len(spans), len(max_widths) - 1)]
        used = 0.0
        i = start
        hard = False
        while i < n:
            if text[i] == "\n":
                hard = True
                break
            step = widths[i] + (char_space if i > start else 0.0)
            if used + step > avail + _FUZZ and i > start:
                break
            used += step
            i += 1
        if hard:
            spans.append((start, i, True))
            start = i + 1
            continue
        end = i if i >= n else _adjust(text, start, i)
        spans.append((start, end, False))
        start = end
        while start < n and text[start] == " ":  # a space never starts a line
            start += 1
    return spans


def line_width(widths: Sequence[float], start: int, end: int, char_space: float) -> float:
    return sum(widths[start:end]) + char_space * max(0, end - start - 1)


_DRAWN: dict[str, set[str]] = {}  # per face, the characters already found in its character map


def faces_of(text: str, font: str, fallback: str) -> list[str] | None:
    """The face each character is drawn in — the style's, or the fallback where the style's lacks
    the glyph — or None when the style's face draws them all (the usual case)."""
    if not fallback or fallback == font:
        return None
    chars = set(text)
    drawn = _DRAWN.setdefault(font, set())
    if chars <= drawn:  # the usual case, one set operation
        return None
    main = cmap(font)
    missing = {ch for ch in chars - drawn if ord(ch) not in main}
    drawn |= chars - missing
    if not missing:
        return None
    other = cmap(fallback)
    missing = {ch for ch in missing if ord(ch) in other}
    return [fallback if ch in missing else font for ch in text] if missing else None


def advances(text: str, font: str, size: float, faces: list[str] | None) -> list[float]:
    """Each character's advance in points (measured once per distinct character)."""
    if faces is None:
        table = width_table(font)
        try:
            return [table[ch] * size for ch in text]
        except KeyError:
            for ch in set(text):
                char_width(font, ch)
            return [table[ch] * size for ch in text]
    return [char_width(f, ch) * size for ch, f in zip(text, faces, strict=True)]


def runs_of(text: str, font: str, faces: list[str] | None, start: int, end: int) -> list[tuple[str, str]]:
    """(face, text) runs of text[start:end]."""
    if faces is None:
        return [(font, text[start:end])]
    out: list[tuple[str, str]] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and faces[j] == faces[i]:
            j += 1
        out.append((faces[i], text[i:j]))
        i = j
    return out


@lru_cache(maxsize=8192)
def token_width(text: str, font: str, size: float, fallback: str = "") -> float:
    """The widest piece that a line may not break: a Latin/digit run or one character (points)."""
    best = run = 0.0
    for ch, w in zip(text, advances(text, font, size, faces_of(text, font, fallback)), strict=True):
        if is_word(ch):
            run += w
        else:
            best, run = max(best, run, w), 0.0
    return max(best, run)


class Line:
    """One laid-out line: ``text``, its span of the paragraph, its width and the room left."""

    __slots__ = ("start", "end", "lineBreak", "maxWidth", "currentWidth", "extraSpace", "text", "runs")

    def __init__(self, text: str, start: int, end: int, hard: bool, avail: float, used: float) -> None:
        self.text, self.start, self.end, self.lineBreak = text, start, end, hard
        self.maxWidth, self.currentWidth, self.extraSpace = avail, used, avail - used
        self.runs: list[tuple[str, str]] = []

    @property
    def words(self) -> list[ParaFrag]:
        """The line's runs as reportlab fragments (text and face), for code that reads them so."""
        return [ParaFrag(text=t, fontName=f) for f, t in self.runs]

    def __repr__(self) -> str:
        return f"Line({self.text!r})"


class CJKParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no types
    """A Chinese paragraph: 避头尾 line breaking, one character spacing, justified lines.

    ``char_space`` is added after every character (negative tightens: the GB/T 9704 grid);
    ``justify_last`` also justifies the last line (the first part of a split paragraph)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        char_space: float = 0.0,
        fallback: str = "",
        justify_last: bool = False,
    ) -> None:
        text = text.replace("\r\n", "\n").replace("\t", " ")
        self.char_space = char_space
        self.fallback = fallback
        self.justify_last = justify_last
        self._faces = faces_of(text, style.fontName, fallback)
        self._widths = advances(text, style.fontName, style.fontSize, self._faces)
        self._broken: tuple[tuple[float, ...], Any] | None = None
        super().__init__(None, style, frags=[ParaFrag(text=text, fontName=style.fontName, fontSize=style.fontSize)])
        self.text = text

    # -- layout ----------------------------------------------------------------------------------
    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 - reportlab's names
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        key = tuple(maxWidths) if isinstance(maxWidths, list | tuple) else (maxWidths,)
        if self._broken is not None and self._broken[0] == key:  # tables wrap each cell again and again
            return self._broken[1]
        style, text, widths, font, faces = self.style, self.text, self._widths, self.style.fontName, self._faces
        lines = []
        for n, (start, end, hard) in enumerate(break_lines(text, widths, key, self.char_space)):
            avail = key[min(n, len(key) - 1)]
            line = Line(text[start:end], start, end, hard, avail, line_width(widths, start, end, self.char_space))
            line.runs = runs_of(text, font, faces, start, end)
            lines.append(line)
        result = ParaLines(kind=1, lines=lines, fontSize=style.fontSize, ascent=style.fontSize)
        self._broken = (key, result)
        return result

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return token_width(self.text, self.style.fontName, self.style.fontSize, self.fallback)

    def _part(self, start: int, end: int, style: ParagraphStyle, *, justify_last: bool) -> CJKParagraph:
        return CJKParagraph(
            self.text[start:end], style, char_space=self.char_space, fallback=self.fallback, justify_last=justify_last
        )

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab's names
        if getattr(self, "width", None) != availWidth or not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        fit = math.floor((availHeight + _FUZZ) / self.style.leading) if self.style.leading > 0 else len(lines)
        if fit >= len(lines):
            return [self]
        if fit < 1:
            return []
        cut = lines[fit].start
        head = self._part(0, cut, self.style, justify_last=not lines[fit - 1].lineBreak)
        head.blPara = ParaLines(kind=1, lines=lines[:fit], fontSize=self.style.fontSize, ascent=self.style.fontSize)
        head._splitpara = 1
        head.width, head.height = availWidth, fit * self.style.leading
        rest = ParagraphStyle(f"{self.style.name}-cont", parent=self.style, firstLineIndent=0)
        tail = self._part(cut, len(self.text), rest, justify_last=self.justify_last)
        return [head, tail]

    # -- drawing ---------------------------------------------------------------------------------
    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - reportlab's name
        style = self.style
        lines = self.blPara.lines
        if not lines:
            return
        canv = self.canv
        tx = canv.beginText(0, 0)
        tx.setFillColor(style.textColor)
        font = ""
        y = self.height - style.fontSize
        last = len(lines) - 1
        for n, line in enumerate(lines):
            count = line.end - line.start
            extra = line.extraSpace
            space = self.char_space
            offset = style.leftIndent + (style.firstLineIndent if n == 0 else 0)
            justify = style.alignment == TA_JUSTIFY and (n < last or self.justify_last) and not line.lineBreak
            if count > 1 and (extra < -_FUZZ or (justify and extra > _FUZZ)):
                space += extra / (count - 1)  # spread (or squeeze a hanging line) over the gaps
            elif style.alignment == TA_CENTER:
                offset += extra / 2
            elif style.alignment == TA_RIGHT:
                offset += extra
            tx.setTextOrigin(offset, y - n * style.leading)
            tx.setCharSpace(space)
            for face, text in line.runs:
                if face != font:
                    font = face
                    tx.setFont(font, style.fontSize)
                tx.textOut(text)
        tx.setCharSpace(0)
        canv.drawText(tx)


__all__ = ["NO_END", "NO_START", "CJKParagraph", "break_lines", "faces_of", "token_width"]
