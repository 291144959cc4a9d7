"""Issue 9, appeals: the Excel import checks what the counter checks — content of at most 4,000
characters, no receipt or finish time in the future, an enforcement appeal only from the channels
intake allows (street offices and departments, never a citizen's), a handling unit of the level
the appeal is handled at. A bad row is reported with its row and column and nothing of it is
stored; a 10 MB cell neither makes the import slow nor the database large. Written from the rule."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.exchange import import_appeals
from tests.services.appeals.conftest import PLATFORM_HEADERS
from tests.services.appeals.conftest import platform_row as row
from tests.services.appeals.conftest import platform_workbook as workbook

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def _numbers(db, admin) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r.number for r in queue.page(db, admin, queue.QueueFilter(), now=NOW))


def test_a_time_in_the_future_refuses_its_row_and_stores_nothing_of_it(db, admin, tmp_path):
    rows = [
        row(诉求编号="QS0101"),  # row 2: good
        row(诉求编号="QS0103", 受理时间="2026-11-25 10:01"),  # row 3: a minute after now
        row(诉求编号="QS0104", 办结时间="2026-11-26 09:00"),  # row 4
    ]
    report = import_appeals(db, admin, workbook(tmp_path, rows), now=NOW)
    assert report.imported == 1
    assert [(r.row, r.column) for r in report.rejected] == [(3, "受理时间"), (4, "办结时间")]
    assert all(r.message for r in report.rejected)
    assert _numbers(db, admin) == ["QS0101"]


def test_content_of_exactly_4000_characters_is_accepted(db, admin, tmp_path):
    report = import_appeals(db, admin, workbook(tmp_path, [row(诉求内容="长" * 4000)]), now=NOW)
    assert (report.imported, report.rejected) == (1, ())


# The import goes through the counter's own validator (services/appeals/validation.py): check_intake
# and check_unit_for_level.


def _community(db):  # type: ignore[no-untyped-def]
    return org.units(db, "community", parent_id=org.find_unit(db, "中韩街道").id)[0].name


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"诉求内容": "长" * 4001}, "诉求内容"),  # longer than the counter's 4,000 characters
        ({"诉求类型": "执法", "诉求渠道": "微信公众号"}, "诉求渠道"),  # a citizen's channel
        ({"承办层级": "街道", "承办单位": None}, "承办单位"),  # a community for a street-level appeal
    ],
    ids=["content-4001", "enforcement-channel", "unit-level"],
)
def test_a_row_the_counter_would_refuse_is_refused(db, admin, tmp_path, change, column):
    if "承办单位" in change:
        change = dict(change, 承办单位=_community(db))
    report = import_appeals(db, admin, workbook(tmp_path, [row(诉求编号="QS0102", **change)]), now=NOW)
    assert report.imported == 0 and [(r.row, r.column) for r in report.rejected] == [(2, column)]
    assert _numbers(db, admin) == []


@pytest.mark.timeout(120)
def test_a_ten_megabyte_cell_is_refused_quickly_and_not_stored(db, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(PLATFORM_HEADERS)
    ws.append(row(诉求编号="QS0201"))
    big = row(诉求编号="QS0202")
    big[PLATFORM_HEADERS.index("诉求内容")] = "长" * 10_000_000
    ws.append(big)
    path = tmp_path / "big.xlsx"
    wb.save(path)
    database = str(db.engine.url.database)

    def size() -> int:  # the file and its write-ahead log (WAL mode)
        return sum(os.path.getsize(p) for p in (database, database + "-wal") if os.path.exists(p))

    size_before = size()
    started = time.monotonic()
    report = import_appeals(db, admin, path, now=NOW)
    elapsed = time.monotonic() - started
    assert report.imported == 1 and [(r.row, r.column) for r in report.rejected] == [(3, "诉求内容")]
    assert _numbers(db, admin) == ["QS0201"]
    assert elapsed < 30, f"the import took {elapsed:.1f} s"
    grown = size() - size_before
    assert grown < 2_000_000, f"the database grew by {grown} bytes"
