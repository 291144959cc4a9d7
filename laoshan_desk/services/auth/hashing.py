"""Password hashes (argon2, argon2-cffi) and the checks an account's name and user name pass,
shared by logging in and by managing accounts.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.inputs import clean_text
from laoshan_desk.domain.roles import Role
from laoshan_desk.store.models import User

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _admin_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)) or 0


def _check_username(username: str) -> str:
    return clean_text(username, field="username", label="用户名", max_length=50, required=True)


def _check_full_name(full_name: str) -> str:
    return clean_text(full_name, field="full_name", label="姓名", max_length=50, required=True)
