"""PDF papers laid out after GB/T 9704-2012: red head, title, body, tables, signature, page numbers.

One builder serves every printed paper of the desk (one-time notices, schedules, certificates,
dispatch lists, bulletins, supervision notices, briefs, court rulings and notices): a
:class:`Notice` is plain data; :func:`render` returns the bytes that the preview shows, the printer
prints and the tests read back. The numbers are in ``reports/layouts/gbt9704.json``; the faces come
from :mod:`laoshan_desk.documents.fonts` (every one embedded), the line breaking from
:mod:`laoshan_desk.documents.cjk_text`.

What the layout keeps (docs/rules.md §papers-page to §papers-tables, after GB/T 9704-2012): the
156 × 225 mm text block holds 22 lines of 28 characters of 16 pt 仿宋; the red head and the title
in 小标宋; level-one headings in 黑体, level-two in 楷体; the 发文字号 two lines under the head and
the red rule 4 mm under it; the signature and date placed as §papers-closing says, kept with the
last lines of the text; page numbers "— 1 —" in 宋体, 7 mm under the text block, odd pages right
and even pages left. Table text is never under the layout's minimum (10.5 pt) and a column is
never narrower than its widest date or number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from functools import lru_cache, partial
from typing import Any, Literal

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from laoshan_desk.config import REPORTS
from laoshan_desk.documents.cjk_text import CJKParagraph
from laoshan_desk.documents.cn_numerals import amount_in_words, arabic_date, cn_date, doc_number
from laoshan_desk.documents.fonts import FontSet, font_set
from laoshan_desk.documents.pdf_parts import (
    Closing,
    ClosingText,
    KeepWithNext,
    KeepWithPrevious,
    QrCode,
    Rule,
    Stack,
    column_widths,
    draw_text,
    text_width,
)
from laoshan_desk.documents.pdf_table import Beside, CellStyle, Grid, GridTable


@lru_cache(maxsize=4)
def layout(name: str = "gbt9704") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPORTS / "layouts" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@dataclasses.dataclass
class Heading:
    """A structure heading: level 1 (一、) in 黑体, level 2 (（一）) in 楷体, 3 and 4 in the body face."""

    text: str
    level: int = 1


@dataclasses.dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: Sequence[float] | None = None  # relative widths; scaled to the text block, dates never broken
    fills: Sequence[str | None] | None = None  # per row background, hex "RRGGBB" or None
    size: float | None = None  # font size; never under the layout's table_min_size_pt


@dataclasses.dataclass
class KeyValues:
    """A two-column block of label: value lines (case facts, certificate fields)."""

    pairs: list[tuple[str, str]]


@dataclasses.dataclass
class Notice:
    title: str
    body: list[str | Heading | Table | KeyValues]
    issuer: str = ""  # the organ in the red header; empty for plain reports
    doc_number: str = ""  # 发文字号, e.g. 崂审批告〔2026〕12号 (see cn_numerals.doc_number)
    recipient: str = ""  # 主送, e.g. "青岛某酒店管理有限公司："
    signature: str = ""  # 落款 (several lines allowed, one per line)
    date: dt.date | None = None
    landscape: bool = False
    qr_data: str = ""  # printed under the signature with its caption
    qr_caption: str = ""
    footer: str = ""  # small print under the signature (附注)
    subject: str = ""  # PDF metadata
    # Administrative notices carry the red organ header and rule; court papers print the court's
    # name in black with no rule (pass header_color="#000000", header_rule=False).
    header_color: str | None = None
    header_rule: bool = True
    seal: str = ""  # a seal area on the signature and date, labelled so, e.g. "（印章）"
    clerk: str = ""  # a court paper's 书记员 line under the date, e.g. "书记员　李四"
    clerk_note: str = "本件与原本核对无异"  # printed above the clerk line
    date_style: Literal["arabic", "chinese"] = "arabic"  # 2026年11月27日 / 二〇二六年十一月二十七日
    number_under_title: bool = False  # a court's case number, right-aligned under the title


def _cn_date(day: dt.date) -> str:  # kept for callers of the earlier private helper
    return arabic_date(day)


def qr_drawing(data: str, size_mm: float = 28) -> Drawing:
    """A QR code as a reportlab Drawing (for callers outside the builder; papers use QrCode)."""
    widget = QrCodeWidget(data)
    x1, y1, x2, y2 = widget.getBounds()
    size = size_mm * mm
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


@dataclasses.dataclass(frozen=True)
class Metrics:
    """The layout's numbers in points, derived once per layout and orientation."""

    page: tuple[float, float]
    left: float
    bottom: float
    width: float
    height: float
    size: float  # body
    leading: float  # body line pitch: the text block's height / lines per page
    char_space: float  # makes chars_per_line characters fill the text block's width
    table_size: float
    table_leading: float


@lru_cache(maxsize=4)
def metrics(wide: bool = False, name: str = "gbt9704") -> Metrics:
    lay = layout(name)
    size = float(lay["body_size_pt"])
    chars, lines = int(lay["body_chars_per_line"]), int(lay["body_lines_per_page"])
    grid_width, grid_height = lay["text_width_mm"] * mm, lay["text_height_mm"] * mm
    leading = math.floor(grid_height / lines * 100) / 100
    char_space = (grid_width - chars * size) / (chars - 1) - 1e-4
    table = float(max(lay["table_size_pt"], lay["table_min_size_pt"]))
    if wide:
        page = landscape(A4)
        margin = lay["landscape_margin_mm"] * mm
        left, bottom, width, height = margin, margin, page[0] - 2 * margin, page[1] - 2 * margin - 8 * mm
        bottom += 8 * mm  # room for the page number
    else:
        page = A4
        left, width, height = lay["margin_left_mm"] * mm, grid_width, grid_height
        bottom = page[1] - lay["margin_top_mm"] * mm - height
    return Metrics(page, left, bottom, width, height, size, leading, char_space, table, lay["table_leading_pt"])


def _style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)


@lru_cache(maxsize=4)
def _styles(fonts: tuple[str, ...], wide: bool) -> dict[str, ParagraphStyle]:
    title, body, heading, kai = fonts[:4]
    m, lay = metrics(wide), layout()
    size, lead = m.size, m.leading
    header_size = float(lay["header_size_pt"])
    return {
        "header": _style("header", title, header_size, header_size * 1.3, alignment=TA_CENTER),
        "docno": _style("docno", body, size, lead, alignment=TA_CENTER),
        "caseno": _style("caseno", body, size, lead, alignment=TA_RIGHT),
        "title": _style(
            "title", title, lay["title_size_pt"], max(lay["title_size_pt"] * 1.3, lead), alignment=TA_CENTER
        ),
        "recipient": _style("recipient", body, size, lead, alignment=TA_JUSTIFY),
        "body": _style("body", body, size, lead, alignment=TA_JUSTIFY, firstLineIndent=2 * size),
        "h1": _style("h1", heading, size, lead, alignment=TA_JUSTIFY, firstLineIndent=2 * size),
        "h2": _style("h2", kai, size, lead, alignment=TA_JUSTIFY, firstLineIndent=2 * size),
        "kv": _style("kv", body, size, lead, alignment=TA_LEFT),
        "footer": _style("footer", body, m.table_size, m.table_leading, alignment=TA_JUSTIFY),
        "caption": _style("caption", body, m.table_size, m.table_leading, alignment=TA_LEFT),
    }


class _Builder:
    """Turns one Notice into flowables with the faces and metrics of its orientation."""

    def __init__(self, notice: Notice, fonts: FontSet) -> None:
        self.notice, self.fonts = notice, fonts
        self.m = metrics(notice.landscape)
        self.st = _styles((fonts.title, fonts.body, fonts.heading, fonts.name("kai")), notice.landscape)
        self.lay = layout()

    def para(self, text: str, style: str, *, color: Any = None, tight: bool = False) -> CJKParagraph:
        st = self.st[style]
        if color is not None:
            st = ParagraphStyle(f"{style}-c", parent=st, textColor=color)
        space = 0.0 if tight else self.m.char_space * st.fontSize / self.m.size
        return CJKParagraph(text, st, char_space=space, fallback=self.fonts.fallback)

    def lines(self, n: float) -> Spacer:
        return Spacer(1, n * self.m.leading)

    def head(self) -> list[Flowable]:
        n, lay = self.notice, self.lay
        out: list[Flowable] = []
        red = colors.HexColor(lay["header_color"])
        if n.issuer:
            out.append(self.para(n.issuer, "header", color=colors.HexColor(n.header_color) if n.header_color else red))
            if n.doc_number and not n.number_under_title:
                out.append(self.lines(lay["docno_gap_lines"] - 1))
                out.append(self.para(n.doc_number, "docno"))
            if n.header_rule:
                out.append(Rule(self.m.width, lay["header_rule_mm"] * mm, red, lay["rule_gap_mm"] * mm))
            out.append(self.lines(lay["title_gap_lines"] if n.header_rule else 1))
        out.append(self.para(n.title, "title"))
        if n.doc_number and (n.number_under_title or not n.issuer):
            out.append(self.para(n.doc_number, "caseno"))
        if n.recipient:
            out.append(self.lines(lay["recipient_gap_lines"]))
            out.append(self.para(n.recipient, "recipient"))
        return out

    def table(self, spec: Table) -> Flowable:
        f, m = self.fonts, self.m
        size = max(spec.size or m.table_size, float(self.lay["table_min_size_pt"]))
        leading = max(m.table_leading, size * 1.33)
        grid = Grid(
            header=CellStyle(f.heading, size, leading, f.fallback, centred=True),
            cell=CellStyle(f.body, size, leading, f.fallback),
        )
        rows = [[str(v) for v in row] for row in spec.rows]
        columns = [[h] + [r[i] if i < len(r) else "" for r in rows] for i, h in enumerate(spec.headers)]
        widths = column_widths(spec.widths or [], m.width, columns, f.body, size, f.fallback, pad=2 * grid.pad_x)
        fills = [colors.HexColor("#" + x.lstrip("#")) if x else None for x in (spec.fills or [])][: len(rows)]
        table = GridTable(spec.headers, rows, widths, grid, fills, page_height=m.height)
        return Stack([Spacer(1, 4), table, Spacer(1, 8)])

    def key_values(self, spec: KeyValues) -> Flowable:
        kv = self.st["kv"]
        label_w = max((text_width(k, kv.fontName, kv.fontSize, self.fonts.fallback) for k, _ in spec.pairs), default=0)
        label_w = min(label_w + 2 * self.m.size, self.m.width * 0.45)
        return Stack([Beside(self.para(k, "kv", tight=True), self.para(v, "kv"), label_w) for k, v in spec.pairs])

    def body(self) -> list[Flowable]:
        out: list[Flowable] = []
        heads: list[bool] = []
        for part in self.notice.body:
            if isinstance(part, str):
                out.append(self.para(part, "body"))
            elif isinstance(part, Heading):
                out.append(self.para(part.text, {1: "h1", 2: "h2"}.get(part.level, "body")))
            elif isinstance(part, Table):
                out.append(self.table(part))
            elif isinstance(part, KeyValues):
                out.append(self.key_values(part))
            else:
                raise TypeError(f"not a part of a notice: {part!r}")
            heads.append(isinstance(part, Heading))
        # A heading goes with the start of what follows it (chains of headings included).
        for i in range(len(out) - 2, -1, -1):
            if heads[i]:
                out[i : i + 2] = [KeepWithNext(out[i], out[i + 1])]
        return out

    def closing(self) -> Flowable | None:
        n, m, lay = self.notice, self.m, self.lay
        date = ""
        if n.date:
            date = cn_date(n.date) if n.date_style == "chinese" else arabic_date(n.date)
        parts: list[Flowable] = []
        if n.signature or date or n.seal or n.clerk:
            spec = ClosingText(
                signature=n.signature,
                date=date,
                seal=n.seal,
                clerk=n.clerk,
                clerk_note=n.clerk_note,
                font=self.fonts.body,
                fallback=self.fonts.fallback,
                size=m.size,
                leading=m.leading,
                char_space=m.char_space,
                seal_diameter=lay["seal_diameter_mm"] * mm,
                seal_color=colors.HexColor(lay["seal_color"]),
            )
            parts.append(Closing(spec))
        if n.qr_data:
            size = lay["qr_size_mm"] * mm
            parts += [Spacer(1, 6), Beside(QrCode(n.qr_data, size), self.para(n.qr_caption, "caption"), size, 8)]
        return Stack(parts) if parts else None

    def story(self) -> list[Flowable]:
        story = self.head()
        body = self.body()
        closing = self.closing()
        if closing is not None and body:
            body[-1] = KeepWithPrevious(body[-1], closing)
        elif closing is not None:
            body.append(closing)
        story += body
        if self.notice.footer:
            story += [Spacer(1, 8), self.para(self.notice.footer, "footer")]
        return story


def _page_number(fonts: FontSet, m: Metrics, size: float, canvas: Any, _doc: Any) -> None:
    """— 1 — in 宋体, 7 mm under the text block; odd pages right, even pages left, one character in."""
    number = canvas.getPageNumber()
    text = f"— {number} —"
    w = text_width(text, fonts.name("song"), size, fonts.fallback)
    x = m.left + m.width - size - w if number % 2 else m.left + size
    draw_text(
        canvas,
        x,
        m.bottom - layout()["page_number_gap_mm"] * mm - 0.7 * size,
        text,
        fonts.name("song"),
        size,
        fonts.fallback,
    )


def render(notice: Notice) -> bytes:
    """The paper as PDF bytes (A4; landscape when ``notice.landscape``)."""
    fonts = font_set()
    m = metrics(notice.landscape)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=m.page,
        leftMargin=m.left,
        rightMargin=m.page[0] - m.left - m.width,
        topMargin=m.page[1] - m.bottom - m.height,
        bottomMargin=m.bottom,
        title=notice.title,
        author=notice.issuer or "崂山政务窗口桌面",
        subject=notice.subject or notice.title,
        creator="崂山政务窗口桌面 Laoshan Desk",
        initialFontName=fonts.body,  # the canvas starts in an embedded face: no page names Helvetica
    )
    frame = Frame(m.left, m.bottom, m.width, m.height, 0, 0, 0, 0, id="text")
    on_page = partial(_page_number, fonts, m, float(layout()["page_number_size_pt"]))
    doc.addPageTemplates([PageTemplate("paper", [frame], onPage=on_page)])
    doc.build(_Builder(notice, fonts).story())
    return buffer.getvalue()


__all__ = [
    "Heading",
    "KeyValues",
    "Metrics",
    "Notice",
    "Table",
    "amount_in_words",
    "arabic_date",
    "cn_date",
    "doc_number",
    "layout",
    "metrics",
    "qr_drawing",
    "render",
]
