"""Hypothesis over the command line and the calendar import's columns: whatever is typed, the
answer is exit 0 or 2, one line on stderr when refused, and nothing stored half.

``make reliability`` runs the same properties with many more examples (bench/reliability).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli import fuzzing

EXAMPLES = int(os.environ.get("LAOSHAN_FUZZ_EXAMPLES", "1200"))
IMPORT_EXAMPLES = max(50, EXAMPLES // 6)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory, _template_home):  # type: ignore[no-untyped-def]
    """One initialised database (with an admin: it holds real work) and a folder of odd files."""
    root = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{root / 'fuzz.sqlite3'}"
    status, err, _ = fuzzing.run(["--db", url, "init"])  # in the session's home: every test's key
    assert status == 0, err
    from laoshan_desk.services import auth, bootstrap
    from tests.conftest import FIXED_NOW

    db = bootstrap.open_database(url)
    auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "Fuzz2026secure"), now=FIXED_NOW)
    db.dispose()
    files = root / "files"
    files.mkdir()
    (files / "text.xlsx").write_text("not a workbook")
    (files / "empty.xlsx").write_bytes(b"")
    (files / "zip.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    fuzzing.write_sheet(files / "calendar.xlsx", ["日期", "类型", "说明"], [["2027-02-20", "上班", "调休"]])
    fuzzing.write_sheet(files / "wrong-columns.xlsx", ["日子", "种类"], [["2027-02-20", "上班"]])
    (files / "folder").mkdir()
    with sqlite3.connect(files / "foreign.sqlite3") as con:
        con.execute("CREATE TABLE t (x)")
    (files / "existing.ldbak").write_text("keep me")
    paths = [str(p) for p in sorted(files.iterdir())] + ["/dev/null", "/no/such/file", str(files / "new.ldbak"), ""]
    return {"url": url, "db": root / "fuzz.sqlite3", "paths": paths, "root": root}


def _argv(world) -> st.SearchStrategy[list[str]]:  # type: ignore[no-untyped-def]
    path = st.sampled_from(world["paths"])
    d, n = fuzzing.DATES, fuzzing.COUNTS
    commands = st.one_of(
        st.tuples(d).map(lambda t: ["calendar", "is-workday", *t]),
        st.tuples(d, n).map(lambda t: ["calendar", "add-workdays", *t]),
        st.tuples(path).map(lambda t: ["calendar", "import", *t]),
        st.tuples(d, d).map(lambda t: ["appeals", "stats", "--from", t[0], "--to", t[1]]),
        st.tuples(path, st.booleans()).map(lambda t: ["backup", t[0], *(["--force"] if t[1] else [])]),
        st.tuples(path).map(lambda t: ["restore", t[0], "--check"]),
        st.tuples(path).map(lambda t: ["restore", t[0]]),
        st.tuples(n).map(lambda t: ["init", "--demo", "--appeals", *t]),
        # anything at all, but always a command: with none, laoshan-desk opens the desk window
        st.lists(st.text(max_size=12), min_size=1, max_size=5).filter(lambda t: not t[0].startswith("-")),
    )
    database = st.one_of(st.just(["--db", world["url"]]), fuzzing.URLS.map(lambda u: ["--db", u]))
    return st.tuples(database, commands).map(lambda t: [*t[0], *t[1]])


@pytest.mark.timeout(600)
def test_any_command_line_is_answered_with_0_or_one_line_and_2(world):
    files = Path(world["paths"][0]).parent

    @FUZZ
    @given(_argv(world))
    def check(argv: list[str]) -> None:
        before = fuzzing.database_state(world["db"]), fuzzing.file_state(files)
        status, err, _ = fuzzing.run(argv)
        assert status in (0, 2), (argv, err)
        if status == 2:
            assert len(err) == 1 and "Traceback" not in err[0], (argv, err)
            # refused: nothing stored, no file written or replaced
            assert (fuzzing.database_state(world["db"]), fuzzing.file_state(files)) == before, argv
        else:
            assert fuzzing.database_state(world["db"])[0] == "ok"

    check()


@pytest.mark.timeout(600)
def test_any_calendar_sheet_imports_whole_rows_or_rejects_them(world, tmp_path):
    row = st.lists(fuzzing.cell_values(), min_size=0, max_size=4)

    @settings(FUZZ, max_examples=IMPORT_EXAMPLES)
    @given(st.lists(row, max_size=6), st.permutations(["日期", "类型", "说明"]))
    def check(rows: list[list[object]], header: list[str]) -> None:
        sheet = fuzzing.write_sheet(tmp_path / "sheet.xlsx", list(header), rows)
        _, records, overrides = fuzzing.database_state(world["db"])
        status, err, out = fuzzing.run(["--db", world["url"], "calendar", "import", str(sheet), "--json"])
        assert status in (0, 2), err
        integrity, records_after, overrides_after = fuzzing.database_state(world["db"])
        assert integrity == "ok"
        if status == 2:
            assert len(err) == 1 and (records_after, overrides_after) == (records, overrides)
            return
        import json

        report = json.loads(out)
        stored = report["imported"] + report["updated"]
        assert overrides_after - overrides == report["imported"]
        assert records_after - records == stored  # one audit record per stored row, none for a rejected one
        assert stored + len(report["rejected"]) <= len(rows)

    check()
