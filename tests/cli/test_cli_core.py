"""The core command line: init, calendar look-ups, backup and restore, bad input → exit 2."""

from __future__ import annotations

import json
import sqlite3

import pytest

from laoshan_desk.cli import main


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_init_creates_and_loads_reference_data(url, tmp_path, capsys):
    assert main(["--db", url, "init"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["organisation"] == {"streets": 5, "communities": 168, "grids": 863, "departments": 62}
    assert main(["--db", url, "init"]) == 0  # idempotent
    assert json.loads(capsys.readouterr().out)["organisation"]["grids"] == 0


@pytest.mark.parametrize(
    ("day", "answer"), [("2026-10-10", "yes"), ("2026-10-01", "no"), ("2026-11-25", "yes"), ("2026-11-29", "no")]
)
def test_is_workday(day, answer, capsys):
    assert main(["calendar", "is-workday", day]) == 0
    assert capsys.readouterr().out.strip() == answer


def test_add_workdays(capsys):
    assert main(["calendar", "add-workdays", "2026-09-30", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2026-10-10"


def test_calendar_uses_the_database_overrides(url, capsys):
    import datetime as dt

    from laoshan_desk.services import bootstrap, calendar
    from laoshan_desk.services.context import system_actor

    db = bootstrap.open_database(url)
    calendar.set_override(db, system_actor(), dt.date(2026, 11, 25), False, "临时放假")
    db.dispose()
    assert main(["--db", url, "calendar", "is-workday", "2026-11-25"]) == 0
    assert capsys.readouterr().out.strip() == "no"


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "is-workday", "2026-02-30"],
        ["calendar", "add-workdays", "2026-01-01", "x"],
        ["calendar"],
        ["nonsense"],
        ["restore", "/no/such/file.sqlite3"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err


def test_backup_and_restore(url, tmp_path, capsys):
    assert main(["--db", url, "init"]) == 0
    copy = tmp_path / "b.sqlite3"
    assert main(["--db", url, "backup", str(copy)]) == 0
    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT count(*) FROM grid").fetchone()[0] == 863
    assert main(["--db", url, "restore", str(copy)]) == 0
    assert "原数据库保存在" in capsys.readouterr().out
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("nope")
    assert main(["--db", url, "restore", str(bad)]) == 2
    assert "不是 SQLite 数据库" in capsys.readouterr().err
