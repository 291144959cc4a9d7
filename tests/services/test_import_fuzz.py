"""Hypothesis over every import's columns (issue 10, "every import column"): the city platform's
appeals, the approvals catalog, the alliance's complaints and members, the calendar sheet.

Each example is a real workbook whose header is any arrangement of the import's own columns
(some left out, some twice) and whose cells are either a value the import accepts or anything a
cell may hold (text with control characters and formulas, huge numbers, dates from year 1 to
9999, booleans). Whatever the file, the import answers with its report or one Chinese sentence
(a :class:`DeskError`), never another exception; a refused file stores nothing; a report counts
no more rows than the sheet has; the database stays whole and its audit chain verifies.

``make reliability`` runs the same property with many more examples (bench/reliability/fuzz.py).
The preservation asset inquiry import is not here: it needs a case in review (its own tests,
tests/services/preservation/, cover its bad rows).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.cli import fuzzing

EXAMPLES = max(40, int(os.environ.get("LAOSHAN_FUZZ_EXAMPLES", "1200")) // 15)


@dataclasses.dataclass(frozen=True)
class Import:
    """One import: its service, its columns, and one row it accepts (column → value)."""

    name: str
    service: Callable[..., Any]
    good: dict[str, Any]


def imports() -> dict[str, Import]:
    from laoshan_desk.services import calendar
    from laoshan_desk.services.alliance import complaint_excel, member_excel
    from laoshan_desk.services.appeals.exchange import import_appeals
    from laoshan_desk.services.approvals import catalog_excel
    from tests.alliance_support import fake_uscc

    appeals = {
        "诉求编号": "QS0001",
        "受理时间": "2026-11-02 09:30",
        "诉求类型": "民生",
        "诉求渠道": "青诉即办",
        "街道": "中韩街道",
        "社区": "",
        "网格": "",
        "诉求人": "王五",
        "联系电话": "13812345678",
        "企业名称": "",
        "统一社会信用代码": "",
        "诉求内容": "小区路灯不亮",
        "承办层级": "社区",
        "承办单位": "",
        "办结时间": "",
        "满意度": "",
    }
    catalog = dict(
        zip(
            [label for _key, label in catalog_excel.EXCEL_COLUMNS],
            ["SP900", "新增事项", "区行政审批服务局", "开业经营", 5, "工作日", 3, "申请书", "《某条例》", "SP001"]
            + ["是", "否", "", "0", "是"],
            strict=True,
        )
    )
    complaints = dict(
        zip(
            complaint_excel.COLUMNS,
            ["TS-A1", "投诉", "2026-09-28 09:30", "赵示例", "13900001234", "青岛示例海产有限公司", ""]
            + ["海参缩水", "", "", "", ""],
            strict=True,
        )
    )
    members = dict(
        zip(
            member_excel.COLUMNS,
            ["青岛示例茶业有限公司", fake_uscc(1), "", "", "", "", "茶叶", "生产经营", "王示例"]
            + ["0532-88880001", "2023-03-15", "", ""],
            strict=True,
        )
    )
    days = dict(zip(calendar.IMPORT_COLUMNS, ["2027-02-20", "上班", "调休"], strict=True))
    return {
        "appeals": Import("appeals", import_appeals, appeals),
        "catalog": Import("catalog", catalog_excel.import_excel, catalog),
        "complaints": Import("complaints", complaint_excel.import_complaints, complaints),
        "members": Import("members", member_excel.import_members, members),
        "calendar": Import("calendar", calendar.import_overrides, days),
    }


def sheets(spec: Import) -> st.SearchStrategy[tuple[list[str], list[list[Any]]]]:
    """A header made of the import's columns (shuffled, up to two left out, maybe one twice) and
    rows whose cells are each the accepted value or anything at all."""
    columns = list(spec.good)
    header = st.permutations(columns).flatmap(
        lambda cols: st.tuples(st.lists(st.integers(0, len(cols) - 1), max_size=2, unique=True), st.booleans()).map(
            lambda t: [c for i, c in enumerate(cols) if i not in t[0]] + ([cols[0]] if t[1] else [])
        )
    )

    def rows(head: list[str]) -> st.SearchStrategy[list[list[Any]]]:
        cell = {c: st.one_of(st.just(spec.good[c]), fuzzing.cell_values()) for c in set(head)}
        return st.lists(st.tuples(*[cell[c] for c in head]).map(list), max_size=6)

    return header.flatmap(lambda head: st.tuples(st.just(head), rows(head)))


def state(path: Path) -> tuple[str, dict[str, int]]:
    """The database's integrity and every table's row count."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        plain = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        tables = [r[0] for r in con.execute(plain)]
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        return con.execute("PRAGMA integrity_check").fetchone()[0], counts


def check_one(spec: Import, db: Any, actor: Any, sheet: Path, header: list[str], rows: list[list[Any]]) -> str:
    """One import of one sheet, every property asserted; returns ``"report"`` or ``"refused"``."""
    from laoshan_desk.domain.errors import DeskError
    from laoshan_desk.services import audit
    from tests.conftest import FIXED_NOW

    fuzzing.write_sheet(sheet, header, rows)
    _, before = state(db.sqlite_path)
    try:
        report = spec.service(db, actor, sheet, now=FIXED_NOW)
    except DeskError as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        assert message and "\n" not in message and "Traceback" not in message, (spec.name, header, rows, message)
        integrity, after = state(db.sqlite_path)
        assert integrity == "ok"
        assert after == before, (spec.name, header, rows, "a refused file stored something")
        return "refused"
    integrity, after = state(db.sqlite_path)
    assert integrity == "ok"
    counted = report.imported + report.updated + len(report.rejected) + len(report.conflicts)
    assert counted <= len(rows), (spec.name, header, rows, report)
    if report.imported + report.updated == 0:
        changed = {t for t in after if after[t] != before.get(t)} - {"audit_record", "setting"}
        assert not changed, (spec.name, header, rows, changed)
    assert audit.verify_chain(db, actor, now=FIXED_NOW).ok
    return "report"


@pytest.fixture(scope="module")
def world(tmp_path_factory, _template_db):  # type: ignore[no-untyped-def]
    from laoshan_desk.services import auth
    from laoshan_desk.store.db import Database, copy_sqlite
    from tests.conftest import FIXED_NOW

    root = tmp_path_factory.mktemp("import-fuzz")
    copy_sqlite(_template_db, root / "fuzz.sqlite3")
    db = Database(f"sqlite:///{root / 'fuzz.sqlite3'}")
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "Fuzz2026secure"), now=FIXED_NOW)
    yield db, admin, root
    db.dispose()


@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", ["appeals", "catalog", "complaints", "members", "calendar"])
def test_any_sheet_for_any_import_is_a_report_or_one_sentence(world, name):
    db, admin, root = world
    spec = imports()[name]
    seen: dict[str, int] = {}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(sheets(spec))
    @example((list(spec.good), [list(spec.good.values())]))  # at least one sheet the import takes
    def check(sheet: tuple[list[str], list[list[Any]]]) -> None:
        header, rows = sheet
        outcome = check_one(spec, db, admin, root / f"{name}.xlsx", header, rows)
        seen[outcome] = seen.get(outcome, 0) + 1

    check()
    assert seen.get("report", 0) > 1, seen  # generated sheets too reach past the header check


def test_the_good_row_of_each_import_is_accepted(db, admin, tmp_path):
    """The strategy's accepted values are accepted (on a fresh database): the fuzz reaches the
    rows' own checks."""
    from tests.conftest import FIXED_NOW

    for spec in imports().values():
        header = list(spec.good)
        sheet = fuzzing.write_sheet(tmp_path / "good.xlsx", header, [[spec.good[c] for c in header]])
        report = spec.service(db, admin, sheet, now=FIXED_NOW)
        assert (report.imported + report.updated, report.rejected) == (1, ()), (spec.name, report)
