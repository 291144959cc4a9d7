"""The PDF builder: Chinese text comes back out, and the TrueType font is embedded."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from laoshan_desk.documents import pdf


def _notice() -> pdf.Notice:
    return pdf.Notice(
        title="一次性告知书",
        issuer="青岛市崂山区行政审批服务局",
        doc_number="崂审批告〔2026〕12号",
        recipient="青岛崂山湾国际度假酒店有限公司：",
        body=[
            "根据《中华人民共和国行政许可法》第三十二条，现将须办理的事项一次性告知如下。",
            pdf.Heading("一、必办事项"),
            pdf.Table(["序号", "事项", "部门"], [["1", "公众聚集场所投入使用、营业前消防安全检查", "区消防救援大队"]]),
        ],
        signature="青岛市崂山区行政审批服务局",
        date=dt.date(2026, 3, 2),
        qr_data="LSD:ABCD-EFGH-JKMN",
        qr_caption="核验码 ABCD-EFGH-JKMN",
    )


def test_text_reads_back_in_chinese():
    reader = PdfReader(io.BytesIO(pdf.render(_notice())))
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in ("一次性告知书", "崂审批告", "公众聚集场所投入使用", "2026年3月2日", "区消防救援大队"):
        assert expected in text
    assert reader.metadata.title == "一次性告知书"


def test_font_is_embedded_truetype():
    reader = PdfReader(io.BytesIO(pdf.render(_notice())))
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc_font in font.get("/DescendantFonts", [font]):
                descriptor = desc_font.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    embedded.add(str(font["/BaseFont"]))
    assert embedded, "no embedded TrueType font"


def test_a4_portrait_and_landscape():
    portrait = PdfReader(io.BytesIO(pdf.render(_notice()))).pages[0].mediabox
    assert (round(float(portrait.width)), round(float(portrait.height))) == (595, 842)
    wide = _notice()
    wide.landscape = True
    land = PdfReader(io.BytesIO(pdf.render(wide))).pages[0].mediabox
    assert round(float(land.width)) == 842
