"""The PDF builder, read back with pypdf: text, embedded fonts, page count, the GB/T 9704 grid,
table sizes and widths, and the keeping together of headings and closing blocks."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from laoshan_desk.documents import pdf, pdf_samples
from laoshan_desk.documents.cjk_text import break_lines
from laoshan_desk.documents.fonts import font_set


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


def _reader(notice: pdf.Notice) -> PdfReader:
    return PdfReader(io.BytesIO(pdf.render(notice)))


def _pages(notice: pdf.Notice) -> list[str]:
    return [page.extract_text() for page in _reader(notice).pages]


def _body(pages: list[str]) -> str:
    """The pages' text without page numbers, squashed."""
    return "".join(_squash(re.sub(r"—\s*\d+\s*—", "", page)) for page in pages)


def _squash(text: str) -> str:
    return "".join(text.split())


def test_text_reads_back_in_chinese():
    reader = _reader(_notice())
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in ("一次性告知书", "崂审批告", "公众聚集场所投入使用", "2026年3月2日", "区消防救援大队"):
        assert expected in text
    assert reader.metadata.title == "一次性告知书"


def _fonts(obj: Any, seen: set[int]) -> list[Any]:
    """Every font dictionary reachable from a resources dictionary (form XObjects included)."""
    out: list[Any] = []
    res = obj.get_object() if obj is not None else None
    if res is None or id(res) in seen:
        return out
    seen.add(id(res))
    for font in (res.get("/Font") or {}).values():
        out.append(font.get_object())
    for xobject in (res.get("/XObject") or {}).values():
        out += _fonts(xobject.get_object().get("/Resources"), seen)
    return out


@pytest.mark.parametrize("kind", sorted(pdf_samples.SAMPLES))
def test_every_font_of_every_page_is_embedded_truetype(kind):
    reader = PdfReader(io.BytesIO(pdf.render(pdf_samples.SAMPLES[kind]())))
    assert len(reader.pages) >= 1
    for number, page in enumerate(reader.pages, 1):
        fonts = _fonts(page.get("/Resources"), set())
        assert fonts, f"page {number} uses no font"
        for font in fonts:
            assert font["/Subtype"] in ("/TrueType", "/Type0"), (kind, number, font.get("/BaseFont"))
            for described in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                descriptor = described["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, (kind, number, font["/BaseFont"])
    raw = pdf.render(pdf_samples.SAMPLES[kind]())
    assert b"/Helvetica" not in raw and b"STSong" not in raw


def test_each_face_is_embedded_once_however_many_roles_use_it():
    fonts = font_set()
    # title, 宋 and 仿宋 share one bundled face here: one registered name, not one per role
    assert fonts.title == fonts.body == fonts.song
    assert len(fonts.faces()) == len(set(fonts.files.values()))
    reader = PdfReader(io.BytesIO(pdf.render(pdf_samples.one_time_notice(1))))
    names = {str(f["/BaseFont"]).split("+", 1)[1] for p in reader.pages for f in _fonts(p["/Resources"], set())}
    assert names <= {"BousungEG-Light-GB", "GBZenKai-Medium", "WenQuanYiMicroHei-0"}, names


def test_a4_portrait_and_landscape():
    portrait = _reader(_notice()).pages[0].mediabox
    assert (round(float(portrait.width)), round(float(portrait.height))) == (595, 842)
    wide = _notice()
    wide.landscape = True
    land = _reader(wide).pages[0].mediabox
    assert round(float(land.width)) == 842


def test_the_grid_holds_22_lines_of_28_characters():
    m = pdf.metrics()
    assert [(s, e) for s, e, _ in break_lines("永" * 56, [m.size] * 56, [m.width], m.char_space)] == [(0, 28), (28, 56)]
    assert m.leading * 22 <= m.height < m.leading * 23
    text = "".join("崂山区行政审批服务局窗口受理申请材料"[i % 18] for i in range(28 * 22 * 3))
    pages = _pages(pdf.Notice(title="版心", body=[text]))
    assert len(pages) >= 3
    lines = [line for line in pages[1].splitlines() if line.strip() and "—" not in line]
    assert len(lines) == 22, lines
    assert {len(line.strip()) for line in lines} == {28}


def test_body_heading_and_title_faces_by_role():
    seen: dict[str, set[str]] = {}

    def visit(text: str, _cm: Any, _tm: Any, font: Any, size: float) -> None:
        if text.strip() and font is not None:
            seen.setdefault(str(font["/BaseFont"]).split("+", 1)[1], set()).add(text.strip())

    notice = pdf.Notice(
        title="标题",
        issuer="红头机关",
        body=[pdf.Heading("一、黑体标题"), pdf.Heading("（一）楷体标题", level=2), "仿宋正文。"],
    )
    for page in _reader(notice).pages:
        page.extract_text(visitor_text=visit)
    joined = {face: "".join(texts) for face, texts in seen.items()}
    assert "黑体标题" in joined["WenQuanYiMicroHei-0"]
    assert "楷体标题" in joined["GBZenKai-Medium"]
    assert "仿宋正文" in joined["BousungEG-Light-GB"] and "红头机关" in joined["BousungEG-Light-GB"]


def test_table_text_is_never_under_the_layout_minimum():
    sizes: list[float] = []

    def visit(text: str, _cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip() and ("甲乙" in text or "2026" in text):
            sizes.append(size * abs(tm[0]) if tm else size)

    notice = pdf.Notice(
        title="表",
        body=[pdf.Table(["名称", "日期"], [["甲乙丙丁", "2026-11-27"]] * 5, size=7.5)],
    )
    _reader(notice).pages[0].extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= pdf.layout()["table_min_size_pt"]


def test_a_date_column_is_never_narrower_than_a_date():
    dates = [f"2026-11-{d:02d}" for d in range(10, 30)]
    notice = pdf.Notice(
        title="节点",
        body=[
            pdf.Table(
                ["事项名称", "节点日期"],
                [["公众聚集场所投入使用、营业前消防安全检查" * 3, d] for d in dates],
                widths=[20, 0.5],
            )
        ],
    )
    text = "\n".join(_pages(notice))
    for d in dates:
        assert d in text, d


def test_a_long_value_splits_across_pages_instead_of_failing():
    content = "路口早市摊点占用人行道，早高峰行人只能走机动车道。" * 120
    notice = pdf.Notice(title="督办单", body=[pdf.KeyValues([("诉求内容", content), ("当前状态", "办理中")])])
    pages = _pages(notice)
    assert len(pages) >= 3
    assert _body(pages).count("早高峰行人只能走机动车道") == 120
    long_row = pdf.Notice(title="表", body=[pdf.Table(["内容"], [[content]])])
    assert _body(_pages(long_row)).count("早高峰行人") == 120


def _closing_notice(paragraphs: int) -> pdf.Notice:
    body: list[Any] = [
        f"第{n}段：请贵单位按照告知的材料清单一次性备齐材料，于节点日期前到综合窗口提交。" for n in range(paragraphs)
    ]
    body.append("末段标记：特此告知，请按期办理。")
    return pdf.Notice(title="告知书", body=body, signature="青岛市崂山区行政审批服务局", date=dt.date(2026, 11, 27))


def test_the_signature_and_date_never_stand_alone_on_a_page():
    crossed = 0
    for paragraphs in range(8, 30):
        pages = _pages(_closing_notice(paragraphs))
        crossed += len(pages) > 1
        last = _squash(pages[-1])
        assert "2026年11月27日" in last
        body = re.sub(r"—\d+—|青岛市崂山区行政审批服务局|2026年11月27日", "", last)
        assert body, f"{paragraphs} paragraphs: the last page holds only the signature and date"
    assert crossed  # the loop did push the closing block over a page break


def test_a_heading_never_ends_a_page():
    checked = 0
    for lead in range(12, 34):
        body: list[Any] = ["前文段落，逐项梳理审批事项并明确责任人和节点日期。"] * lead
        body += [pdf.Heading("二、必办事项"), pdf.Heading("（一）消防事项", level=2), "标题后的第一段正文。" * 6]
        for page in _pages(pdf.Notice(title="标题", body=body)):
            lines = [ln for ln in page.splitlines() if ln.strip() and not re.fullmatch(r"\s*—\s*\d+\s*—\s*", ln)]
            assert lines[-1].strip() not in ("二、必办事项", "（一）消防事项"), lead
            checked += 1
    assert checked > 22


def test_court_paper_closing_date_seal_and_clerk():
    text = _squash("".join(_pages(pdf_samples.ruling())))
    assert "二〇二六年十一月二十七日" in text
    assert "（院印）" in text
    assert "本件与原本核对无异" in text and "书记员张悦" in text
    assert text.index("审判员李明远") < text.index("二〇二六年十一月二十七日") < text.index("书记员张悦")
    assert text.index("民事裁定书") < text.index("（2026）鲁0212财保158号")  # the case number under the title


def test_page_numbers_on_every_page():
    pages = _pages(pdf_samples.one_time_notice(3))
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert f"— {number} —" in page


def test_backward_compatible_api():
    notice = pdf.Notice("督办单", ["请于两个工作日内办结。", pdf.Heading("一、要求")], date=dt.date(2026, 11, 25))
    assert pdf.render(notice).startswith(b"%PDF")
    assert pdf.Table(["a"], [["b"]], [1.0], ["FFFFFF"], 8).size == 8
    assert pdf.KeyValues([("a", "b")]).pairs == [("a", "b")]
    assert pdf.qr_drawing("LSDESK:X").width > 0
    assert pdf.layout()["body_size_pt"] == 16
    assert pdf.cn_date(dt.date(2026, 11, 27)) == "二〇二六年十一月二十七日"


def test_text_with_markup_characters_prints_as_typed():
    text = _squash("".join(_pages(pdf.Notice(title="<b>标题</b> & 1<2", body=["A&B <i>不是标记</i> 3>2"]))))
    assert "<b>标题</b>&1<2" in text and "A&B<i>不是标记</i>3>2" in text


def test_a_table_row_that_fits_a_page_moves_whole_and_the_header_repeats_only_at_a_page_top():
    materials = "营业执照副本；法定代表人身份证明；场所平面布置图；消防安全检查申报表；"
    rows = [[str(n), f"SP{n:03d} 事项", materials * (1 + n % 4), "2026-11-27"] for n in range(1, 40)]
    notice = pdf.Notice(
        title="一次告知书", body=["前文。"] * 3 + [pdf.Table(["序号", "事项", "申请材料", "节点日期"], rows)]
    )
    pages = _pages(notice)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert _squash(page).count("申请材料") == 1, number  # once, at the top of the page's part
        head = _squash(page).index("申请材料")
        assert _squash(page)[:head].count("SP") == 0, number  # no row above a repeated header
    assert all(_body(pages).count(f"SP{n:03d}") == 1 for n in range(1, 40))


def test_empty_parts_and_digits_only_tables_name_no_unembedded_font():
    notice = pdf.Notice(
        title="",
        body=["", pdf.Heading(""), pdf.KeyValues([("", "")]), pdf.Table(["1", "2"], [["3", ""], ["", "4.5"]])],
        qr_data="LSDESK:0",
        qr_caption="",
        signature="",
        date=dt.date(2026, 11, 27),
    )
    reader = _reader(notice)
    for page in reader.pages:
        for font in _fonts(page["/Resources"], set()):
            assert font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"/Helvetica" not in pdf.render(notice)
