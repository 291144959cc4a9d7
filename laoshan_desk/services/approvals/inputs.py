"""What a clerk fills in: the frozen inputs of the project services."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence


# -- inputs ------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class OrderLine:
    """One item as ordered: from the menu, the catalog, or a file (``name``/``days``/``after``
    override the catalog; ``extra_after`` adds to the catalog's prerequisites)."""

    code: str
    classification: str = "must_do"
    reason: str = ""
    name: str | None = None
    days: int | None = None
    after: tuple[str, ...] | None = None
    extra_after: tuple[str, ...] = ()
    department: str | None = None
    responsible: str = ""
    fixed_finish: dt.date | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ProjectInput:
    name: str
    enterprise: str
    credit_code: str
    street: str | uuid.UUID | None
    start_date: dt.date | None
    target_date: dt.date | None
    items: Sequence[OrderLine] = ()
    contact_name: str = ""
    contact_title: str = ""
    contact_phone: str = ""
    address: str = ""
    project_type: str = ""
    description: str = ""
    menu_issued_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class TeamInput:
    role: str
    name: str
    title: str = ""
    department: str = ""
    phone: str = ""


@dataclasses.dataclass(frozen=True)
class LogInput:
    kind: str  # meeting | visit | problem
    on: dt.date
    title: str
    detail: str = ""
    departments: tuple[str, ...] = ()
    owner: str = ""
    solved_on: dt.date | None = None
