"""Bad input on the command line: one Chinese line on stderr, exit 2, nothing run for a minute."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from laoshan_desk.cli import main
from laoshan_desk.cli._common import load_json_file, output_path
from laoshan_desk.domain.errors import ValidationError


def _one_line_exit_2(argv, capsys) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err and "\n" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "add-workdays", "9999-12-30", "3650001"],
        ["calendar", "add-workdays", "2026-01-01", "3650001"],
        ["calendar", "add-workdays", "2099-12-01", "3000"],
        ["calendar", "is-workday", "9999-12-31"],
        ["calendar", "is-workday", "0001-01-01"],
        ["appeals", "stats", "--from", "0001-01-01"],
        ["appeals", "stats", "--to", "9999-12-31"],
    ],
)
def test_extreme_dates_and_counts_are_refused_at_once(argv, capsys):
    err = _one_line_exit_2(argv, capsys)
    assert "范围" in err or "之间" in err


@pytest.mark.parametrize(
    "url", ["nonsense://x", "/no/scheme.sqlite3", "sqlite+nosuch:///x", "postgresql+nosuchdriver://u@h/x"]
)
def test_a_bad_db_url_is_one_line(url, capsys):
    err = _one_line_exit_2(["--db", url, "init"], capsys)
    assert "数据库" in err


def test_a_folder_or_a_foreign_file_as_database_is_one_line(tmp_path, capsys):
    assert "文件夹" in _one_line_exit_2(["--db", f"sqlite:///{tmp_path}", "init"], capsys)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database " * 100)
    assert "不是本系统的数据库" in _one_line_exit_2(["--db", f"sqlite:///{text_file}", "init"], capsys)


def test_a_database_from_a_newer_desk_is_refused(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    assert main(["--db", url, "init"]) == 0
    capsys.readouterr()
    with sqlite3.connect(tmp_path / "n.sqlite3") as con:
        con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    assert "更新版本" in _one_line_exit_2(["--db", url, "init"], capsys)


def test_json_files_are_bounded(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(ValidationError, match="层级过深"):
        load_json_file(deep)
    tricky = tmp_path / "strings.json"
    tricky.write_text(json.dumps({"a": "[[[[[[[[" * 100, "b": [1, {"c": '\\"{{{'}]}))
    assert load_json_file(tricky)["b"][0] == 1
    big = tmp_path / "big.json"
    big.write_text(json.dumps(["x" * 1000] * 3000))
    with pytest.raises(ValidationError, match="文件过大"):
        load_json_file(big)
    for content, message in ((b"\xff\xfe", "UTF-8"), (b'{"a": 1,}', "不是有效的 JSON")):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        with pytest.raises(ValidationError, match=message):
            load_json_file(bad)
    with pytest.raises(ValidationError, match="不存在"):
        load_json_file(tmp_path)


def test_output_path_needs_force_to_replace_and_never_writes_a_folder_or_device(tmp_path):
    existing = tmp_path / "out.xlsx"
    existing.write_text("old")
    with pytest.raises(ValidationError, match="--force"):
        output_path(existing, force=False)
    assert output_path(existing, force=True) == existing
    assert output_path(tmp_path / "new" / "x.xlsx", force=False).name == "x.xlsx"
    with pytest.raises(ValidationError, match="文件夹"):
        output_path(tmp_path, force=True)
    with pytest.raises(ValidationError, match="不是文件夹"):
        output_path(existing / "inside.xlsx", force=True)
    if os.path.exists("/dev/null"):
        with pytest.raises(ValidationError, match="不是普通文件"):
            output_path("/dev/null", force=True)


def test_argparse_own_refusals_are_in_chinese(capsys):
    """A missing argument, an unknown option or command: one Chinese line, exit 2."""
    from laoshan_desk.cli import main

    for argv, words in (
        (["calendar", "add-workdays"], "缺少参数：date, n"),
        (["calendar", "is-workday", "2026-01-01", "--zz"], "无法识别的参数：--zz"),
        (["calendar", "frob"], "无效"),
        (["--db"], "需要一个值"),
        # a type check of ours: its own sentence, without argparse's English "argument …:" prefix
        (["calendar", "add-workdays", "9999-12-30", "3"], "参数 date：日期超出可受理的范围"),
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0] and "required" not in err[0], (argv, err)
        assert "argument" not in err[0], (argv, err)


def test_an_import_while_another_desk_holds_the_lock_is_one_line(db, tmp_path, capsys, monkeypatch):
    """Issue 10: the write lock busy past the timeout → one line and exit 2, not a traceback."""
    from laoshan_desk.store import db as store_db
    from tests.cli import fuzzing

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    sheet = fuzzing.write_sheet(tmp_path / "days.xlsx", ["日期", "类型", "说明"], [["2027-02-20", "上班", "调休"]])
    url = f"sqlite:///{db.sqlite_path}"
    other = sqlite3.connect(db.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another desk in the middle of a long import
    try:
        assert "数据库正忙" in _one_line_exit_2(["--db", url, "calendar", "import", str(sheet)], capsys)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["--db", url, "calendar", "import", str(sheet)]) == 0
