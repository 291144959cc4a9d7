"""Pull: what changed for a street since the last pull, from the hub to the street's desk.

The watermark is the hub's audit sequence: every write there is audited in its own transaction
under the writers' lock (store/db.py), so the sequence grows in commit order and "appeals with
an audit record after N" is exactly what changed since N. The hub sends the reference tables
and, in batches, the street's appeals that changed (dispatched to it, placed in it, or the desk
asked to refresh after a push), each appeal whole (:mod:`.rows`). Appeals that left the
street's scope come back as ``gone``.

The desk applies each batch in one transaction with one audit record, and moves its watermark
only with the last batch, so a desk killed half-way pulls again from where it was. An appeal with
a change still waiting in the outbox, or an open conflict, is not overwritten (docs/hall.md,
"Never over unpushed work"); it is taken once the change has been answered or the conflict resolved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import JSON, Integer, String, Uuid, column, delete, func, or_, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from laoshan_desk.domain.errors import ConflictError
from laoshan_desk.services import calendar, uow
from laoshan_desk.services.context import system_actor
from laoshan_desk.services.sync import codec, outbox, rows
from laoshan_desk.services.sync import files as sync_files
from laoshan_desk.services.sync.push import peer_of
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import AuditRecord, Unit
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.models.sync import OutboxEntry, SyncConflict
from laoshan_desk.store.queries import appeals as q

BATCH = 500
CALENDAR_TABLES = frozenset({"calendar_year", "calendar_override"})


def _uuids(values: Any) -> set[uuid.UUID]:
    out = set()
    for v in values:
        try:
            out.add(uuid.UUID(str(v)))
        except ValueError:
            continue
    return out


def _sms_sent() -> TableClause:
    """Migration 0035_street_private's view of the SMS outbox's sends (their ``after``): what a
    street's PostgreSQL login reads instead of the audit records' contents."""
    return table("desk_sms_sent", column("seq", Integer), column("after", JSON))


def _has_sms_view(s: Session) -> bool:
    """A PostgreSQL hub at migration 0035 or later (an older hub's audit is read directly)."""
    if s.get_bind().dialect.name != "postgresql":
        return False
    return s.scalar(text("SELECT to_regclass('desk_sms_sent') IS NOT NULL")) is True


def _street_passwords() -> TableClause:
    """Migration 0035's view of the street's own users' password hashes (the only ones a
    street's login may read)."""
    return table("desk_street_password", column("id", Uuid), column("password_hash", String))


def _street_login(s: Session) -> bool:
    """Whether the hub is read with a street's login (no right to the users' password hashes)."""
    if s.get_bind().dialect.name != "postgresql":
        return False
    return not s.scalar(text("SELECT has_column_privilege('app_user', 'password_hash', 'SELECT')"))


def _users(s: Session, street_units: set[uuid.UUID]) -> list[dict[str, Any]]:
    """Every user; the street's own with their password hash, the others' stripped of it."""
    t = rows.table("app_user")
    if not _street_login(s):
        got = rows.read(s, t)
        return [r if _uuids([r.get("unit_id")]) & street_units else rows.strip_password(r) for r in got]
    view = _street_passwords()
    hashes = {str(i): h for i, h in s.execute(select(view.c.id, view.c.password_hash))}
    readable = [c for c in t.c if c.name != "password_hash"]
    got = [codec.encode_row(t, row) for row in s.execute(select(*readable).order_by(t.c.id)).mappings()]
    return [{**r, "password_hash": hashes.get(str(r["id"]), rows.NO_PASSWORD)} for r in got]


def _reference(s: Session, street_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    street_units = set(s.scalars(select(Unit.id).where(or_(Unit.id == street_id, Unit.street_id == street_id))))
    out = {}
    for name in rows.REFERENCE:
        out[name] = _users(s, street_units) if name == "app_user" else rows.read(s, rows.table(name))
    return out


def _touched(s: Session, since: int, top: int) -> set[uuid.UUID]:
    """Appeals written at the hub between the two audit sequences: those audited as ``appeal``,
    and the appeals of rows audited under a table hanging off it (an 上传附件 is audited as
    ``attachment``, a re-queued SMS as ``sms_message``, a send as ``sms_outbox`` naming them)."""
    children = {t.name: t for t in rows.appeal_children()}
    got = s.execute(
        select(AuditRecord.entity, AuditRecord.entity_id)
        .where(AuditRecord.seq > since, AuditRecord.seq <= top, AuditRecord.entity.in_(["appeal", *children]))
        .distinct()
    ).all()
    out = _uuids(ident for entity, ident in got if entity == "appeal")
    # A send of the SMS outbox is one audit record naming its messages (services/appeals/sms.py).
    if _has_sms_view(s):  # a street's login reads no record's contents
        view = _sms_sent()
        sent = s.scalars(select(view.c.after).where(view.c.seq > since, view.c.seq <= top))
    else:
        sent = s.scalars(
            select(AuditRecord.after).where(
                AuditRecord.seq > since, AuditRecord.seq <= top, AuditRecord.entity == "sms_outbox"
            )
        )
    messages = _uuids(m for after in sent if isinstance(after, dict) for m in after.get("messages") or [])
    for name, t in children.items():
        ids = sorted(_uuids(ident for entity, ident in got if entity == name))
        if name == "sms_message":
            ids = sorted(set(ids) | messages)
        for i in range(0, len(ids), BATCH):
            out |= set(s.scalars(select(t.c.appeal_id).where(t.c.id.in_(ids[i : i + BATCH]))))
    return {i for i in out if i is not None}


def share(
    hub: Database, peer_id: uuid.UUID, *, since: int, asked: list[str], batch: int = BATCH
) -> Iterator[dict[str, Any]]:
    """On the hub: the street's share since ``since``, as batches; the last has ``last: True``."""
    peer = peer_of(hub, peer_id)
    scope = q.scope_condition("street", peer.street_id, peer.street_id)
    with hub.session() as s:
        top = s.scalar(select(func.max(AuditRecord.seq))) or 0
        wanted = _uuids(asked)
        if since <= 0:
            ids = list(s.scalars(select(Appeal.id).where(scope).order_by(Appeal.seq)))
            gone: list[uuid.UUID] = []
        else:
            wanted |= _touched(s, since, top)
            ids = []
            chunk = list(wanted)
            for i in range(0, len(chunk), BATCH):
                part = chunk[i : i + BATCH]
                ids += list(s.scalars(select(Appeal.id).where(Appeal.id.in_(part), scope).order_by(Appeal.seq)))
            gone = sorted(wanted - set(ids))
        reference = _reference(s, peer.street_id)
    chunks = [ids[i : i + batch] for i in range(0, len(ids), batch)] or [[]]
    for n, part in enumerate(chunks):
        with hub.session() as s:
            appeal_rows = rows.read(s, rows.table("appeal"), Appeal.id.in_(part)) if part else []
            children = {
                t.name: rows.read(s, t, t.c.appeal_id.in_(part)) if part else [] for t in rows.appeal_children()
            }
        last = n == len(chunks) - 1
        yield {
            "reference": reference if n == 0 else {},
            "appeals": appeal_rows,
            "children": children,
            "gone": [str(g) for g in gone] if last else [],
            "asked": asked if last else [],
            "watermark": top,
            "last": last,
        }


def held_ids(s: Session) -> set[uuid.UUID]:
    """Appeals with a change waiting in the outbox or an open conflict: not overwritten."""
    held = set(s.scalars(select(SyncConflict.entity_id).where(SyncConflict.state == "open")))
    for base in s.scalars(select(OutboxEntry.base).where(OutboxEntry.state == outbox.PENDING)):
        held |= _uuids(k.partition(":")[2] for k in base)
    return held


def to_refresh(s: Session) -> list[str]:
    """Appeals whose changes were answered since they were last taken from the hub."""
    out: set[str] = set()
    stmt = select(OutboxEntry.base).where(OutboxEntry.state != outbox.PENDING, OutboxEntry.refreshed.is_(False))
    for base in s.scalars(stmt):
        out |= {k.partition(":")[2] for k in base}
    return sorted(out)


@dataclasses.dataclass(frozen=True)
class PullReport:
    batches: int = 0
    appeals: int = 0  # appeals taken (new or changed)
    changed_rows: int = 0  # rows of any table written
    held: int = 0  # appeals left alone: a change waiting or a conflict open
    watermark: int = 0
    files: int = 0  # attached files taken from the hub


def apply_batch(desk: Database, batch: dict[str, Any], *, now: dt.datetime) -> PullReport:
    """On the desk: one batch, in one transaction with one audit record. A calendar that changed
    is dropped from the desk's cache after the commit (as the calendar's own services do), so the
    desk's screens count with the hub's days at once, not from the next start."""
    with uow.unit_of_work(desk, system_actor("sync"), now) as work:
        s = work.session
        link = outbox.link_of(s)
        if link is None:
            raise ConflictError(outbox.NOT_LINKED)
        if desk.dialect == "sqlite":
            # The batch is consistent only as a whole (an event before its user, a merged appeal
            # before its target): the foreign keys are checked at commit.
            s.execute(text("PRAGMA defer_foreign_keys=ON"))
        q.ensure_fts(s.connection())
        changed = calendar_rows = 0
        for name in rows.REFERENCE:
            got = rows.upsert(s, rows.table(name), batch["reference"].get(name, []))
            changed += got
            calendar_rows += got if name in CALENDAR_TABLES else 0
        held = held_ids(s)
        taken = [r for r in batch["appeals"] if uuid.UUID(str(r["id"])) not in held]
        ids = [uuid.UUID(str(r["id"])) for r in taken]
        appeals_changed = rows.upsert(s, rows.table("appeal"), taken)
        changed += appeals_changed
        for t in rows.appeal_children():
            mine = [r for r in batch["children"].get(t.name, []) if uuid.UUID(str(r["appeal_id"])) in set(ids)]
            changed += rows.replace_children(s, t, ids, mine) if ids else 0
        gone = [g for g in rows_ids(batch.get("gone", [])) if g not in held]
        changed += _forget(s, gone)
        refreshed = {str(i) for i in ids} | {str(g) for g in gone} | set(batch.get("asked", []))
        for entry in s.scalars(
            select(OutboxEntry).where(OutboxEntry.state != outbox.PENDING, OutboxEntry.refreshed.is_(False))
        ):
            if any(k.partition(":")[2] in refreshed for k in entry.base) or not entry.base:
                entry.refreshed = True
        if batch.get("last"):
            link.watermark = int(batch["watermark"])
            link.last_sync_at, link.last_error = now, ""
        if changed:
            work.audit("sync", "sync_pull", None, f"同步下载：{len(ids)} 件诉求，{changed} 行")
        held_here = len(batch["appeals"]) - len(taken)
        report = PullReport(1, appeals_changed, changed, held_here, link.watermark)
    if calendar_rows:
        calendar.forget_calendar(desk)
    return report


def rows_ids(values: list[str]) -> list[uuid.UUID]:
    return sorted(_uuids(values))


def _forget(s: Session, gone: list[uuid.UUID]) -> int:
    """Appeals that left the street's scope at the hub: the desk's copies go."""
    present = list(s.scalars(select(Appeal.id).where(Appeal.id.in_(gone)))) if gone else []
    if not present:
        return 0
    for t in reversed(rows.appeal_children()):
        s.execute(delete(t).where(t.c.appeal_id.in_(present)))
    s.execute(delete(Appeal).where(Appeal.id.in_(present)))
    return len(present)


def pull(desk: Database, hub: Any, *, now: dt.datetime) -> PullReport:
    """On the desk: take the street's share from ``hub`` (a :class:`~.transport.Hub`)."""
    with desk.session() as s:
        link = outbox.link_of(s)
        if link is None:
            raise ConflictError(outbox.NOT_LINKED)
        peer_id, since, asked = link.peer_id, link.watermark, to_refresh(s)
    total = PullReport(watermark=since)
    for batch in hub.share(peer_id, since=since, asked=asked):
        got = apply_batch(desk, batch, now=now)
        total = PullReport(
            total.batches + 1,
            total.appeals + got.appeals,
            total.changed_rows + got.changed_rows,
            total.held + got.held,
            got.watermark,
        )
    # Files of attachment rows this desk lacks (attached at the hall): by hash, once, capped.
    total = dataclasses.replace(total, files=sync_files.fetch_missing(desk, functools.partial(hub.files, peer_id)))
    return total
