"""The organisation: streets, communities (villages), district departments, and grids.

Streets, communities and departments are all *units* — anything an appeal can be sent to or a
user can belong to — told apart by ``kind``. Grids hang under communities.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from laoshan_desk.store.base import Base, UUIDPk

UNIT_KINDS = ("street", "community", "village", "department")


class Unit(UUIDPk, Base):
    __tablename__ = "unit"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    short_name: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    # The street a community belongs to (itself for a street, none for a department).
    street_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("unit.id"), index=True)
    grants_approvals: Mapped[bool] = mapped_column(default=False)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    # What kind of code ``code`` is: "statistical" (the official division code of a street) or
    # "local" (this desk's own numbering of communities, villages and departments).
    code_kind: Mapped[str] = mapped_column(String(16), default="local")
    former_village: Mapped[bool] = mapped_column(default=False)  # a village made an urban community (村改居)


class Grid(UUIDPk, Base):
    __tablename__ = "grid"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    community_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
