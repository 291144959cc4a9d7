"""Accounts: first admin, login, lockout after 5 failures for 15 minutes, audit of both."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from laoshan_desk.domain.errors import DeskError, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth
from laoshan_desk.store.models import AuditRecord, User
from tests.conftest import ADMIN_PASSWORD, FIXED_NOW


def test_no_default_password_first_admin_chooses_it(db):
    assert auth.needs_first_admin(db)
    with pytest.raises(DeskError):
        auth.login(db, "admin", "admin")
    with pytest.raises(ValidationError) as weak:
        auth.create_first_admin(db, "admin", "管理员", "short")
    assert weak.value.field == "password"
    actor = auth.create_first_admin(db, "admin", "管理员", ADMIN_PASSWORD)
    assert actor.role is Role.ADMIN and not auth.needs_first_admin(db)
    with pytest.raises(DeskError):
        auth.create_first_admin(db, "admin2", "又一个", ADMIN_PASSWORD + "x")
    with db.session() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2") and ADMIN_PASSWORD not in stored


def test_lockout_after_five_failures_for_fifteen_minutes(db, admin):
    t0 = FIXED_NOW
    for i in range(4):
        with pytest.raises(auth.LoginFailed) as exc:
            auth.login(db, "admin", "wrong", now=t0 + dt.timedelta(seconds=i))
        assert f"再错 {4 - i} 次" in exc.value.message
    with pytest.raises(auth.LoginFailed) as exc:
        auth.login(db, "admin", "wrong", now=t0 + dt.timedelta(seconds=5))
    assert "已锁定 15 分钟" in exc.value.message
    with pytest.raises(auth.LoginFailed) as exc:  # right password, still locked
        auth.login(db, "admin", ADMIN_PASSWORD, now=t0 + dt.timedelta(minutes=14))
    assert "账户已锁定" in exc.value.message
    assert auth.login(db, "admin", ADMIN_PASSWORD, now=t0 + dt.timedelta(minutes=16)).username == "admin"
    with db.session() as s:
        actions = [a for a in s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq))]
    assert actions.count("login_failed") == 6 and actions[-1] == "login"


def test_unknown_user_gets_the_same_message_and_is_audited(db, admin):
    with pytest.raises(auth.LoginFailed) as exc:
        auth.login(db, "nobody", "whatever1")
    assert exc.value.message == "用户名或密码错误"
    with db.session() as s:
        last = s.scalars(select(AuditRecord).order_by(AuditRecord.seq.desc())).first()
    assert last.action == "login_failed" and last.username == "nobody"


def test_admin_manages_users_and_clerks_may_not(db, admin):
    streets = __import__("laoshan_desk.services.org", fromlist=["units"]).units(db, "street")
    with pytest.raises(ValidationError) as exc:
        auth.create_user(db, admin, username="jd", full_name="街道", role=Role.STREET_CLERK, password="Street2026ok")
    assert exc.value.field == "unit"
    uid = auth.create_user(
        db,
        admin,
        username="jd",
        full_name="街道",
        role=Role.STREET_CLERK,
        password="Street2026ok",
        unit_id=streets[0].id,
    )
    with pytest.raises(ValidationError):
        auth.create_user(db, admin, username="jd", full_name="重名", role=Role.LEADER, password="Leader2026ok")
    clerk = auth.login(db, "jd", "Street2026ok")
    assert clerk.street_id == streets[0].id and clerk.unit_name == streets[0].name
    with pytest.raises(PermissionDenied):
        auth.list_users(db, clerk)
    auth.update_user(db, admin, uid, active=False)
    with pytest.raises(auth.LoginFailed):
        auth.login(db, "jd", "Street2026ok")
    with pytest.raises(ValidationError):
        auth.update_user(db, admin, admin.user_id, active=False)


def test_two_clerks_editing_the_same_row_do_not_lose_an_update(db, admin):
    """The second save of a row read before the first save is refused, not silently lost."""
    from laoshan_desk.domain.errors import ConflictError
    from laoshan_desk.services.uow import unit_of_work

    uid = auth.create_user(db, admin, username="lu", full_name="甲", role=Role.LEADER, password="Leader2026ok")
    from sqlalchemy import text

    with pytest.raises(ConflictError) as exc:
        with unit_of_work(db, admin) as work:
            mine = work.session.get(User, uid)
            mine.full_name = "乙"
            # What another counter's committed save looks like from here: the version moved on.
            work.session.execute(
                text("UPDATE app_user SET full_name = '丙', version = version + 1 WHERE username = 'lu'")
            )
    assert "已被他人修改" in exc.value.message
    assert [u.full_name for u in auth.list_users(db, admin) if u.username == "lu"] == ["甲"]  # rolled back whole
