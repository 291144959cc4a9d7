"""The command-line and import fuzz of the suite, with many more examples, counting what it saw:
the command line, the calendar sheet through ``calendar import``, and every import's columns
through its service (tests/services/test_import_fuzz.py: appeals, catalog, complaints, members,
calendar; ``--sheets`` workbooks shared among them).

Every malformed input must be answered with exit 0 or 2 and, when refused, one line on stderr
and nothing stored or written. Counts: inputs tried, exit statuses, refusals with more than one
line, unexpected errors (exit 1: a traceback went to the log), refusals that changed something.

    python bench/reliability/fuzz.py [--examples 20000] [--sheets 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402


def run(examples: int, sheets: int) -> dict[str, int]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.cli import fuzzing
    from tests.cli.test_cli_fuzz import _argv

    home = common.new_home("fuzz")
    db, _admin = common.new_database(home, "fuzz.sqlite3")
    url, path = db.url, home / "fuzz.sqlite3"
    db.dispose()
    files = home / "files"
    files.mkdir()
    (files / "text.xlsx").write_text("not a workbook")
    (files / "empty.xlsx").write_bytes(b"")
    fuzzing.write_sheet(files / "calendar.xlsx", ["日期", "类型", "说明"], [["2027-02-20", "上班", "调休"]])
    (files / "folder").mkdir()
    with sqlite3.connect(files / "foreign.sqlite3") as con:
        con.execute("CREATE TABLE t (x)")
    (files / "existing.ldbak").write_text("keep me")
    world = {
        "url": url,
        "paths": [str(p) for p in sorted(files.iterdir())] + ["/dev/null", "/no/such/file", str(files / "new.ldbak")],
    }
    seen: Counter[str] = Counter()
    samples: list[str] = []

    def note(kind: str, what: object) -> None:
        seen[kind] += 1
        if len(samples) < 10:
            samples.append(f"{kind}: {what!r}"[:300])

    quiet = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck), max_examples=examples)

    @quiet
    @given(_argv(world))
    def command_lines(argv: list[str]) -> None:
        before = fuzzing.database_state(path), fuzzing.file_state(files)
        status, err, _ = fuzzing.run(argv)
        seen["inputs"] += 1
        seen[f"exit_{status}"] += 1
        if status not in (0, 2):
            note("unexpected_errors", (argv, err))
        elif status == 2:
            if len(err) != 1:
                note("refusals_not_one_line", (argv, err))
            if (fuzzing.database_state(path), fuzzing.file_state(files)) != before:
                note("refusals_that_changed_something", argv)
        if fuzzing.database_state(path)[0] != "ok":
            note("corrupt_after", argv)

    @settings(quiet, max_examples=sheets)
    @given(st.lists(st.lists(fuzzing.cell_values(), max_size=4), max_size=8), st.permutations(["日期", "类型", "说明"]))
    def import_sheets(rows: list[list[object]], header: list[str]) -> None:
        sheet = fuzzing.write_sheet(home / "sheet.xlsx", list(header), rows)
        _, records, overrides = fuzzing.database_state(path)
        status, err, out = fuzzing.run(["--db", url, "calendar", "import", str(sheet), "--json"])
        seen["inputs"] += 1
        seen["import_rows"] += len(rows)
        if status not in (0, 2):
            note("unexpected_errors", (rows, err))
            return
        _, records_after, overrides_after = fuzzing.database_state(path)
        if status == 0:
            report = json.loads(out)
            if records_after - records != report["imported"] + report["updated"]:
                note("rows_stored_half", rows)
        elif (records_after, overrides_after) != (records, overrides):
            note("refusals_that_changed_something", rows)

    command_lines()
    import_sheets()
    import_columns(home, sheets, seen, note)
    return {
        "malformed_inputs_tried": seen["inputs"],
        "import_rows_tried": seen["import_rows"],
        "import_sheets_per_import": seen["sheets_per_import"],
        "exit_0": seen["exit_0"],
        "exit_2": seen["exit_2"],
        "tracebacks": seen["unexpected_errors"],
        "refusals_not_one_line": seen["refusals_not_one_line"],
        "refusals_that_changed_something": seen["refusals_that_changed_something"],
        "rows_stored_half": seen["rows_stored_half"],
        "corrupt_databases": seen["corrupt_after"],
        "import_properties_broken": seen["import_properties_broken"],
    } | ({"samples": samples} if samples else {})  # type: ignore[dict-item]


def import_columns(home: Path, sheets: int, seen: Counter[str], note: Callable[[str, object], None]) -> None:
    """Every import's columns through its service (tests/services/test_import_fuzz.py's property),
    ``sheets`` workbooks shared among the imports."""
    from hypothesis import HealthCheck, given, settings

    from tests.services import test_import_fuzz as imports

    db, admin = common.new_database(home, "imports.sqlite3")
    specs = imports.imports()
    seen["sheets_per_import"] = max(1, sheets // len(specs))
    quiet = settings(
        deadline=None, database=None, suppress_health_check=list(HealthCheck), max_examples=seen["sheets_per_import"]
    )

    def fuzz(spec: imports.Import) -> None:
        @quiet
        @given(imports.sheets(spec))
        def check(sheet: tuple[list[str], list[list[Any]]]) -> None:
            header, rows = sheet
            seen["inputs"] += 1
            seen["import_rows"] += len(rows)
            try:
                imports.check_one(spec, db, admin, home / f"{spec.name}.xlsx", header, rows)
            except AssertionError as exc:  # a refusal of two lines, a file stored half, a chain broken
                note("import_properties_broken", (spec.name, str(exc)))
            except Exception as exc:  # noqa: BLE001 - any other exception is a traceback for the clerk
                note("unexpected_errors", (spec.name, header, rows, repr(exc)))

        check()

    for spec in specs.values():
        fuzz(spec)
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--sheets", type=int, default=2_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = run(args.examples, args.sheets)
    for key, value in result.items():
        print(f"{key}: {value}")
    bad = (
        "tracebacks",
        "refusals_not_one_line",
        "refusals_that_changed_something",
        "rows_stored_half",
        "import_properties_broken",
    )
    return 0 if all(result[k] == 0 for k in bad) else 1


if __name__ == "__main__":
    sys.exit(main())
