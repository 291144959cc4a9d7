"""`laoshan-desk calendar propose-in-lieu YEAR [--json]` and `confirm-in-lieu YEAR DAY...`
(issue 9, calendar; 全国年节及纪念日放假办法 art. 6): a holiday on a weekend gives a weekday off,
proposed for the admin, a day off only once confirmed."""

from __future__ import annotations

import json

import pytest

from laoshan_desk.cli import main


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'cal.sqlite3'}"


def test_propose_lists_the_monday_after_new_year_on_a_saturday(url, capsys):
    assert main(["--db", url, "calendar", "propose-in-lieu", "2028", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["year"] == 2028 and out["provisional_years"] == [2028]
    assert {"day": "2028-01-03", "holiday": "元旦", "instead_of": "2028-01-01", "entered": False} in out["proposals"]


def test_confirm_makes_the_day_off_and_moves_the_count(url, capsys):
    assert main(["--db", url, "calendar", "add-workdays", "2027-12-31", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2028-01-03"
    assert main(["--db", url, "calendar", "confirm-in-lieu", "2028", "2028-01-03"]) == 0
    assert "2028-01-03" in capsys.readouterr().out
    assert main(["--db", url, "calendar", "is-workday", "2028-01-03"]) == 0
    assert capsys.readouterr().out.strip() == "no"
    assert main(["--db", url, "calendar", "add-workdays", "2027-12-31", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2028-01-04"
    assert main(["--db", url, "calendar", "propose-in-lieu", "2028"]) == 0
    assert "2028-01-03  元旦补假，2028-01-01适逢周末（已录入）" in capsys.readouterr().out


def test_a_day_not_proposed_is_one_line_and_changes_nothing(url, capsys):
    assert main(["--db", url, "calendar", "confirm-in-lieu", "2028", "2028-01-03", "2028-01-05"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "2028-01-05" in err[0] and "建议补假日" in err[0]
    assert main(["--db", url, "calendar", "is-workday", "2028-01-03"]) == 0
    assert capsys.readouterr().out.strip() == "yes"


def test_a_published_year_is_refused_in_one_line(url, capsys):
    assert main(["--db", url, "calendar", "propose-in-lieu", "2026"]) == 2
    assert "2026 年的调休安排已公布" in capsys.readouterr().err
