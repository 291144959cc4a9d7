"""Managing accounts (管理 → 用户): the list, a new account, edits, a password reset, an unlock;
each an admin's action, checked in the service and audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.errors import ConflictError, NotFound, ValidationError
from laoshan_desk.domain.passwords import check_password_strength
from laoshan_desk.domain.roles import Role
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User

from .hashing import _check_full_name, _check_username, hash_password


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
    version: int


def list_users(db: Database, actor: Actor, *, now: dt.datetime) -> list[UserRow]:
    actor.require("admin.view")
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
                u.version,
            )
            for u, name in rows
        ]


@dataclasses.dataclass(frozen=True)
class NewUserForm:
    username: str
    full_name: str
    role: Role
    password: str
    unit_id: uuid.UUID | None = None


def create_user(db: Database, actor: Actor, form: NewUserForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require("admin.edit")
    role = Role(form.role)
    username = _check_username(form.username)
    full_name = _check_full_name(form.full_name)
    check_password_strength(form.password, username=username)
    if role in (Role.STREET_CLERK, Role.DEPT_HANDLER) and form.unit_id is None:
        raise ValidationError("街道工作人员和部门承办人必须选择所属单位", field="unit")
    with unit_of_work(db, actor, now=now) as work:
        if work.session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(f"用户名“{username}”已存在", field="username")
        user = User(
            username=username,
            full_name=full_name,
            password_hash=hash_password(form.password),
            role=role.value,
            unit_id=form.unit_id,
            created_at=now,
        )
        work.session.add(user)
        work.session.flush()
        work.audit(
            "create",
            "user",
            user.id,
            f"新建用户 {username}",
            after={"username": username, "full_name": full_name, "role": role.value, "unit_id": form.unit_id},
        )
        return user.id


@dataclasses.dataclass(frozen=True)
class UserEditForm:
    """What the admin changed on a user; ``version`` is the one the screen showed."""

    user_id: uuid.UUID
    version: int
    full_name: str | None = None
    role: Role | None = None
    unit_id: uuid.UUID | None = None
    active: bool | None = None


def update_user(db: Database, actor: Actor, form: UserEditForm, *, now: dt.datetime) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor, now=now) as work:
        user = work.session.get(User, form.user_id)
        if user is None:
            raise NotFound("用户不存在")
        if user.version != form.version:
            raise ConflictError("该用户已被他人修改，请刷新后重试")
        before = {"full_name": user.full_name, "role": user.role, "unit_id": user.unit_id, "active": user.active}
        role = Role(form.role) if form.role is not None else None
        if user.id == actor.user_id and (form.active is False or (role is not None and role != Role.ADMIN)):
            raise ValidationError("不能停用自己或取消自己的管理员角色")
        if form.full_name is not None:
            user.full_name = _check_full_name(form.full_name)
        if role is not None:
            user.role = role.value
        if form.unit_id is not None:
            user.unit_id = form.unit_id
        if form.active is not None:
            user.active = form.active
        after = {"full_name": user.full_name, "role": user.role, "unit_id": user.unit_id, "active": user.active}
        work.audit("update", "user", user.id, f"修改用户 {user.username}", before=before, after=after)


@dataclasses.dataclass(frozen=True)
class PasswordResetForm:
    user_id: uuid.UUID
    password: str


def reset_password(db: Database, actor: Actor, form: PasswordResetForm, *, now: dt.datetime) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor, now=now) as work:
        user = work.session.get(User, form.user_id)
        if user is None:
            raise NotFound("用户不存在")
        check_password_strength(form.password, username=user.username)
        user.password_hash = hash_password(form.password)
        user.failed_logins = 0
        user.locked_until = None
        work.audit("update", "user", user.id, f"重置密码并解锁 {user.username}")


def unlock_user(db: Database, actor: Actor, user_id: uuid.UUID, *, now: dt.datetime) -> None:
    actor.require("admin.edit")
    with unit_of_work(db, actor, now=now) as work:
        user = work.session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        user.failed_logins = 0
        user.locked_until = None
        work.audit("update", "user", user.id, f"解锁账户 {user.username}")
