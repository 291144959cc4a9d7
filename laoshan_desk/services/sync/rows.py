"""The rows a pull carries, table by table: reading them on the hub, writing them on a desk.

An appeal travels whole: its row and every row of the tables that hang off it (found from the
foreign keys to ``appeal.id``, so a table the appeals area adds travels without a change here).
A desk takes the hub's appeal as it is, replacing its own copy's rows, because the hub holds the
result of every change the desk pushed (replayed there through the services). Reference tables
(the org tree, the calendar, the users, the proxy-service catalog) are upserted row by row.
Rows equal to what the desk has are left alone, so a second pull changes nothing.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select, true, update
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals.steps import SmsState
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.sync import codec
from laoshan_desk.store.base import Base
from laoshan_desk.store.db import Database

# The shared reference a street desk needs, in the order they can be inserted.
REFERENCE = ("unit", "grid", "app_user", "calendar_year", "calendar_override", "proxy_service")
# Columns that are each desk's own: a user's login state (failed attempts, lock, last login) and
# the row version those logins move (it guards the desk's own user screens only).
LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "app_user": frozenset({"failed_logins", "locked_until", "last_login_at", "version"}),
}


def _keep_desk_marks(name: str, have: Mapping[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A desk without an SMS gateway records each due message once in its log and marks it
    未配置短信通道，已记录 (services/appeals/sms.py); the message is the hub's to send. While the
    hub's copy is still waiting unmarked, the desk keeps its mark: taking the hub's blank one
    would show the message as never recorded, and the desk would log it a second time. Once the
    hub has sent it (or given up, or marked it itself), the hub's state is taken."""
    if name == "sms_message" and have.get("last_error") == sms.NOT_CONFIGURED:
        if row.get("state") == SmsState.QUEUED.value and not row.get("last_error"):
            return {**row, "last_error": sms.NOT_CONFIGURED}
    return row


CHUNK = 500
NO_PASSWORD = "!"  # a user of another street travels without a password hash: no login here


def table(name: str) -> Table:
    return Base.metadata.tables[name]


@functools.cache
def appeal_children() -> tuple[Table, ...]:
    """Tables with an ``appeal_id`` that refers to ``appeal.id``, in dependency order."""
    out = []
    for t in Base.metadata.sorted_tables:
        if "appeal_id" in t.c and any(fk.column.table.name == "appeal" for fk in t.c.appeal_id.foreign_keys):
            out.append(t)
    return tuple(out)


def snapshot(source: Database | Session, entity: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
    """One row as JSON (the versions a conflict keeps), or None when it is not there."""
    t = table(entity)
    stmt = select(t).where(t.c.id == entity_id)
    if isinstance(source, Session):
        row = source.execute(stmt).mappings().first()
        return None if row is None else codec.encode_row(t, row)
    with source.session() as s:
        row = s.execute(stmt).mappings().first()
        return None if row is None else codec.encode_row(t, row)


def read(session: Session, t: Table, where: Any = None) -> list[dict[str, Any]]:
    stmt = select(t)
    if where is not None:
        stmt = stmt.where(where)
    if "id" in t.c:
        stmt = stmt.order_by(t.c.id)
    return [codec.encode_row(t, row) for row in session.execute(stmt).mappings()]


def _key(t: Table) -> list[str]:
    return [c.name for c in t.primary_key.columns]


def upsert(session: Session, t: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert or update ``rows`` (JSON) into ``t``; returns how many rows changed. The rows there
    already are read in chunks, compared, and only the differing ones written."""
    own = LOCAL_COLUMNS.get(t.name, frozenset())
    keys = _key(t)
    incoming = [codec.decode_row(t, data) for data in rows]
    if not incoming:
        return 0
    current: dict[tuple[Any, ...], Any] = {}
    if len(keys) == 1:
        k = keys[0]
        for i in range(0, len(incoming), CHUNK):
            ids = [r[k] for r in incoming[i : i + CHUNK]]
            for found in session.execute(select(t).where(t.c[k].in_(ids))).mappings():
                current[(found[k],)] = found
    else:
        for found in session.execute(select(t)).mappings():
            current[tuple(found[k] for k in keys)] = found
    new = []
    changed = 0
    for row in incoming:
        have = current.get(tuple(row[k] for k in keys))
        if have is None:
            new.append({k: v for k, v in row.items() if k not in own})
            continue
        row = _keep_desk_marks(t.name, have, row)
        values = {k: v for k, v in row.items() if k not in own and k not in keys}
        if any(codec.encode_value(have[k]) != codec.encode_value(v) for k, v in values.items()):
            session.execute(update(t).where(*[t.c[k] == row[k] for k in keys]).values(**values))
            changed += 1
    for i in range(0, len(new), CHUNK):
        session.execute(insert(t), new[i : i + CHUNK])
    return changed + len(new)


def replace_children(session: Session, t: Table, appeal_ids: Sequence[uuid.UUID], rows: list[dict[str, Any]]) -> int:
    """The hub's rows of ``t`` for these appeals, and no others; returns how many changed."""
    incoming = {uuid.UUID(str(r["id"])) for r in rows}
    keep = t.c.id.not_in(incoming) if incoming else true()
    stale = list(session.scalars(select(t.c.id).where(t.c.appeal_id.in_(appeal_ids), keep)))
    if stale:
        session.execute(delete(t).where(t.c.id.in_(stale)))
    return len(stale) + upsert(session, t, rows)


def strip_password(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "password_hash": NO_PASSWORD}
