"""The core command line: init, calendar look-ups, backup and restore, bad input → exit 2."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from laoshan_desk.cli import main


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_init_creates_and_loads_reference_data(url, tmp_path, capsys):
    assert main(["--db", url, "init", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["organisation"] == {"streets": 5, "communities": 168, "grids": 863, "departments": 62}
    assert main(["--db", url, "init", "--json"]) == 0  # idempotent
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
    from tests.conftest import FIXED_NOW

    db = bootstrap.open_database(url)
    calendar.set_override(
        db, system_actor(), calendar.OverrideForm(dt.date(2026, 11, 25), False, "临时放假"), now=FIXED_NOW
    )
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
    copy = tmp_path / "b.ldbak"
    assert main(["--db", url, "backup", str(copy)]) == 0
    assert "已备份到" in capsys.readouterr().out
    with zipfile.ZipFile(copy) as archive, archive.open("laoshan-desk.sqlite3") as member:
        (tmp_path / "inside.sqlite3").write_bytes(member.read())
    with sqlite3.connect(tmp_path / "inside.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM grid").fetchone()[0] == 863
    assert main(["--db", url, "backup", str(copy)]) == 2  # never replaced without --force
    assert "--force" in capsys.readouterr().err
    assert main(["--db", url, "backup", str(copy), "--force"]) == 0
    assert main(["--db", url, "backup", str(tmp_path)]) == 2
    assert "文件夹" in capsys.readouterr().err
    assert main(["--db", url, "restore", str(copy), "--check"]) == 0
    assert "检查通过" in capsys.readouterr().out
    assert main(["--db", url, "restore", str(copy)]) == 0
    assert "原数据库保存在" in capsys.readouterr().out
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("nope")
    assert main(["--db", url, "restore", str(bad)]) == 2
    assert "不是本系统的备份文件" in capsys.readouterr().err


def test_init_summary_is_chinese_and_demo_refuses_a_real_database(url, tmp_path, capsys):
    assert main(["--db", url, "init"]) == 0
    out = capsys.readouterr().out
    assert "组织机构：街道 5 个，社区（村） 168 个，网格 863 个，部门 62 个" in out and "{" not in out
    from laoshan_desk.services import auth, bootstrap
    from tests.conftest import FIXED_NOW

    db = bootstrap.open_database(url)
    auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "Desk2026secure"), now=FIXED_NOW)
    db.dispose()
    assert main(["--db", url, "init", "--demo", "--appeals", "5"]) == 2
    err = capsys.readouterr().err
    assert "已有实际工作数据" in err and "账户 admin" in err and "make demo" in err
    with sqlite3.connect(tmp_path / "cli.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM app_user").fetchone()[0] == 1  # nothing loaded


def test_demo_goes_into_a_fresh_database_and_says_what_it_loaded(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "init", "--demo", "--appeals", "20"]) == 0
    out = capsys.readouterr().out
    assert "演示数据：" in out and "诉求 20 件" in out and "密码都是 Laoshan2026" in out
    assert "chuangkou（窗口工作人员）" in out
    assert main(["--db", url, "init", "--demo", "--appeals", "20"]) == 0  # a demo database stays one
