"""避头尾 line breaking, read from the laid-out paragraph (``blPara.lines``), not from the PDF."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from laoshan_desk.documents import pdf
from laoshan_desk.documents.cjk_text import NO_END, NO_START, CJKParagraph, is_word
from laoshan_desk.documents.fonts import font_set

HANZI = "崂山区行政审批服务局窗口受理申请材料企业开业消防食品经营许可诉求办理街道社区"
CLOSERS = ["，", "。", "、", "；", "：", "！", "？", "……", "——", "）", "》", "」", "』", "】", "〕", "”", "’"]
WORD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./:_#+@%"
PAIRS = [("（", "）"), ("《", "》"), ("“", "”"), ("‘", "’"), ("【", "】"), ("〔", "〕"), ("「", "」")]


def _style(size: float = 16.0) -> ParagraphStyle:
    fonts = font_set()
    return ParagraphStyle("t", fontName=fonts.body, fontSize=size, leading=size * 1.8, wordWrap="CJK", alignment=4)


def _lines(text: str, chars: int, *, indent: int = 0, size: float = 16.0) -> list[str]:
    style = _style(size)
    style.firstLineIndent = indent * size
    para = CJKParagraph(text, style, char_space=pdf.metrics().char_space, fallback=font_set().fallback)
    para.wrap(chars * size, 10_000)
    return [line.text for line in para.blPara.lines]


word = st.text(alphabet=HANZI, min_size=1, max_size=5)
number = st.sampled_from(["2026-11-27", "SP023", "91370212MA3C8XKQ2T", "18", "3.5%"])
unit = st.one_of(
    word,
    word.map(lambda w: w + "，"),
    st.tuples(word, st.sampled_from(CLOSERS)).map("".join),
    st.tuples(st.sampled_from(PAIRS), word).map(lambda t: t[0][0] + t[1] + t[0][1]),
    st.tuples(st.sampled_from(PAIRS), word, st.sampled_from(["。", "，", "；"])).map(
        lambda t: t[0][0] + t[1] + t[0][1] + t[2]
    ),
    number,
)
chinese = st.lists(unit, min_size=1, max_size=60).map(lambda units: "国" + "".join(units))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=chinese, chars=st.integers(min_value=4, max_value=30), indent=st.sampled_from([0, 2]))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text, chars, indent):
    lines = _lines(text, chars, indent=indent)
    assert "".join(lines) == text  # nothing lost, nothing added
    for before, line in zip(lines, lines[1:], strict=False):
        assert line[0] not in NO_START, (before, line)
        assert before[-1] not in NO_END, (before, line)
        # a Latin or digit run (a date, a code) is not broken where it would fit on a line
        if is_word(before[-1]) and is_word(line[0]):
            run = len(before) - len(before.rstrip(WORD))
            assert run == len(before), (before, line)  # only a run longer than a whole line breaks


@settings(max_examples=200, deadline=None)
@given(text=chinese, chars=st.integers(min_value=4, max_value=30))
def test_lines_fit_their_width_unless_a_closing_mark_hangs(text, chars):
    size = 16.0
    style = _style(size)
    para = CJKParagraph(text, style, char_space=pdf.metrics().char_space, fallback=font_set().fallback)
    para.wrap(chars * size, 10_000)
    for line in para.blPara.lines:
        if line.currentWidth > line.maxWidth + 1e-6:
            hang = len(line.text) - len(line.text.rstrip("".join(NO_START)))
            assert 1 <= hang <= 2 and line.currentWidth - line.maxWidth <= 2 * size, line.text


def test_a_comma_that_would_start_a_line_takes_a_character_with_it():
    text = "审" * 27 + "批，" + "服务" * 10
    lines = _lines(text, 28)
    assert lines[0] == "审" * 27
    assert lines[1].startswith("批，")


def test_an_opening_bracket_never_ends_a_line():
    text = "审" * 27 + "《中华人民共和国行政许可法》"
    lines = _lines(text, 28)
    assert lines[0] == "审" * 27 and lines[1].startswith("《中华")


def test_a_dash_or_an_ellipsis_is_not_split_and_does_not_start_a_line():
    for mark in ("——", "……"):
        lines = _lines("审" * 27 + mark + "后文" * 5, 28)
        assert all(not line.startswith(mark[0]) for line in lines[1:]), lines
        assert all(not line.endswith(mark[0]) or line.endswith(mark) for line in lines), lines


def test_a_date_is_not_broken():
    lines = _lines("审" * 24 + "2026-11-27前办结", 28)
    assert lines[0] == "审" * 24 and lines[1].startswith("2026-11-27")


def test_a_split_paragraph_keeps_its_lines_and_justifies_the_first_part():
    style = _style()
    text = "窗口受理申请材料，" * 40
    para = CJKParagraph(text, style, char_space=pdf.metrics().char_space)
    para.wrap(28 * 16, 10_000)
    whole = [line.text for line in para.blPara.lines]
    head, tail = para.split(28 * 16, style.leading * 5 + 1)
    assert head.justify_last and [line.text for line in head.blPara.lines] == whole[:5]
    tail.wrap(28 * 16, 10_000)
    assert [line.text for line in tail.blPara.lines] == whole[5:]
    assert head.text + tail.text == text


def test_characters_the_face_lacks_use_the_fallback_face():
    fonts = font_set()
    style = _style()
    para = CJKParagraph("张喆堃办理", style, fallback=fonts.fallback)
    para.wrap(400, 100)
    runs = para.blPara.lines[0].runs
    assert runs == [(fonts.body, "张"), (fonts.fallback, "喆堃"), (fonts.body, "办理")]
    assert [w.fontName for w in para.blPara.lines[0].words] == [fonts.body, fonts.fallback, fonts.body]
