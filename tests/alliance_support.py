"""What the alliance tests share: fictitious USCCs, a fixed clock, and the fixtures (a market
officer, a leader, a window clerk, members added through the service) that the alliance test
folders' conftest files import."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import uscc as stdnum_uscc

from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)


def fake_uscc(n: int) -> str:
    """A USCC no authority issued (region 999999) with a valid check character."""
    body = f"91999999DM{n:07d}"
    return body + stdnum_uscc.calc_check_digit(body)


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


@pytest.fixture
def officer(make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.MARKET_OFFICER, username="shichang1")


@pytest.fixture
def leader(make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, username="lingdao1")


@pytest.fixture
def clerk(make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.WINDOW_CLERK, username="chuangkou1")


@pytest.fixture
def add_member(db, officer):  # type: ignore[no-untyped-def]
    """add_member(n, name=..., liaison=..., **fields) -> MemberRef, through the service."""
    from laoshan_desk.services import alliance

    def add(n: int, name: str | None = None, liaison: str = "王示例", **fields):  # type: ignore[no-untyped-def]
        form = alliance.MemberForm(
            name=name or f"青岛示例{n}号有限公司",
            uscc=fields.pop("uscc", fake_uscc(n)),
            liaison_name=liaison,
            member_since=fields.pop("member_since", dt.date(2023, 3, 15)),
            stage=fields.pop("stage", "operation"),
            industry=fields.pop("industry", "tea"),
            **fields,
        )
        return alliance.save_member(db, officer, form, now=NOW)

    return add
