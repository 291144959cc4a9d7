"""Logging in, the idle lock, the first admin, changing one's own password.

Passwords are hashed with argon2 (argon2-cffi). There is no default password: the first run
asks for the admin's own. After ``lockout_attempts`` failures in a row an account is locked for
``lockout_minutes``; every login and failed login is in the audit log.

Nothing a stranger sees tells a real account from a made-up one (GB/T 22239 §8.1.4 login-failure
handling, without handing out a list of user names):

- an unknown user, an inactive one and a wrong password all get the same sentence
  (:data:`LOGIN_FAILED`), and all cost one argon2 verification (an unknown name is checked
  against a dummy hash), so the answer takes the same time;
- "locked" is said only to someone who typed the right password;
- a failed login's audit record names the account only when it exists: a password typed into
  the user-name field never reaches the log.

Changing one's own password counts wrong old passwords against the same lockout, and both the
failures and the change are audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import secrets

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from laoshan_desk.domain.errors import DeskError, NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.inputs import clean_text
from laoshan_desk.domain.passwords import check_password_strength
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit_chain, settings
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User

from .hashing import _admin_count, _check_full_name, _check_username, _hasher, hash_password

LOGIN_FAILED = "用户名或密码错误"
UNKNOWN_USER = "（未知用户名）"  # what a failed login by an unknown name records instead of the name


class LoginFailed(DeskError):
    code = "login_failed"


@functools.cache
def _dummy_hash() -> str:
    """A hash nobody knows the password of: an unknown user costs the same verification."""
    return _hasher.hash(secrets.token_urlsafe(24))


def _verify(hash_: str, password: str) -> bool:
    try:
        return _hasher.verify(hash_, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_first_admin(db: Database) -> bool:
    """True until the database has an admin (a demo database has clerks but no admin)."""
    with db.session() as session:
        return not _admin_count(session)


def _actor_for(session: Session, user: User) -> Actor:
    street_id = None
    unit_name = ""
    if user.unit_id is not None:
        unit = session.get(Unit, user.unit_id)
        if unit is not None:
            street_id = unit.street_id
            unit_name = unit.name
    return Actor(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        unit_id=user.unit_id,
        street_id=street_id,
        unit_name=unit_name,
    )


@dataclasses.dataclass(frozen=True)
class FirstAdminForm:
    username: str
    full_name: str
    password: str


def create_first_admin(db: Database, form: FirstAdminForm, *, now: dt.datetime) -> Actor:
    """The first run: the admin chooses the account and its password."""
    username = _check_username(form.username)
    full_name = _check_full_name(form.full_name)
    check_password_strength(form.password, username=username)
    with db.session(write=True) as session:
        if _admin_count(session):
            raise DeskError("管理员账户已存在")
        if session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", field="username")
        user = User(
            username=username,
            full_name=full_name,
            password_hash=hash_password(form.password),
            role=Role.ADMIN.value,
            created_at=now,
        )
        session.add(user)
        session.flush()
        audit_chain.append(
            session,
            at=now,
            user_id=user.id,
            username=username,
            action="create",
            entity="user",
            entity_id=str(user.id),
            summary="首次运行：创建系统管理员",
            after={"username": username, "role": Role.ADMIN.value},
        )
        return _actor_for(session, user)


def _count_failure(user: User, attempts: int, minutes: int, now: dt.datetime) -> str:
    """One more wrong password on ``user``; returns the audit summary (the clerk sees less)."""
    user.failed_logins += 1
    if user.failed_logins >= attempts:
        user.locked_until = now + dt.timedelta(minutes=minutes)
        user.failed_logins = 0
        return f"密码错误次数过多，账户锁定 {minutes} 分钟"
    return f"密码错误（连续第 {user.failed_logins} 次）"


def _locked_message(user: User) -> str:
    assert user.locked_until is not None
    return f"账户已锁定，请于 {user.locked_until:%H:%M} 后再试，或请管理员解锁"


def login(db: Database, username: str, password: str, *, now: dt.datetime) -> Actor:
    """Check the password; count failures, lock after too many; audit both outcomes."""
    typed = clean_text(username, field="username", max_length=200)
    failure: str | None = None
    with db.session(write=True) as session:
        config = settings.read_settings(session)
        attempts, minutes = config.lockout_attempts, config.lockout_minutes
        # The hash in the same query (the model defers it): a known name costs no extra query.
        found = select(User).where(User.username == typed).options(undefer(User.password_hash))
        user = session.scalar(found) if len(typed) <= 50 else None
        right = _verify(user.password_hash if user is not None else _dummy_hash(), password)
        summary = "登录"
        if user is None:
            failure, summary = LOGIN_FAILED, "登录失败：用户名不存在"
        elif not user.active:
            failure, summary = LOGIN_FAILED, "登录失败：账户已停用"
        elif user.locked_until is not None and user.locked_until > now:
            # Only the right password learns that the account exists and is locked.
            failure = _locked_message(user) if right else LOGIN_FAILED
            summary = "登录失败：账户锁定期间尝试登录"
        elif not right:
            failure, summary = LOGIN_FAILED, "登录失败：" + _count_failure(user, attempts, minutes, now)
        if failure is not None:
            audit_chain.append(
                session,
                at=now,
                user_id=user.id if user else None,
                username=user.username if user else UNKNOWN_USER,
                action="login_failed",
                entity="user",
                entity_id=str(user.id) if user else None,
                summary=summary,
            )
        else:
            assert user is not None
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit_chain.append(
                session,
                at=now,
                user_id=user.id,
                username=user.username,
                action="login",
                entity="user",
                entity_id=str(user.id),
                summary=summary,
            )
            actor = _actor_for(session, user)
    if failure is not None:
        raise LoginFailed(failure, field="password")
    return actor


def unlock_session(db: Database, actor: Actor, password: str, *, now: dt.datetime) -> None:
    """The idle lock: the same user types the password again. Failures count as logins do."""
    login(db, actor.username, password, now=now)


@dataclasses.dataclass(frozen=True)
class PasswordChangeForm:
    old_password: str
    new_password: str


def change_own_password(db: Database, actor: Actor, form: PasswordChangeForm, *, now: dt.datetime) -> None:
    """The logged-in user changes their own password; wrong old passwords count towards lockout."""
    if actor.user_id is None:
        raise PermissionDenied("命令行账户没有密码可修改")
    failure: str | None = None
    with db.session(write=True) as session:
        config = settings.read_settings(session)
        attempts, minutes = config.lockout_attempts, config.lockout_minutes
        user = session.get(User, actor.user_id, options=[undefer(User.password_hash)])
        if user is None or not user.active:
            raise NotFound("用户不存在或已停用")
        summary = "修改本人密码"
        if user.locked_until is not None and user.locked_until > now:
            failure, summary = _locked_message(user), "修改本人密码失败：账户锁定期间"
        elif not _verify(user.password_hash, form.old_password):
            summary = "修改本人密码失败：原" + _count_failure(user, attempts, minutes, now)
            locked = user.locked_until is not None and user.locked_until > now
            failure = f"原密码错误次数过多，账户已锁定 {minutes} 分钟" if locked else "原密码不正确"
        else:
            check_password_strength(form.new_password, username=user.username)  # refusal: nothing stored
            user.password_hash = hash_password(form.new_password)
            user.failed_logins = 0
        audit_chain.append(
            session,
            at=now,
            user_id=user.id,
            username=user.username,
            action="update" if failure is None else "password_failed",
            entity="user",
            entity_id=str(user.id),
            summary=summary,
        )
    if failure is not None:
        raise ValidationError(failure, field="old_password")
