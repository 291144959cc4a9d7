"""Declarative base and the column types every model shares.

- primary keys are UUIDs (street offices work offline and merge later);
- :class:`AwareDateTime` stores UTC and hands back Asia/Shanghai-aware datetimes on every dialect;
- :data:`Money` is ``Numeric(16, 2)`` read back as ``Decimal``: money is never a float.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, Numeric, TypeDecorator, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from laoshan_desk.domain.timeutil import TZ

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class AwareDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware datetimes: stored as UTC, returned in Asia/Shanghai."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to an AwareDateTime column")
        utc = value.astimezone(dt.timezone.utc)
        # SQLite has no time zones: keep a naive UTC value there, aware elsewhere.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(TZ)


Money = Numeric(16, 2, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dt.datetime: AwareDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class UUIDPk:
    """Mixin: a UUID primary key made on the client (works offline, merges later)."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
