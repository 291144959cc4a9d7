"""Logging in, locking, and managing accounts: :mod:`.sessions` (logging in, the idle lock, the
first admin, one's own password), :mod:`.accounts` (an admin managing accounts), :mod:`.hashing`
(argon2 hashes and the name checks both share).
"""

from __future__ import annotations

from .accounts import (
    NewUserForm,
    PasswordResetForm,
    UserEditForm,
    UserRow,
    create_user,
    list_users,
    reset_password,
    unlock_user,
    update_user,
)
from .hashing import hash_password
from .sessions import (
    LOGIN_FAILED,
    UNKNOWN_USER,
    FirstAdminForm,
    LoginFailed,
    PasswordChangeForm,
    change_own_password,
    create_first_admin,
    login,
    needs_first_admin,
    unlock_session,
)

__all__ = [
    "FirstAdminForm",
    "LOGIN_FAILED",
    "LoginFailed",
    "NewUserForm",
    "PasswordChangeForm",
    "PasswordResetForm",
    "UNKNOWN_USER",
    "UserEditForm",
    "UserRow",
    "change_own_password",
    "create_first_admin",
    "create_user",
    "hash_password",
    "list_users",
    "login",
    "needs_first_admin",
    "reset_password",
    "unlock_session",
    "unlock_user",
    "update_user",
]
