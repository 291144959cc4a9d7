"""Issue 9, calendar: a result in a year whose make-up working days are not entered (2027 today)
is printed as before, with a one-line warning on stderr naming the year; JSON output carries
``"provisional_years": [2027]``. Written from the rule by the pres9 audit (then xfail); the command
line does it since cal9 (``cli/_common.report_provisional``)."""

from __future__ import annotations

import datetime as dt
import json

from laoshan_desk.cli import main
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.services.preservation.seed import uscc


def test_2027_has_no_make_up_days_entered():
    # The premise of the rule: 2027 is provisional, 2026 is not.
    assert WorkCalendar().is_provisional(2027) and not WorkCalendar().is_provisional(2026)


def test_a_workday_sum_ending_in_2027_warns_on_stderr_naming_the_year(capsys):
    assert main(["calendar", "add-workdays", "2026-12-28", "10"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == WorkCalendar().add_workdays(dt.date(2026, 12, 28), 10).isoformat()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "2027" in lines[0]


def test_a_workday_sum_within_2026_says_nothing_on_stderr(capsys):
    assert main(["calendar", "add-workdays", "2026-09-30", "3"]) == 0
    assert capsys.readouterr().err == ""


def test_json_output_names_the_provisional_years(tmp_path, capsys):
    case = {
        "case_number": "（2026）鲁0212财保91号",
        "kind": "pre_suit",
        "applicant": "青岛甲建设有限公司",
        "respondent": "青岛乙贸易有限公司",
        "respondent_id": uscc("MA3C59191"),
        "claim_amount": "300000",
        "received_at": "2026-12-03 09:30",  # the provisional deadline to sue falls in 2027
        "assets": [{"id": "G", "type": "account", "account_kind": "general", "value": "500000"}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    code = main(["--db", f"sqlite:///{tmp_path / 'p.sqlite3'}", "preservation", "plan", str(path), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    result = json.loads(out.out)
    assert result["deadlines"]["lawsuit_due"].startswith("2027-")
    assert result["provisional_years"] == [2027]
