"""PDF notices laid out after GB/T 9704: red header, title, body, tables, signature, page numbers.

One builder serves every printed paper of the desk (one-time notices, certificates, rulings,
supervision notices, briefs): a :class:`Notice` is plain data; :func:`render` returns the bytes
that the preview shows, the printer prints and the tests read back. The layout numbers are in
``reports/layouts/gbt9704.json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Table as RLTable,
)

from laoshan_desk.config import REPORTS
from laoshan_desk.documents.fonts import font_set


@lru_cache(maxsize=4)
def layout(name: str = "gbt9704") -> dict[str, Any]:
    return json.loads((REPORTS / "layouts" / f"{name}.json").read_text(encoding="utf-8"))


@dataclasses.dataclass
class Heading:
    text: str


@dataclasses.dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative widths; scaled to the text block
    fills: list[str | None] | None = None  # per row background, hex "RRGGBB" or None
    size: float | None = None  # font size; default from the layout


@dataclasses.dataclass
class KeyValues:
    """A two-column block of label: value lines (case facts, certificate fields)."""

    pairs: list[tuple[str, str]]


@dataclasses.dataclass
class Notice:
    title: str
    body: list[str | Heading | Table | KeyValues]
    issuer: str = ""  # the organ in the red header; empty for plain reports
    doc_number: str = ""  # 发文字号, e.g. 崂审批告〔2026〕12号
    recipient: str = ""  # 主送, e.g. "青岛某酒店管理有限公司："
    signature: str = ""  # 落款
    date: dt.date | None = None
    landscape: bool = False
    qr_data: str = ""  # printed bottom-right with its caption
    qr_caption: str = ""
    footer: str = ""  # small print under the signature (附注)
    subject: str = ""  # PDF metadata
    # Administrative notices carry the red organ header and rule; court papers print the court's
    # name in black with no rule (pass header_color="#000000", header_rule=False).
    header_color: str | None = None
    header_rule: bool = True


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class _RedRule(Flowable):
    def __init__(self, width: float, thickness: float, color: colors.Color) -> None:
        super().__init__()
        self.width, self.thickness, self.color = width, thickness, color

    def wrap(self, *_: Any) -> tuple[float, float]:
        return self.width, self.thickness + 4

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 2, self.width, 2)


def qr_drawing(data: str, size_mm: float = 28) -> Drawing:
    widget = QrCodeWidget(data)
    x1, y1, x2, y2 = widget.getBounds()
    size = size_mm * mm
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _styles(lay: dict[str, Any]) -> dict[str, ParagraphStyle]:
    fonts = font_set()
    body = ParagraphStyle(
        "body",
        fontName=fonts.body,
        fontSize=lay["body_size_pt"],
        leading=lay["body_leading_pt"],
        firstLineIndent=2 * lay["body_size_pt"],
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return {
        "header": ParagraphStyle(
            "header",
            fontName=fonts.title,
            fontSize=lay["header_size_pt"],
            leading=lay["header_size_pt"] * 1.3,
            alignment=TA_CENTER,
            textColor=colors.HexColor(lay["header_color"]),
        ),
        "docno": ParagraphStyle(
            "docno",
            fontName=fonts.body,
            fontSize=lay["body_size_pt"],
            leading=lay["body_size_pt"] * 1.5,
            alignment=TA_CENTER,
        ),
        "title": ParagraphStyle(
            "title",
            fontName=fonts.title,
            fontSize=lay["title_size_pt"],
            leading=lay["title_size_pt"] * 1.45,
            alignment=TA_CENTER,
            wordWrap="CJK",
            spaceAfter=lay["body_size_pt"],
        ),
        "recipient": ParagraphStyle("recipient", parent=body, firstLineIndent=0),
        "body": body,
        "heading": ParagraphStyle("heading", parent=body, fontName=fonts.heading),
        "signature": ParagraphStyle(
            "signature", parent=body, alignment=TA_RIGHT, firstLineIndent=0, rightIndent=4 * lay["body_size_pt"]
        ),
        "cell": ParagraphStyle(
            "cell", fontName=fonts.body, fontSize=lay["table_size_pt"], leading=lay["table_leading_pt"], wordWrap="CJK"
        ),
        "cellhead": ParagraphStyle(
            "cellhead",
            fontName=fonts.heading,
            fontSize=lay["table_size_pt"],
            leading=lay["table_leading_pt"],
            alignment=TA_CENTER,
            wordWrap="CJK",
        ),
        "footer": ParagraphStyle(
            "footer",
            fontName=fonts.body,
            fontSize=lay["table_size_pt"],
            leading=lay["table_leading_pt"],
            wordWrap="CJK",
        ),
        "kv": ParagraphStyle("kv", parent=body, firstLineIndent=0),
    }


def _table(spec: Table, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    cell, head = st["cell"], st["cellhead"]
    if spec.size:
        cell = ParagraphStyle("cellx", parent=cell, fontSize=spec.size, leading=spec.size * 1.35)
        head = ParagraphStyle("headx", parent=head, fontSize=spec.size, leading=spec.size * 1.35)
    data = [[Paragraph(escape(h), head) for h in spec.headers]]
    data += [[Paragraph(escape(str(v)), cell) for v in row] for row in spec.rows]
    rel = spec.widths or [1.0] * len(spec.headers)
    total = sum(rel)
    table = RLTable(data, colWidths=[width * r / total for r in rel], repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, fill in enumerate(spec.fills or [], start=1):
        if fill:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#" + fill.lstrip("#"))))
    table.setStyle(TableStyle(style))
    return table


def render(notice: Notice) -> bytes:
    lay = layout()
    page = landscape(A4) if notice.landscape else A4
    left = lay["margin_left_mm"] * mm
    top = lay["margin_top_mm"] * mm
    if notice.landscape:
        left, top = 20 * mm, 20 * mm
        width = page[0] - 2 * left
        bottom = 20 * mm
    else:
        width = lay["text_width_mm"] * mm
        bottom = page[1] - top - lay["text_height_mm"] * mm
    right = page[0] - left - width
    st = _styles(lay)
    fonts = font_set()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=notice.title,
        author=notice.issuer or "崂山政务窗口桌面",
        subject=notice.subject or notice.title,
        creator="崂山政务窗口桌面 Laoshan Desk",
    )
    story: list[Flowable] = []
    if notice.issuer:
        header_style = st["header"]
        if notice.header_color:
            header_style = ParagraphStyle(
                "header_x", parent=header_style, textColor=colors.HexColor(notice.header_color)
            )
        story.append(Paragraph(escape(notice.issuer), header_style))
        if notice.doc_number:
            story.append(Spacer(1, 4))
            story.append(Paragraph(escape(notice.doc_number), st["docno"]))
        if notice.header_rule:
            story.append(_RedRule(width, lay["header_rule_mm"] * mm, colors.HexColor(lay["header_color"])))
        story.append(Spacer(1, lay["body_size_pt"]))
    story.append(Paragraph(escape(notice.title), st["title"]))
    if notice.recipient:
        story.append(Paragraph(escape(notice.recipient), st["recipient"]))
    for part in notice.body:
        if isinstance(part, str):
            story.append(Paragraph(escape(part), st["body"]))
        elif isinstance(part, Heading):
            story.append(Paragraph(escape(part.text), st["heading"]))
        elif isinstance(part, Table):
            story.append(Spacer(1, 4))
            story.append(_table(part, width, st))
            story.append(Spacer(1, 8))
        elif isinstance(part, KeyValues):
            kv = RLTable(
                [[Paragraph(escape(k), st["kv"]), Paragraph(escape(v), st["kv"])] for k, v in part.pairs],
                colWidths=[width * 0.28, width * 0.72],
            )
            kv.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story.append(kv)
    closing: list[Flowable] = []
    if notice.signature or notice.date:
        closing.append(Spacer(1, lay["body_size_pt"] * 2))
        if notice.signature:
            closing.append(Paragraph(escape(notice.signature), st["signature"]))
        if notice.date:
            closing.append(Paragraph(_cn_date(notice.date), st["signature"]))
    if notice.qr_data:
        qr = qr_drawing(notice.qr_data)
        cap = Paragraph(escape(notice.qr_caption), st["footer"])
        box = RLTable([[qr, cap]], colWidths=[32 * mm, width - 32 * mm])
        box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        closing.append(Spacer(1, 6))
        closing.append(box)
    if closing:
        story.append(KeepTogether(closing))
    if notice.footer:
        story.append(Spacer(1, 8))
        story.append(Paragraph(escape(notice.footer), st["footer"]))

    def page_number(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.body, lay["page_number_size_pt"])
        canvas.drawCentredString(page[0] / 2, bottom / 2, f"— {canvas.getPageNumber()} —")
        canvas.restoreState()

    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buffer.getvalue()
