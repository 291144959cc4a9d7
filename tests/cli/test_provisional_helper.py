"""Issue 9, calendar: the one provisional-year helper of the command line
(``cli/_common.report_provisional``), as every date-printing command uses it. From the rule:
a result reached through a year whose make-up working days are not entered names that year,
once, on stderr; the answer on stdout is unchanged; JSON always carries ``provisional_years``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from laoshan_desk.cli import main
from laoshan_desk.cli._common import provisional_years
from laoshan_desk.domain.calendar import WorkCalendar


def test_is_workday_in_2027_answers_and_warns_once(capsys):
    assert main(["calendar", "is-workday", "2027-03-03"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "yes"  # a Wednesday: the answer as before
    assert len(out.err.strip().splitlines()) == 1 and "2027 年" in out.err


def test_is_workday_json_carries_an_empty_list_in_a_published_year(capsys):
    assert main(["calendar", "is-workday", "2026-10-01", "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out) == {"date": "2026-10-01", "is_workday": False, "provisional_years": []}
    assert out.err == ""


def test_add_workdays_json_names_2027(capsys):
    assert main(["calendar", "add-workdays", "2026-12-28", "10", "--json"]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert result["result"] == WorkCalendar().add_workdays(dt.date(2026, 12, 28), 10).isoformat()
    assert result["provisional_years"] == [2027]
    assert "2027" in out.err


def test_a_count_through_a_provisional_year_names_it_even_when_it_ends_elsewhere():
    # Counting back from 2028 to 2026 goes through 2027's days: both provisional years are named.
    cal = WorkCalendar()
    start = dt.date(2028, 1, 10)
    end = cal.add_workdays(start, -300)
    assert end.year == 2026
    assert provisional_years(cal, start, end) == [2027, 2028]


def test_a_year_the_admin_confirmed_is_no_longer_named(capsys):
    cal = WorkCalendar(confirmed_years=[2027])
    assert provisional_years(cal, dt.date(2027, 5, 6), "2027-06-01 23:59", None) == []
    assert provisional_years(WorkCalendar(), "not a date", None) == []


def test_the_warning_is_one_line_however_many_years(capsys):
    assert main(["calendar", "add-workdays", "2026-12-28", "300"]) == 0
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "2027、2028 年" in lines[0]


def _approvals_plan(tmp_path, start: str, target: str) -> Path:
    plan = {
        "project": "跨年示例项目",
        "enterprise": "青岛示例有限公司",
        "credit_code": "91370212MA3U8KW28P",
        "street": "沙子口街道",
        "start_date": start,
        "target_date": target,
        "items": [{"code": "A", "name": "事项A", "class": "must_do", "days": 10}],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_approvals_plan_reaching_2027_names_it(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    path = _approvals_plan(tmp_path, "2026-12-21", "2027-01-29")
    assert main(["--db", url, "approvals", "plan", str(path), "--json", "--date", "2026-12-01"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["provisional_years"] == [2027]
    assert len(out.err.strip().splitlines()) == 1 and "2027 年" in out.err


def test_an_approvals_plan_within_2026_names_nothing(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    path = _approvals_plan(tmp_path, "2026-09-21", "2026-10-20")
    assert main(["--db", url, "approvals", "plan", str(path), "--json", "--date", "2026-09-01"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["provisional_years"] == [] and out.err == ""


def test_appeals_list_warns_when_a_limit_falls_in_2027(db, admin, capsys, monkeypatch):
    from laoshan_desk.domain import timeutil
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import org

    received = dt.datetime(2026, 12, 30, 10, 0, tzinfo=timeutil.TZ)  # its working-day limit: 2027
    monkeypatch.setattr(timeutil, "now", lambda: received + dt.timedelta(hours=1))
    street = org.units(db, "street")[0]
    form = svc.IntakeForm(
        kind="livelihood", channel="counter", content="楼道灯坏了很久没人修", street_id=street.id, received_at=received
    )
    svc.intake(db, admin, form, now=received)
    assert main(["--db", db.url, "appeals", "list", "--json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert rows[0]["completion_limit"].startswith("2027-")
    assert len(out.err.strip().splitlines()) == 1 and "2027 年" in out.err
