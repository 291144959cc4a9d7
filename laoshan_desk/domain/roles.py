"""Roles and what each may do and see: the rules the services enforce.

A role grants permissions (strings like ``"appeals.edit"``) and a *scope*: ``"all"`` rows,
the user's ``"street"`` only, or the user's ``"unit"`` only. The UI hides what a role may not
use; the services refuse it all the same (:func:`laoshan_desk.services.security.require`).
"""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled


class Role(Labelled):
    """The eight roles: the stored code and the Chinese word the screens show."""

    WINDOW_CLERK = ("window_clerk", "窗口工作人员")
    STREET_CLERK = ("street_clerk", "街道工作人员")
    DEPT_HANDLER = ("dept_handler", "部门承办人")
    COURT_CLERK = ("court_clerk", "法院书记员")
    JUDGE = ("judge", "法官")
    MARKET_OFFICER = ("market_officer", "市场监管人员")
    LEADER = ("leader", "领导")
    ADMIN = ("admin", "系统管理员")


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
