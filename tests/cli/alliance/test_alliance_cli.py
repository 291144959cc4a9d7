"""The alliance and enterprise commands exactly as the issue gives them: JSON shapes, amounts as
strings, exit 2 and one line for bad files and unknown codes."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import Workbook, load_workbook

from laoshan_desk.cli import main
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import awards
from laoshan_desk.services.alliance import policies as pol
from laoshan_desk.services.alliance import spotchecks as sc
from laoshan_desk.services.alliance.complaint_excel import COLUMNS
from tests.alliance_support import at, fake_uscc

NOW = at(2026, 11, 25)


def test_complaints_import_json_and_export(db, officer, tmp_path, capsys):
    wb = Workbook()
    wb.active.append(list(COLUMNS))
    wb.active.append(
        ["C1", "投诉", "2026-09-28 09:30", "赵示例", "13900001234", "某公司", "", "海参缩水", "", "", "", ""]
    )
    wb.active.append(["C2", "投诉", "昨天", "钱示例", "", "某公司", "", "茶叶霉变", "", "", "", ""])
    path = tmp_path / "in.xlsx"
    wb.save(path)
    assert main(["--db", db.url, "alliance", "complaints", "import", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "imported": 1,
        "updated": 0,
        "conflicts": [],
        "rejected": [{"row": 3, "column": "登记时间", "message": out["rejected"][0]["message"]}],
    }
    assert "YYYY-MM-DD HH:MM" in out["rejected"][0]["message"]
    ledger = tmp_path / "out.xlsx"
    assert main(["--db", db.url, "alliance", "complaints", "export", str(ledger), "--from", "2026-09-01"]) == 0
    assert "已导出 1 件" in capsys.readouterr().out
    ws = load_workbook(ledger).active
    assert [c.value for c in ws[1]][-3:] == ["受理期限", "办结期限", "是否超期"]
    assert ws["M2"].value == dt.datetime(2026, 10, 13) and ws["O2"].value == "是"


def test_bad_files_and_arguments_exit_2_with_one_line(db, admin, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\x00\x01garbage")
    for argv in (
        ["alliance", "complaints", "import", str(bad), "--json"],
        ["alliance", "complaints", "import", str(tmp_path / "missing.xlsx")],
        ["alliance", "complaints", "export", str(tmp_path / "x.csv")],
        ["alliance", "complaints", "export", str(tmp_path / "x.xlsx"), "--from", "2026-13-01"],
        ["alliance", "policies", "match", "123", "--json"],
        ["alliance", "policies", "match", fake_uscc(404), "--json"],
        ["enterprise", "show", fake_uscc(404), "--json"],
        ["enterprise", "show", "91370212MA3U8KW28X"],
    ):
        capsys.readouterr()
        assert main(["--db", db.url, *argv]) == 2, argv
        captured = capsys.readouterr()
        err = captured.err.strip()
        assert err and "\n" not in err and not captured.out, argv


def test_policies_match_and_enterprise_show(db, officer, add_member, capsys):
    m = add_member(1, name="青岛示例茶业有限公司", industry="tea")
    alliance.add_honour(db, officer, alliance.HonourForm(m.enterprise_id, "中国驰名商标", 2019, "崂山示例"), now=NOW)
    p1 = pol.save_policy(
        db,
        officer,
        pol.PolicyForm(
            "ZC-001",
            "驰名商标奖励",
            "区市场监管局",
            dt.date(2023, 3, 1),
            ("生产经营",),
            honours=("中国驰名商标",),
            amount="500000",
        ),
        now=NOW,
    )
    pol.save_policy(
        db, officer, pol.PolicyForm("ZC-002", "小微企业帮扶", "区人社局", dt.date(2023, 5, 1), ("operation",)), now=NOW
    )
    pol.push(db, officer, pol.PushForm(m.enterprise_id, (p1,)), now=NOW)
    aid = awards.apply_award(
        db, officer, awards.AwardForm(m.enterprise_id, "brand", 2023, "500000", dt.date(2023, 6, 1)), now=NOW
    )
    awards.decide_award(db, officer, awards.AwardDecisionForm(aid, "paid", dt.date(2023, 8, 1)), now=NOW)
    alliance.register(
        db,
        officer,
        alliance.ComplaintForm("complaint", at(2026, 10, 9), "茶叶霉变", "钱示例", uscc=fake_uscc(1)),
        now=NOW,
    )
    bid = sc.record_batch(
        db,
        officer,
        sc.BatchForm(
            "青岛示例茶业有限公司", fake_uscc(1), "laoshan_tea", "崂山绿茶", "B1", dt.date(2026, 9, 1), "实验室"
        ),
        now=NOW,
    )
    sc.record_result(db, officer, sc.ResultForm(bid, "不合格", dt.date(2026, 9, 8), items_failed="茶多酚"), now=NOW)

    assert main(["--db", db.url, "alliance", "policies", "match", fake_uscc(1).lower(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["uscc"] == fake_uscc(1) and data["stage"] == "operation" and data["honours"] == ["well_known_trademark"]
    assert [p["code"] for p in data["policies"]] == ["ZC-001", "ZC-002"]
    assert data["policies"][0]["amount"] == "500000.00" and data["policies"][0]["pushed"] is True
    assert data["policies"][1]["amount"] is None and data["policies"][1]["pushed"] is False

    assert main(["--db", db.url, "enterprise", "show", fake_uscc(1), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {
        "uscc": fake_uscc(1),
        "name": "青岛示例茶业有限公司",
        "approvals": [],
        "appeals": 0,
        "preservation": {"as_respondent": 0, "rulings": 0, "amount_ruled": "0.00", "accounts_frozen": 0},
        "alliance": {
            "member": True,
            "honours": [{"level": "well_known_trademark", "label": "中国驰名商标", "title": "崂山示例", "year": 2019}],
            "complaints": 1,
            "spot_checks": 1,
            "nonconforming": 1,
        },
        "policies_pushed": 1,
    }
    assert main(["--db", db.url, "enterprise", "show", fake_uscc(1)]) == 0
    assert "兴商护航联盟：成员" in capsys.readouterr().out
