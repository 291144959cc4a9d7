"""Which faces the papers use: official ones found by file name or fontconfig family, else the
bundled ones, and the message that says which were replaced."""

from __future__ import annotations

from pathlib import Path

from laoshan_desk.documents import fonts

SONG = fonts.BUNDLED_SONG
KAI = fonts.BUNDLED_KAI


def test_bundled_faces_by_role_and_the_substitution_message():
    fs = fonts.font_set()  # the tests run with LAOSHAN_DESK_BUNDLED_FONT_ONLY=1
    assert fs.families["body"] == fs.families["title"] == "AR PL SungtiL GB"
    assert fs.families["kai"] == "AR PL KaitiM GB"
    assert fs.families["heading"] == "WenQuanYi Micro Hei"
    assert {s.wanted for s in fs.substituted} == {"小标宋", "宋体", "仿宋", "黑体", "楷体"}
    message = fs.substitution_message()
    assert (
        message.startswith("公文字体已替换为：") and "仿宋→文鼎PL简报宋" in message and "楷体→文鼎PL简中楷" in message
    )
    assert fonts.substitution_message() == message


def test_official_faces_found_by_file_name(tmp_path: Path):
    windows = tmp_path / "Fonts"
    windows.mkdir()
    (windows / "simfang.ttf").symlink_to(SONG)
    (windows / "SIMKAI.TTF").symlink_to(KAI)  # case does not matter on Windows
    fs = fonts.build_font_set(dirs=[windows], families=())
    assert fs.files["body"] == str(windows / "simfang.ttf")
    assert fs.files["kai"] == str(windows / "SIMKAI.TTF")
    assert {s.wanted for s in fs.substituted} == {"小标宋", "宋体", "黑体"}
    assert "仿宋" not in fs.substitution_message()


def test_official_faces_found_by_family_through_fontconfig(tmp_path: Path):
    uos = tmp_path / "fonts-cesi"
    uos.mkdir()
    (uos / "cesi-fs.ttf").symlink_to(SONG)
    (uos / "cesi-xbs.otf").symlink_to(SONG)
    listing = "\n".join(
        [
            f"{uos / 'cesi-fs.ttf'}\t0\tCESI仿宋-GB2312,CESI FangSong GB2312\tTrueType",
            f"{uos / 'cesi-xbs.otf'}\t0\tCESI小标宋-GB2312\tCFF",  # CFF outlines: reportlab cannot embed them
            "garbage line",
        ]
    )
    faces = fonts.parse_fc_list(listing)
    assert [f.family for f in faces] == ["CESI仿宋-GB2312", "CESI FangSong GB2312"]
    fs = fonts.build_font_set(dirs=[], families=faces)
    assert fs.files["body"] == str(uos / "cesi-fs.ttf")
    assert fs.files["title"] == str(SONG)  # the CFF face was not taken


def test_a_broken_font_file_falls_back_to_the_bundled_face(tmp_path: Path):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    (folder / "simhei.ttf").write_bytes(b"not a font at all" * 100)
    fs = fonts.build_font_set(dirs=[folder], families=())
    assert fs.files["heading"] == str(fonts.BUNDLED)
    assert any(s.wanted == "黑体" for s in fs.substituted)


def test_one_registration_per_face():
    first = fonts.register(fonts.FaceFile(SONG))
    assert first is not None and fonts.register(fonts.FaceFile(SONG)) == first
    assert fonts.has_glyph(first, "〇")  # drawn with the face's ○, kept as 〇 in the text
    assert fonts.char_width(first, "中") == 1.0
