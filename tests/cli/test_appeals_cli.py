"""`laoshan-desk appeals import|export|stats` as the issue specifies."""

from __future__ import annotations

import json

from openpyxl import Workbook, load_workbook

from laoshan_desk.cli import main


def _db_url(db) -> str:  # type: ignore[no-untyped-def]
    return db.url


def test_import_stats_export(db, admin, tmp_path, capsys):
    wb = Workbook()
    ws = wb.active
    ws.append(["诉求内容", "诉求编号", "受理时间", "诉求类型", "诉求渠道", "街道", "承办层级", "办结时间", "满意度"])
    ws.append(
        ["小区路灯不亮", "C1", "2026-11-02 09:00", "民生", "电话", "沙子口街道", "街道", "2026-11-03 09:00", "满意"]
    )
    ws.append(["夜间噪音扰民", "C2", "2026-11-02 10:00", "民生", "电话", "沙子口街道", "街道", None, None])
    ws.append(["坏行", "C3", "昨天", "民生", "电话", "沙子口街道", "街道", None, None])
    path = tmp_path / "in.xlsx"
    wb.save(path)
    assert main(["--db", db.url, "appeals", "import", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "imported": 2,
        "updated": 0,
        "conflicts": [],
        "rejected": [{"row": 4, "column": "受理时间", "message": out["rejected"][0]["message"]}],
    }
    assert main(["--db", db.url, "appeals", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["received"] == 2 and st["finished"] == 1 and st["closure_rate"] == 0.5
    assert st["rated"] == 1 and st["satisfaction_rate"] == 1.0 and isinstance(st["overdue"], int)
    ledger = tmp_path / "ledger.xlsx"
    assert main(["--db", db.url, "appeals", "export", str(ledger), "--from", "2026-11-01"]) == 0
    ws = load_workbook(ledger).active
    assert ws.max_row == 4 and "受理日期：2026-11-01 至 最近" in ws["A1"].value  # title, header, 2 rows


def test_unreadable_file_exits_2_with_one_line(db, admin, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\x00\x01garbage")
    assert main(["--db", db.url, "appeals", "import", str(bad), "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err
    assert main(["--db", db.url, "appeals", "import", str(tmp_path / "missing.xlsx")]) == 2
    assert main(["--db", db.url, "appeals", "stats", "--from", "2026-13-01"]) == 2


def test_list_speaks_chinese_and_the_json_keeps_its_codes(db, admin, capsys):
    import datetime as dt

    from laoshan_desk.domain.timeutil import TZ
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import org

    street = org.units(db, "street")[0]
    received = dt.datetime.now(TZ) - dt.timedelta(days=10)  # long past its limit: red
    form = svc.IntakeForm(
        kind="livelihood", channel="counter", content="楼道灯坏了很久没人修", street_id=street.id, received_at=received
    )
    ref = svc.intake(db, admin, form, now=received)
    assert main(["--db", db.url, "appeals", "list", "--light", "red"]) == 0
    text = capsys.readouterr().out
    assert ref.number in text and "超期" in text and "已受理" in text and "共 1 件" in text
    for code in ("red", "received", "green"):
        assert code not in text
    assert main(["--db", db.url, "appeals", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["number"] == ref.number and rows[0]["light"] == "red" and rows[0]["status"] == "received"
    assert main(["--db", db.url, "appeals", "list", "--limit", "0"]) == 2
