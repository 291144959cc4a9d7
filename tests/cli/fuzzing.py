"""The command-line fuzz shared by the suite (a few thousand cases) and ``make reliability`` (more).

Strategies build argument lists from the commands' own grammar with hostile values in every
slot (dates far outside the range, counts of any size, URLs and paths that are not what they
claim, workbooks whose cells hold anything), and :func:`run` calls ``laoshan-desk`` in-process
and says what a clerk would see: the exit status and the lines on stderr.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from openpyxl import Workbook

from laoshan_desk.cli import main

WEIRD_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "2026-02-30", "2026-13-01", "９９９９-01-01", "1e400", "-0", "NaN", "∞"]),
)
DATES = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat),
    WEIRD_TEXT,
)
COUNTS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=-50, max_value=50).map(str),
    WEIRD_TEXT,
)
URLS = st.one_of(
    st.sampled_from(
        [
            "nonsense://x",
            "sqlite:////dev/null",
            "sqlite:////proc",
            "sqlite:////etc/hostname",
            "postgresql+nosuchdriver://u@h/db",
            "mysql://u@h/db",
            "%%%",
        ]
    ),
    st.text(max_size=20).filter(lambda u: "sqlite" not in u),  # a fresh database would be a real one
)


def cell_values() -> st.SearchStrategy[Any]:
    """What a cell of an imported sheet may hold."""
    return st.one_of(
        st.none(),
        st.text(max_size=40),
        st.integers(min_value=-(10**18), max_value=10**18),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)),
        st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
        st.sampled_from(["上班", "休息", "=1+1", "@SUM(A1)", "2027-02-20", "0001-01-01", "\t上班", "休 息"]),
    )


def write_sheet(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    """A real workbook; cells openpyxl itself refuses (control characters) are left empty."""
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        safe = []
        for value in row:
            if isinstance(value, str):
                # openpyxl refuses control characters and XML 1.0 the non-characters: left out
                value = "".join(ch for ch in value if (ch >= " " or ch in "\t\n") and ch not in "\ufffe\uffff")
            safe.append(value)
        ws.append(safe)
    wb.save(path)
    return path


def run(argv: list[str]) -> tuple[int, list[str], str]:
    """``laoshan-desk argv`` in-process: exit status, stderr lines, stdout."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # --help
            status = int(exc.code or 0)
    return status, [line for line in err.getvalue().splitlines() if line.strip()], out.getvalue()


def database_state(path: Path) -> tuple[str, int, int]:
    """Integrity, audit records and overrides: what "nothing stored half" is checked against."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        return (
            con.execute("PRAGMA integrity_check").fetchone()[0],
            con.execute("SELECT count(*) FROM audit_record").fetchone()[0],
            con.execute("SELECT count(*) FROM calendar_override").fetchone()[0],
        )


def file_state(folder: Path) -> dict[str, bytes]:
    """Every file's content in ``folder`` (a refused command must leave them all as they were)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
