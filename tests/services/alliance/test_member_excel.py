"""The members workbook: import with honours, update by USCC, export read back, bad rows."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from laoshan_desk.domain.alliance.vocabulary import HonourLevel
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import member_excel as mx
from tests.alliance_support import at, fake_uscc

NOW = at(2026, 11, 25)


def sheet(path, rows):  # type: ignore[no-untyped-def]
    wb = Workbook()
    wb.active.append(list(mx.COLUMNS))
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_parse_honours():
    assert mx.parse_honours("中国驰名商标（崂山示例）2019；世界500强 2020；崂山质量奖2022", this_year=2026) == [
        (HonourLevel.WELL_KNOWN_TRADEMARK, "崂山示例", 2019),
        (HonourLevel.FORTUNE_500, "", 2020),
        (HonourLevel.LAOSHAN_AWARD, "", 2022),
    ]
    with pytest.raises(ValidationError):
        mx.parse_honours("驰名 2019", this_year=2026)
    with pytest.raises(ValidationError):
        mx.parse_honours("崂山质量奖 2030", this_year=2026)


def test_import_export_round_trip_and_bad_rows(db, officer, tmp_path):
    rows = [
        [
            "青岛示例茶业有限公司",
            fake_uscc(1),
            "",
            "王哥庄街道",
            "",
            "王哥庄示例路1号",
            "茶叶",
            "生产经营",
            "王示例",
            "0532-88880001",
            dt.date(2023, 3, 15),
            dt.date(2023, 4, 1),
            "中国驰名商标（崂山示例）2019；崂山质量奖 2022",
        ],
        [
            "海尔集团（示例）",
            fake_uscc(2),
            "",
            "",
            "",
            "",
            "家电",
            "提升发展",
            "刘一对一",
            "",
            "2023-03-15",
            "",
            "世界500强 2022",
        ],
        ["坏街道", fake_uscc(3), "", "不存在街道", "", "", "茶叶", "生产经营", "王", "", "2023-03-15", "", ""],
        ["坏荣誉", fake_uscc(4), "", "", "", "", "茶叶", "生产经营", "王", "", "2023-03-15", "", "好 2019"],
        ["坏日期", fake_uscc(5), "", "", "", "", "茶叶", "生产经营", "王", "", "三月", "", ""],
        ["坏代码", "123", "", "", "", "", "茶叶", "生产经营", "王", "", "2023-03-15", "", ""],
    ]
    report = mx.import_members(db, officer, sheet(tmp_path / "m.xlsx", rows), now=NOW)
    assert (report.imported, report.updated) == (2, 0)
    assert {(r.row, r.column) for r in report.rejected} == {
        (4, "街道"),
        (5, "荣誉"),
        (6, "入盟日期"),
        (7, "统一社会信用代码"),
    }
    members = {m.name: m for m in alliance.list_members(db, officer)}
    tea = members["青岛示例茶业有限公司"]
    assert tea.street == "王哥庄街道" and tea.honours_text == "中国驰名商标、崂山质量奖"
    out = tmp_path / "out.xlsx"
    assert mx.export_members(db, officer, out, now=NOW) == 2
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == list(mx.COLUMNS)
    values = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert values["青岛示例茶业有限公司"][12] == "中国驰名商标（崂山示例）2019；崂山质量奖 2022"
    assert values["海尔集团（示例）"][10] == dt.datetime(2023, 3, 15)
    again = mx.import_members(db, officer, out, now=NOW)
    # The file the desk wrote, imported again, changes nothing (docs/rules/alliance.md §alliance-import).
    assert (again.imported, again.updated, again.conflicts, again.rejected) == (0, 0, (), ())
    assert len(alliance.member(db, officer, tea.id).honours) == 2
