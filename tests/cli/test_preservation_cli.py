"""`laoshan-desk preservation plan FILE.json --json`: output shape, storage, bad files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from laoshan_desk.cli import main
from laoshan_desk.services import preservation
from laoshan_desk.services.bootstrap import open_database
from laoshan_desk.services.context import system_actor
from laoshan_desk.services.preservation.seed import uscc
from laoshan_desk.store.models.preservation import PresAsset

CASE = {
    "case_number": "（2026）鲁0212财保12号",
    "kind": "pre_suit",
    "applicant": "青岛甲建设有限公司",
    "respondent": "青岛乙贸易有限公司",
    "respondent_id": uscc("MA3C51111"),
    "claim_amount": "1200000.00",
    "received_at": "2026-11-24 09:30",
    "assets": [
        {"id": "A1", "type": "account", "account_kind": "basic", "value": "2000000"},
        {"id": "A2", "type": "account", "account_kind": "general", "value": "500000.50"},
        {"id": "A3", "type": "account", "account_kind": "wage", "value": "900000"},
        {"id": "R1", "type": "real_estate", "value": "600000", "in_operational_use": False},
        {"id": "V1", "type": "vehicle", "value": "150000", "in_operational_use": True, "protected": True},
    ],
    "guarantees": [{"type": "performance_bond", "amount": "100000", "valid_until": "2027-06-30"}],
}


def _run(tmp_path, data, capsys, db_name="cli.sqlite3"):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    code = main(["--db", f"sqlite:///{tmp_path / db_name}", "preservation", "plan", str(path), "--json"])
    return code, capsys.readouterr()


def _count(tmp_path, db_name="cli.sqlite3"):
    db = open_database(f"sqlite:///{tmp_path / db_name}")
    try:
        return preservation.count_cases(db, system_actor(), today=dt.date(2026, 11, 25))
    finally:
        db.dispose()


def test_plan_prints_the_exact_shape_and_stores_the_case(tmp_path, capsys):
    code, out = _run(tmp_path, CASE, capsys)
    assert code == 0, out.err
    result = json.loads(out.out)
    assert set(result) == {
        "need",
        "selected",
        "excluded",
        "total_preserved",
        "covers_claim",
        "over_scope",
        "needs_approval",
        "deadlines",
        "provisional_years",  # docs/rules: always there, [] when every deadline is in a published year
    }
    assert result["provisional_years"] == []
    assert result["need"] == "1100000.00"
    assert result["selected"] == [
        {"id": "R1", "measure": "seize", "amount": "600000.00", "keeps_use": False},
        {"id": "A2", "measure": "freeze", "amount": "500000.00", "keeps_use": False},
    ]
    assert {e["id"] for e in result["excluded"]} == {"A3", "V1"}
    assert set(result["excluded"][0]) == {"id", "reason"}
    assert result["total_preserved"] == "1100000.00"
    assert (result["covers_claim"], result["over_scope"], result["needs_approval"]) == (True, False, False)
    assert result["deadlines"]["ruling_due"] == "2026-11-26 09:30"
    assert result["deadlines"]["lawsuit_due"].startswith("2026-12-24")
    assert _count(tmp_path) == 1


VEHICLE_CASE = {
    "case_number": "（2026）鲁0212财保31号",
    "kind": "in_suit",
    "applicant": "青岛甲建设有限公司",
    "respondent": "青岛乙贸易有限公司",
    "respondent_id": uscc("MA3C52222"),
    "claim_amount": "300000",
    "received_at": "2026-11-24 09:30",
    "assets": [
        {"id": "V", "type": "vehicle", "value": "350000", "in_operational_use": True},
        {"id": "G", "type": "account", "account_kind": "general", "value": "500000"},
    ],
}


def test_an_in_use_vehicle_is_sealed_with_continued_use_and_no_account_frozen(tmp_path, capsys):
    # 《财产保全规定》第十三条 and the seed's 一般不得径行冻结账户: need 300,000, a vehicle in use
    # worth 350,000 and a general account of 500,000.
    code, out = _run(tmp_path, VEHICLE_CASE, capsys)
    assert code == 0, out.err
    result = json.loads(out.out)
    assert result["need"] == "300000.00"
    assert result["selected"] == [{"id": "V", "measure": "seize", "amount": "350000.00", "keeps_use": True}]
    assert (result["covers_claim"], result["over_scope"], result["needs_approval"]) == (True, False, False)


def test_the_text_output_speaks_chinese(tmp_path, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(VEHICLE_CASE, ensure_ascii=False), encoding="utf-8")
    code = main(["--db", f"sqlite:///{tmp_path / 'text.sqlite3'}", "preservation", "plan", str(path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "V  查封（活封，被保全人继续使用）  350000.00" in out
    assert "seize" not in out and "freeze" not in out


def test_in_suit_ruling_due_end_of_day_and_no_lawsuit(tmp_path, capsys):
    data = dict(CASE, kind="in_suit", case_number="（2026）鲁0212民初5号之一", guarantees=[])
    data["assets"] = [{"id": "B", "type": "account", "account_kind": "basic", "value": "5000000"}]
    code, out = _run(tmp_path, data, capsys)
    result = json.loads(out.out)
    assert code == 0
    assert result["deadlines"] == {"ruling_due": "2026-11-24 23:59", "lawsuit_due": None}
    assert result["needs_approval"] is True and result["selected"][0]["amount"] == "1200000.00"


@pytest.mark.parametrize(
    "mutate,fragment",
    [
        (lambda d: d.update(case_number="2026财保12"), "案号"),
        (lambda d: d.update(respondent_id="91370212MA3C511110"), "校验"),
        (lambda d: d.update(claim_amount="12万"), "金额"),
        (lambda d: d.update(received_at="2026/11/24"), "received_at"),
        (lambda d: d["assets"].append({"id": "X", "type": "plane", "value": "1"}), "财产类型"),
        (lambda d: d["assets"].append({"id": "A1", "type": "vehicle", "value": "1"}), "重复"),
        (lambda d: d.pop("respondent"), "respondent"),
    ],
)
def test_bad_file_exit_2_one_line_nothing_stored(tmp_path, capsys, mutate, fragment):
    data = json.loads(json.dumps(CASE))
    mutate(data)
    code, out = _run(tmp_path, data, capsys)
    assert code == 2
    assert out.out == ""
    assert len(out.err.strip().splitlines()) == 1 and fragment in out.err
    assert _count(tmp_path) == 0


def test_not_json_exit_2(tmp_path, capsys):
    code, out = _run(tmp_path, "{not json", capsys)
    assert code == 2 and "JSON" in out.err and len(out.err.strip().splitlines()) == 1


def test_indivisible_in_the_plan_file_seals_the_house_whole(tmp_path, capsys):
    # 《财产保全规定》第十五条: in part unless the property is indivisible.
    house = {"id": "H", "type": "real_estate", "value": "5000000"}
    data = dict(VEHICLE_CASE, case_number="（2026）鲁0212财保32号", assets=[house])
    code, out = _run(tmp_path, data, capsys)
    assert code == 0, out.err
    assert json.loads(out.out)["selected"][0]["amount"] == "300000.00"
    data = dict(data, case_number="（2026）鲁0212财保33号", assets=[dict(house, indivisible=True)])
    code, out = _run(tmp_path, data, capsys)
    result = json.loads(out.out)
    assert result["selected"][0]["amount"] == "5000000.00" and result["over_scope"] is True


def test_the_provisional_lawsuit_deadline_skips_a_holiday(tmp_path, capsys):
    # Received 2026-09-01: thirty days end on 2026-10-01, National Day (CPL art. 85 moves it).
    data = dict(CASE, case_number="（2026）鲁0212财保34号", received_at="2026-09-01 09:30", guarantees=[])
    code, out = _run(tmp_path, data, capsys)
    assert code == 0, out.err
    due = json.loads(out.out)["deadlines"]["lawsuit_due"]
    assert due == "2026-10-08 23:59"  # the first working day after the holiday


def test_disputed_in_the_plan_file_marks_the_asset(tmp_path, capsys):
    # 《财产保全规定》第二十二条: the disputed property itself is released on a guarantee only with
    # the applicant's consent, so the file says which asset it is ("disputed": true).
    house = {"id": "H", "type": "real_estate", "value": "300000", "disputed": True}
    data = dict(VEHICLE_CASE, case_number="（2026）鲁0212财保35号", assets=[house, VEHICLE_CASE["assets"][1]])
    code, out = _run(tmp_path, data, capsys)
    assert code == 0, out.err
    db = open_database(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    try:
        with db.session() as session:
            flags = dict(session.execute(select(PresAsset.code, PresAsset.disputed)).tuples().all())
    finally:
        db.dispose()
    assert flags == {"H": True, "G": False}
    bad = dict(data, case_number="（2026）鲁0212财保36号", assets=[dict(house, disputed="也许")])
    code, out = _run(tmp_path, bad, capsys)
    assert code == 2 and "assets第1项" in out.err and len(out.err.strip().splitlines()) == 1
