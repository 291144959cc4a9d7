"""Accounts: first admin, login, lockout after 5 failures for 15 minutes, audit of both.

A stranger learns nothing from a failed login: the same sentence and the same argon2 work for an
unknown name as for a wrong password, "locked" only for the right password, and the audit log
never holds what was typed into the user-name field of an unknown account.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from laoshan_desk.domain.errors import ConflictError, DeskError, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth, org
from laoshan_desk.services.auth import sessions as auth_sessions
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.models import AuditRecord, User
from tests.conftest import ADMIN_PASSWORD, FIXED_NOW

T0 = FIXED_NOW


def _audit(db) -> list[AuditRecord]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(AuditRecord).order_by(AuditRecord.seq)))


def test_no_default_password_first_admin_chooses_it(db):
    assert auth.needs_first_admin(db)
    with pytest.raises(DeskError):
        auth.login(db, "admin", "admin", now=T0)
    with pytest.raises(ValidationError) as weak:
        auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", "short"), now=T0)
    assert weak.value.field == "password"
    actor = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", ADMIN_PASSWORD), now=T0)
    assert actor.role is Role.ADMIN and not auth.needs_first_admin(db)
    with pytest.raises(DeskError):
        auth.create_first_admin(db, auth.FirstAdminForm("admin2", "又一个", ADMIN_PASSWORD + "x"), now=T0)
    with db.session() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2") and ADMIN_PASSWORD not in stored


def test_lockout_after_five_failures_for_fifteen_minutes(db, admin):
    for i in range(5):
        with pytest.raises(auth.LoginFailed) as exc:
            auth.login(db, "admin", "wrong", now=T0 + dt.timedelta(seconds=i))
        assert exc.value.message == auth.LOGIN_FAILED  # no countdown that tells a real account
    with pytest.raises(auth.LoginFailed) as exc:  # locked: a wrong password still hears the same
        auth.login(db, "admin", "wrong", now=T0 + dt.timedelta(minutes=1))
    assert exc.value.message == auth.LOGIN_FAILED
    with pytest.raises(auth.LoginFailed) as exc:  # the right password learns of the lock
        auth.login(db, "admin", ADMIN_PASSWORD, now=T0 + dt.timedelta(minutes=14))
    assert "账户已锁定" in exc.value.message
    assert auth.login(db, "admin", ADMIN_PASSWORD, now=T0 + dt.timedelta(minutes=16)).username == "admin"
    records = _audit(db)
    actions = [r.action for r in records]
    assert actions.count("login_failed") == 7 and actions[-1] == "login"
    assert "账户锁定 15 分钟" in [r.summary for r in records if r.action == "login_failed"][4]


def test_unknown_user_same_message_same_work_and_not_logged(db, admin, monkeypatch):
    verified: list[str] = []
    real_verify = auth_sessions._verify

    def counting_verify(hash_, password):  # type: ignore[no-untyped-def]
        verified.append(hash_)
        return real_verify(hash_, password)

    monkeypatch.setattr(auth_sessions, "_verify", counting_verify)  # the login module's own name
    messages = []
    for name in ("admin", "nobody", "Secret2026pass!"):  # the last: a password typed as a name
        with pytest.raises(auth.LoginFailed) as exc:
            auth.login(db, name, "whatever1", now=T0)
        messages.append(exc.value.message)
    assert messages == [auth.LOGIN_FAILED] * 3
    assert len(verified) == 3 and verified[1] == verified[2] != verified[0]  # one argon2 check each
    assert all(h.startswith("$argon2") for h in verified)
    failed = [r for r in _audit(db) if r.action == "login_failed"]
    assert [r.username for r in failed] == ["admin", auth.UNKNOWN_USER, auth.UNKNOWN_USER]
    assert all("nobody" not in f"{r.summary}{r.after}{r.entity_id}" for r in failed)
    assert all("Secret2026pass" not in f"{r.summary}{r.after}{r.entity_id}" for r in failed)


def test_an_inactive_user_hears_the_same_as_a_wrong_password(db, admin, make_user):
    clerk = make_user(Role.LEADER, username="gone", password="Leader2026ok")
    row = next(u for u in auth.list_users(db, admin, now=T0) if u.username == "gone")
    auth.update_user(db, admin, auth.UserEditForm(clerk.user_id, row.version, active=False), now=T0)
    with pytest.raises(auth.LoginFailed) as exc:
        auth.login(db, "gone", "Leader2026ok", now=T0)
    assert exc.value.message == auth.LOGIN_FAILED


def test_changing_ones_own_password_locks_after_wrong_old_passwords_and_is_audited(db, admin, make_user):
    clerk = make_user(Role.WINDOW_CLERK, username="wang", password="Clerk2026pass")
    for i in range(4):
        with pytest.raises(ValidationError) as exc:
            auth.change_own_password(db, clerk, auth.PasswordChangeForm(f"guess{i}x", "New2026pass"), now=T0)
        assert exc.value.field == "old_password" and exc.value.message == "原密码不正确"
    with pytest.raises(ValidationError) as exc:
        auth.change_own_password(db, clerk, auth.PasswordChangeForm("guess5x", "New2026pass"), now=T0)
    assert "账户已锁定 15 分钟" in exc.value.message
    with pytest.raises(ValidationError, match="账户已锁定"):  # even the right old password now
        auth.change_own_password(db, clerk, auth.PasswordChangeForm("Clerk2026pass", "New2026pass"), now=T0)
    with pytest.raises(auth.LoginFailed, match="账户已锁定"):
        auth.login(db, "wang", "Clerk2026pass", now=T0 + dt.timedelta(minutes=5))
    failures = [r for r in _audit(db) if r.action == "password_failed"]
    assert len(failures) == 6 and all(r.username == "wang" for r in failures)
    later = T0 + dt.timedelta(minutes=20)
    with pytest.raises(ValidationError) as weak:  # a weak new password: nothing changes
        auth.change_own_password(db, clerk, auth.PasswordChangeForm("Clerk2026pass", "short"), now=later)
    assert weak.value.field == "password"
    auth.change_own_password(db, clerk, auth.PasswordChangeForm("Clerk2026pass", "New2026pass"), now=later)
    assert auth.login(db, "wang", "New2026pass", now=later).username == "wang"
    assert "修改本人密码" in [r.summary for r in _audit(db) if r.action == "update"]


def test_admin_manages_users_and_clerks_may_not(db, admin):
    streets = org.units(db, "street")
    with pytest.raises(ValidationError) as exc:
        auth.create_user(db, admin, auth.NewUserForm("jd", "街道", Role.STREET_CLERK, "Street2026ok"), now=T0)
    assert exc.value.field == "unit"
    uid = auth.create_user(
        db, admin, auth.NewUserForm("jd", "街道", Role.STREET_CLERK, "Street2026ok", streets[0].id), now=T0
    )
    with pytest.raises(ValidationError):
        auth.create_user(db, admin, auth.NewUserForm("jd", "重名", Role.LEADER, "Leader2026ok"), now=T0)
    with pytest.raises(ValidationError, match="用户名"):
        auth.create_user(db, admin, auth.NewUserForm("\x00\t", "空名", Role.LEADER, "Leader2026ok"), now=T0)
    clerk = auth.login(db, "jd", "Street2026ok", now=T0)
    assert clerk.street_id == streets[0].id and clerk.unit_name == streets[0].name
    with pytest.raises(PermissionDenied):
        auth.list_users(db, clerk, now=T0)
    version = next(u.version for u in auth.list_users(db, admin, now=T0) if u.id == uid)
    auth.update_user(db, admin, auth.UserEditForm(uid, version, active=False), now=T0)
    with pytest.raises(auth.LoginFailed):
        auth.login(db, "jd", "Street2026ok", now=T0)
    with pytest.raises(ConflictError):  # a screen that still shows the old version
        auth.update_user(db, admin, auth.UserEditForm(uid, version, full_name="旧屏幕"), now=T0)
    admin_version = next(u.version for u in auth.list_users(db, admin, now=T0) if u.id == admin.user_id)
    with pytest.raises(ValidationError):
        auth.update_user(db, admin, auth.UserEditForm(admin.user_id, admin_version, active=False), now=T0)


def test_two_clerks_editing_the_same_row_do_not_lose_an_update(db, admin):
    """The second save of a row read before the first save is refused, not silently lost."""
    uid = auth.create_user(db, admin, auth.NewUserForm("lu", "甲", Role.LEADER, "Leader2026ok"), now=T0)
    with pytest.raises(ConflictError) as exc:
        with unit_of_work(db, admin, now=T0) as work:
            mine = work.session.get(User, uid)
            mine.full_name = "乙"
            # What another counter's committed save looks like from here: the version moved on.
            work.session.execute(
                text("UPDATE app_user SET full_name = '丙', version = version + 1 WHERE username = 'lu'")
            )
    assert "已被他人修改" in exc.value.message
    assert [u.full_name for u in auth.list_users(db, admin, now=T0) if u.username == "lu"] == ["甲"]
