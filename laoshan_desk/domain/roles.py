"""Roles and what each may do and see: the rules the services enforce.

A role grants permissions (strings like ``"appeals.edit"``) and a *scope*: ``"all"`` rows,
the user's ``"street"`` only, or the user's ``"unit"`` only. The UI hides what a role may not
use; the services refuse it all the same (:func:`laoshan_desk.services.security.require`).
"""

from __future__ import annotations

import enum


class Role(str, enum.Enum):
    WINDOW_CLERK = "window_clerk"
    STREET_CLERK = "street_clerk"
    DEPT_HANDLER = "dept_handler"
    COURT_CLERK = "court_clerk"
    JUDGE = "judge"
    MARKET_OFFICER = "market_officer"
    LEADER = "leader"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.WINDOW_CLERK: "窗口工作人员",
    Role.STREET_CLERK: "街道工作人员",
    Role.DEPT_HANDLER: "部门承办人",
    Role.COURT_CLERK: "法院书记员",
    Role.JUDGE: "法官",
    Role.MARKET_OFFICER: "市场监管人员",
    Role.LEADER: "领导",
    Role.ADMIN: "系统管理员",
}

# Areas (tabs) of the desk.
APPROVALS = "approvals"
APPEALS = "appeals"
PRESERVATION = "preservation"
ALLIANCE = "alliance"
ADMIN = "admin"

_VIEW = {
    Role.WINDOW_CLERK: {APPROVALS, APPEALS},
    Role.STREET_CLERK: {APPEALS, APPROVALS},
    Role.DEPT_HANDLER: {APPEALS, APPROVALS},
    Role.COURT_CLERK: {PRESERVATION},
    Role.JUDGE: {PRESERVATION},
    Role.MARKET_OFFICER: {APPEALS, ALLIANCE},
    Role.LEADER: {APPROVALS, APPEALS, PRESERVATION, ALLIANCE},
    Role.ADMIN: {APPROVALS, APPEALS, PRESERVATION, ALLIANCE, ADMIN},
}

_EDIT = {
    Role.WINDOW_CLERK: {APPROVALS, APPEALS},
    Role.STREET_CLERK: {APPEALS},
    Role.DEPT_HANDLER: {APPEALS, APPROVALS},
    Role.COURT_CLERK: {PRESERVATION},
    Role.JUDGE: {PRESERVATION},
    Role.MARKET_OFFICER: {APPEALS, ALLIANCE},
    Role.LEADER: set(),
    Role.ADMIN: {APPROVALS, APPEALS, PRESERVATION, ALLIANCE, ADMIN},
}

# Which rows of an area a role sees: all of them, its street's, or its unit's.
SCOPE = {
    Role.WINDOW_CLERK: "all",
    Role.STREET_CLERK: "street",
    Role.DEPT_HANDLER: "unit",
    Role.COURT_CLERK: "all",
    Role.JUDGE: "all",
    Role.MARKET_OFFICER: "all",
    Role.LEADER: "all",
    Role.ADMIN: "all",
}

# Roles that may see ID-card and phone numbers in full (showing one is itself audited).
SEES_FULL_NUMBERS = {Role.JUDGE, Role.COURT_CLERK}

# Only the judge may decide (grant/refuse) a preservation and sign rulings; leaders approve
# a basic-account freeze.
SPECIAL = {
    "preservation.decide": {Role.JUDGE, Role.ADMIN},
    "preservation.approve_basic_account": {Role.LEADER, Role.ADMIN},
    "appeals.approve_extension": {Role.LEADER, Role.ADMIN, Role.WINDOW_CLERK},
    "approvals.catalog_edit": {Role.ADMIN},
    "audit.view": {Role.ADMIN},
}


def can_view(role: Role, area: str) -> bool:
    return area in _VIEW[role]


def can_edit(role: Role, area: str) -> bool:
    return area in _EDIT[role]


def can(role: Role, permission: str) -> bool:
    """``"<area>.view"``, ``"<area>.edit"`` or one of the special permissions."""
    if permission in SPECIAL:
        return role in SPECIAL[permission]
    area, _, verb = permission.partition(".")
    if verb == "view":
        return can_view(role, area)
    if verb == "edit":
        return can_edit(role, area)
    raise ValueError(f"unknown permission {permission!r}")


def visible_areas(role: Role) -> list[str]:
    order = [APPROVALS, APPEALS, PRESERVATION, ALLIANCE, ADMIN]
    return [a for a in order if a in _VIEW[role]]
