"""What the appeals service tests share: a place in the organisation tree and an intake form."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.context import system_actor
from tests.conftest import FIXED_NOW


def at(day: str, hm: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {hm}").replace(tzinfo=TZ)


def version(db, appeal_id):  # type: ignore[no-untyped-def]
    """The version the detail screen shows (what a screen passes with every write)."""
    return svc.detail(db, system_actor("test"), appeal_id, now=FIXED_NOW).version


@pytest.fixture
def place(db):  # type: ignore[no-untyped-def]
    """(street, community, grid, another street)."""
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    other_street = org.units(db, "street")[1]
    return street, comm, grid, other_street


def intake_form(place, **kw):  # type: ignore[no-untyped-def]
    street, comm, grid, _ = place
    base = dict(
        kind="livelihood",
        channel="phone",
        appellant="张三",
        phone="138 0532 1234",
        content="小区门口垃圾桶满溢多日无人清运，异味严重",
        street_id=street.id,
        community_id=comm.id,
        grid_id=grid.id,
    )
    base.update(kw)
    return svc.IntakeForm(**base)


# A sheet as the city platform (青诉即办) exports it, for the import tests.
PLATFORM_HEADERS = [
    "满意度",
    "诉求编号",
    "受理时间",
    "诉求类型",
    "诉求渠道",
    "街道",
    "社区",
    "网格",
    "诉求人",
    "联系电话",
    "诉求内容",
    "承办层级",
    "承办单位",
    "办结时间",
    "备注（多余列）",
]


def platform_row(**kw):  # type: ignore[no-untyped-def]
    base = {
        "诉求编号": "QS0001",
        "受理时间": "2026-11-02 09:30",
        "诉求类型": "民生",
        "诉求渠道": "青诉即办",
        "街道": "中韩街道",
        "社区": "",
        "网格": "",
        "诉求人": "王五",
        "联系电话": "13812345678",
        "诉求内容": "小区路灯不亮",
        "承办层级": "社区",
        "承办单位": "",
        "办结时间": "",
        "满意度": "",
        "备注（多余列）": "x",
    }
    base.update(kw)
    return [base[h] for h in PLATFORM_HEADERS]


def platform_workbook(tmp_path, rows, name="in.xlsx"):  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.append(PLATFORM_HEADERS)
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return path
