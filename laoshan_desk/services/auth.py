"""Logging in, locking, and managing accounts.

Passwords are hashed with argon2 (argon2-cffi). There is no default password: the first run
asks for the admin's own. After ``lockout_attempts`` failures in a row an account is locked for
``lockout_minutes``; every login and failed login is in the audit log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ConflictError, DeskError, NotFound, ValidationError
from laoshan_desk.domain.passwords import check_password_strength
from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services import audit_chain, settings
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User

_hasher = PasswordHasher()


class LoginFailed(DeskError):
    code = "login_failed"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(hash_: str, password: str) -> bool:
    try:
        return _hasher.verify(hash_, password)
    except (VerificationError, InvalidHashError):
        return False


def _admin_count(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)) or 0


def needs_first_admin(db: Database) -> bool:
    """True until the database has an admin (a demo database has clerks but no admin)."""
    with db.session() as session:
        return not _admin_count(session)


def _actor_for(session, user: User) -> Actor:  # type: ignore[no-untyped-def]
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


def _check_username(username: str) -> str:
    username = username.strip()
    if not username:
        raise ValidationError("请输入用户名", field="username")
    if len(username) > 50:
        raise ValidationError("用户名不能超过 50 个字符", field="username")
    return username


def create_first_admin(db: Database, username: str, full_name: str, password: str) -> Actor:
    """The first run: the admin chooses the account and its password."""
    username = _check_username(username)
    if not full_name.strip():
        raise ValidationError("请输入姓名", field="full_name")
    check_password_strength(password, username=username)
    now = clock_now()
    with db.session(write=True) as session:
        if _admin_count(session):
            raise DeskError("管理员账户已存在")
        if session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", field="username")
        user = User(
            username=username,
            full_name=full_name.strip(),
            password_hash=hash_password(password),
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


def login(db: Database, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check the password; count failures, lock after too many; audit both outcomes."""
    now = now or clock_now()
    username = username.strip()
    failure: str | None = None
    with db.session(write=True) as session:
        attempts = settings.read(session, "lockout_attempts")
        minutes = settings.read(session, "lockout_minutes")
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            failure = "用户名或密码错误"
        elif user.locked_until is not None and user.locked_until > now:
            failure = f"账户已锁定，请于 {user.locked_until:%H:%M} 后再试，或请管理员解锁"
        elif not _verify(user.password_hash, password):
            user.failed_logins += 1
            if user.failed_logins >= attempts:
                user.locked_until = now + dt.timedelta(minutes=minutes)
                user.failed_logins = 0
                failure = f"密码错误次数过多，账户已锁定 {minutes} 分钟"
            else:
                left = attempts - user.failed_logins
                failure = f"用户名或密码错误（再错 {left} 次将锁定账户）"
        if failure is not None:
            audit_chain.append(
                session,
                at=now,
                user_id=user.id if user else None,
                username=username or "?",
                action="login_failed",
                entity="user",
                entity_id=str(user.id) if user else None,
                summary=failure,
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
                summary="登录",
            )
            actor = _actor_for(session, user)
    if failure is not None:
        raise LoginFailed(failure, field="password")
    return actor


def unlock_session(db: Database, actor: Actor, password: str) -> None:
    """The idle lock: the same user types the password again. Failures count as logins do."""
    login(db, actor.username, password)


@dataclasses.dataclass(frozen=True)
class UserRow:
    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    unit_id: uuid.UUID | None
    unit_name: str
    active: bool
    locked: bool
    last_login_at: dt.datetime | None


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    actor.require("admin.view")
    now = clock_now()
    with db.session() as session:
        rows = session.execute(
            select(User, Unit.name).outerjoin(Unit, Unit.id == User.unit_id).order_by(User.username)
        ).all()
        return [
            UserRow(
                u.id,
                u.username,
                u.full_name,
                Role(u.role),
                u.unit_id,
                name or "",
                u.active,
                bool(u.locked_until and u.locked_until > now),
                u.last_login_at,
            )
            for u, name in rows
        ]


def create_user(
    db: Database,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    unit_id: uuid.UUID | None = None,
) -> uuid.UUID:
    actor.require("admin.edit")
    role = Role(role)
    username = _check_username(username)
    if not full_name.strip():
        raise ValidationError("请输入姓名", field="full_name")
    check_password_strength(password, username=username)
    if role in (Role.STREET_CLERK, Role.DEPT_HANDLER) and unit_id is None:
        raise ValidationError("街道工作人员和部门承办人必须选择所属单位", field="unit")
    with unit_of_work(db, actor) as work:
        if work.session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", field="username")
        user = User(
            username=username,
            full_name=full_name.strip(),
            password_hash=hash_password(password),
            role=role.value,
            unit_id=unit_id,
            created_at=work.now,
        )
        work.session.add(user)
        work.session.flush()
        work.audit(
            "create",
            "user",
            user.id,
            f"新建用户 {username}",
            after={"username": username, "full_name": full_name, "role": role.value, "unit_id": unit_id},
        )
        return user.id


def update_user(
    db: Database,
    actor: Actor,
    user_id: uuid.UUID,
    *,
    full_name: str | None = None,
    role: Role | None = None,
    unit_id: uuid.UUID | None = None,
    active: bool | None = None,
    expected_version: int | None = None,
) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        user = work.session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        if expected_version is not None and user.version != expected_version:
            raise ConflictError("该用户已被他人修改，请刷新后重试")
        before = {"full_name": user.full_name, "role": user.role, "unit_id": user.unit_id, "active": user.active}
        if user.id == actor.user_id and (active is False or (role and Role(role) != Role.ADMIN)):
            raise ValidationError("不能停用自己或取消自己的管理员角色")
        if full_name is not None:
            user.full_name = full_name.strip()
        if role is not None:
            role = Role(role)
            user.role = role.value
        if unit_id is not None:
            user.unit_id = unit_id
        if active is not None:
            user.active = active
        after = {"full_name": user.full_name, "role": user.role, "unit_id": user.unit_id, "active": user.active}
        work.audit("update", "user", user.id, f"修改用户 {user.username}", before=before, after=after)


def reset_password(db: Database, actor: Actor, user_id: uuid.UUID, password: str) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        user = work.session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        check_password_strength(password, username=user.username)
        user.password_hash = hash_password(password)
        user.failed_logins = 0
        user.locked_until = None
        work.audit("update", "user", user.id, f"重置密码并解锁 {user.username}")


def unlock_user(db: Database, actor: Actor, user_id: uuid.UUID) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        user = work.session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        user.failed_logins = 0
        user.locked_until = None
        work.audit("update", "user", user.id, f"解锁账户 {user.username}")


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> None:
    with unit_of_work(db, actor) as work:
        user = work.session.get(User, actor.user_id)
        if user is None or not _verify(user.password_hash, old):
            raise ValidationError("原密码不正确", field="old_password")
        check_password_strength(new, username=user.username)
        user.password_hash = hash_password(new)
        work.audit("update", "user", user.id, "修改本人密码")
