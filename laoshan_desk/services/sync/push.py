"""Push: the hub replays a street desk's changes through the same services, as the same user.

:func:`apply_changes` runs on the hub. Each change is called as the registered service
(``uow.SERVICES``) with the form the street's clerk filled in, as that clerk — the user looked up
in the hub's own table, its role and street from there, never from the desk — so permission and
row scope are checked by the services themselves. The change id is written to ``sync_applied``
in the same transaction as the change (a commit hook), so a change replayed twice (a second push,
a desk killed before it heard the answer) is answered from that table and changes nothing. A
change whose row moved on at the hub since the desk read it is a conflict: nothing is applied,
and the hub's row goes back to the desk beside the desk's own (docs/hall.md, "What happens to
each kind of conflict"). Any other refusal (no permission, not in scope, a rule) is recorded and
reported, not applied.

:func:`push` runs on the desk: it sends the outbox in order and records each answer, one
transaction per batch, with one audit record.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import functools
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from laoshan_desk.domain.errors import ConflictError, DeskError, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as _appeals  # noqa: F401 - registers the appeals' services
from laoshan_desk.services import uow
from laoshan_desk.services.context import Actor, system_actor
from laoshan_desk.services.sync import codec, outbox
from laoshan_desk.services.sync import files as sync_files
from laoshan_desk.services.sync.rows import snapshot
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User
from laoshan_desk.store.models.sync import AppliedChange, OutboxEntry, SyncConflict, SyncPeer

BATCH = 200
UNKNOWN_PEER = "区级数据库不认识本窗口（未连接或连接已撤销），请重新执行 laoshan-desk link"
UNKNOWN_SERVICE = "区级数据库不支持此操作的同步：{}"
NOT_STREET_USER = "操作人不是本街道的用户，区级数据库拒绝"
STALE_AT_HUB = "区级数据库中该记录已被他人修改（两边的版本都已保留，请在“同步冲突”中处理）"
OTHER_STREET = "街道窗口只能受理本街道的诉求，区级数据库拒绝"
# Services whose form names the street the new record is for: a desk makes records of its own
# street only (docs/hall.md, "受理 on a street desk").
STREET_OF_FORM = frozenset({"appeals.intake"})
# Changes that only add to a record (a progress note or an attachment on each side) merge without
# a clerk: the note or the file goes onto the hub's newer version when the service still accepts
# it there.
ADDITIVE = frozenset({"appeals.progress", "appeals.attach"})


@dataclasses.dataclass(frozen=True)
class _Replay:
    change_id: uuid.UUID
    peer_id: uuid.UUID


_REPLAY: contextvars.ContextVar[_Replay | None] = contextvars.ContextVar("desk_replay", default=None)


def _mark_applied(work: uow.Work, call: uow.Call) -> None:
    """Commit hook on the hub: the change id of a replayed change, beside the change."""
    replay = _REPLAY.get()
    if replay is None:
        return
    work.session.add(
        AppliedChange(
            change_id=replay.change_id,
            peer_id=replay.peer_id,
            service=call.service,
            outcome=outbox.APPLIED,
            message="",
            at=work.now,
        )
    )


uow.COMMIT_HOOKS.append(_mark_applied)


def _answer(change_id: str, outcome: str, message: str = "", theirs: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"change_id": change_id, "outcome": outcome, "message": message, "theirs": theirs}


def _actor(hub: Database, peer: SyncPeer, user_id: str | None) -> Actor | None:
    """The street's user as the hub knows it; None when it is not an active user of that street."""
    if user_id is None:
        return None
    with hub.session() as s:
        user = s.get(User, uuid.UUID(user_id))
        if user is None or not user.active or user.unit_id is None:
            return None
        unit = s.get(Unit, user.unit_id)
        if unit is None or (unit.street_id or unit.id) != peer.street_id:
            return None
        # Role and street from the hub's own tables (as services/auth.py builds a login's actor).
        return Actor(
            user_id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=Role(user.role),
            unit_id=user.unit_id,
            street_id=unit.street_id,
            unit_name=unit.name,
        )


def _refuse(hub: Database, peer: SyncPeer, cid: uuid.UUID, service: str, message: str, now: dt.datetime) -> None:
    """Remember a refusal, so that the same change asked again gets the same answer."""
    actor = system_actor("sync")
    try:
        with uow.unit_of_work(hub, actor, now) as work:
            work.session.add(
                AppliedChange(
                    change_id=cid, peer_id=peer.id, service=service, outcome=outbox.REFUSED, message=message, at=now
                )
            )
            work.audit("refuse", "sync_change", cid, f"拒绝街道窗口的同步操作 {service}：{message}"[:300])
    except IntegrityError:
        pass  # another push of the same change got there first


def _current_version(hub: Database, base: dict[str, Any]) -> tuple[str, uuid.UUID, int | None] | None:
    for key in base:
        entity, _, ident = key.partition(":")
        if entity == "appeal":
            row = snapshot(hub, "appeal", uuid.UUID(ident))
            return entity, uuid.UUID(ident), None if row is None else int(row["version"])
    return None


def _apply_one(
    hub: Database, peer: SyncPeer, change: dict[str, Any], now: dt.datetime, sent: dict[str, bytes]
) -> dict[str, Any]:
    raw_id = str(change.get("change_id", ""))
    try:
        cid = uuid.UUID(raw_id)
    except ValueError:
        return _answer(raw_id, outbox.REFUSED, codec.BAD_CHANGE)
    with hub.session() as s:
        done = s.get(AppliedChange, cid)
        if done is not None:
            return _answer(raw_id, done.outcome, done.message)
    service = str(change.get("service", ""))
    fn: Callable[..., Any] | None = uow.SERVICES.get(service)
    if fn is None:
        _refuse(hub, peer, cid, service, UNKNOWN_SERVICE.format(service), now)
        return _answer(raw_id, outbox.REFUSED, UNKNOWN_SERVICE.format(service))
    actor = _actor(hub, peer, change.get("user_id"))
    if actor is None:
        _refuse(hub, peer, cid, service, NOT_STREET_USER, now)
        return _answer(raw_id, outbox.REFUSED, NOT_STREET_USER)
    token = _REPLAY.set(_Replay(cid, peer.id))
    try:
        form = codec.decode_form(fn, change.get("form") or {})
        at = dt.datetime.fromisoformat(str(change["at"]))
        if service in STREET_OF_FORM and getattr(form, "street_id", None) != peer.street_id:
            _refuse(hub, peer, cid, service, OTHER_STREET, now)
            return _answer(raw_id, outbox.REFUSED, OTHER_STREET)
        files = contextlib.ExitStack()
        with files:
            if change.get("files"):
                paths = sync_files.materialise(hub, files, change["files"], sent)
                if paths is None:  # not answered: the desk sends the file with its next push
                    return _answer(raw_id, outbox.PENDING, sync_files.FILE_MISSING)
                form = _with_files(form, paths)
            return _replay(hub, fn, actor, form, change, raw_id, service, at)
    except IntegrityError:
        # The same change applied by a concurrent push: its answer is in the table now.
        with hub.session() as s:
            done = s.get(AppliedChange, cid)
        if done is None:
            raise
        return _answer(raw_id, done.outcome, done.message)
    except DeskError as exc:
        _refuse(hub, peer, cid, service, exc.message, now)
        return _answer(raw_id, outbox.REFUSED, exc.message)
    finally:
        _REPLAY.reset(token)


def _with_files(form: Any, paths: tuple[Path, ...]) -> Any:
    """The form with the hub's copies of its files in place of the desk's paths: an intake's
    ``attachments``, an 上传附件's one ``path``."""
    if hasattr(form, "attachments"):
        return dataclasses.replace(form, attachments=paths)
    if hasattr(form, "path") and len(paths) == 1:
        return dataclasses.replace(form, path=paths[0])
    raise ValidationError(codec.BAD_CHANGE, field="file")


def _replay(
    hub: Database,
    fn: Callable[..., Any],
    actor: Actor,
    form: Any,
    change: dict[str, Any],
    raw_id: str,
    service: str,
    at: dt.datetime,
) -> dict[str, Any]:
    """The service called as the street's user; a stale version is a conflict, or merged when
    the change only adds (docs/hall.md, "What happens to each kind of conflict")."""
    try:
        fn(hub, actor, form, now=at)
    except ConflictError:
        current = _current_version(hub, change.get("base") or {})
        if current is None or current[2] is None:
            raise
        if service not in ADDITIVE:
            return _answer(raw_id, outbox.CONFLICT, STALE_AT_HUB, snapshot(hub, current[0], current[1]))
        try:
            fn(hub, actor, dataclasses.replace(form, version=current[2]), now=at)
        except ConflictError:  # a hall counter saved in between: a conflict, not a refusal
            current = _current_version(hub, change.get("base") or {}) or current
            return _answer(raw_id, outbox.CONFLICT, STALE_AT_HUB, snapshot(hub, current[0], current[1]))
    return _answer(raw_id, outbox.APPLIED)


def peer_of(hub: Database, peer_id: uuid.UUID) -> SyncPeer:
    with hub.session() as s:
        peer = s.get(SyncPeer, peer_id)
        if peer is None:
            raise ConflictError(UNKNOWN_PEER)
        return peer


def apply_changes(
    hub: Database,
    peer_id: uuid.UUID,
    changes: list[dict[str, Any]],
    *,
    now: dt.datetime,
    files: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """On the hub: keep the files sent, then replay a street desk's changes in order; one answer
    per change."""
    peer = peer_of(hub, peer_id)
    sent = sync_files.verified(files or {})
    if sent:
        sync_files.store_files(hub, peer, sent, now=now)
    answers = []
    for change in changes:
        answers.append(_apply_one(hub, peer, change, now, sent))
        if answers[-1]["outcome"] == outbox.PENDING:
            break  # the changes after it wait with it, in order
    return answers


@dataclasses.dataclass(frozen=True)
class PushReport:
    sent: int = 0
    applied: int = 0
    refused: int = 0
    conflicts: int = 0


def record_answers(desk: Database, answers: list[dict[str, Any]], *, now: dt.datetime) -> PushReport:
    """On the desk: the hub's answers, in one transaction with one audit record."""
    counts = {outbox.APPLIED: 0, outbox.REFUSED: 0, outbox.CONFLICT: 0}
    with uow.unit_of_work(desk, system_actor("sync"), now) as work:
        s = work.session
        for answer in answers:
            entry = s.get(OutboxEntry, uuid.UUID(answer["change_id"]))
            if entry is None or entry.state != outbox.PENDING:
                continue  # answered before (a second push of the same file)
            outcome = answer["outcome"]
            if outcome == outbox.PENDING:  # not taken yet (a file still on its way): sent again
                entry.message = answer.get("message") or ""
                continue
            counts[outcome] = counts.get(outcome, 0) + 1
            entry.state, entry.message = outcome, answer.get("message") or ""
            if outcome == outbox.CONFLICT:
                _keep_both(work, entry, answer.get("theirs") or {})
        if answers:
            work.audit(
                "sync",
                "sync_push",
                None,
                f"同步上传 {len(answers)} 项：接受 {counts[outbox.APPLIED]}，拒绝 {counts[outbox.REFUSED]}，"
                f"冲突 {counts[outbox.CONFLICT]}",
            )
    return PushReport(len(answers), counts[outbox.APPLIED], counts[outbox.REFUSED], counts[outbox.CONFLICT])


def _keep_both(work: uow.Work, entry: OutboxEntry, theirs: dict[str, Any]) -> None:
    from_base = next(iter(entry.base), "appeal:")
    entity, _, ident = from_base.partition(":")
    entity_id = uuid.UUID(ident)
    mine = snapshot(work.session, entity, entity_id) or {}
    work.session.add(
        SyncConflict(
            id=uuid.uuid4(),
            change_id=entry.change_id,
            service=entry.service,
            entity=entity,
            entity_id=entity_id,
            label=str(mine.get("number") or theirs.get("number") or ""),
            mine={"row": mine, "form": entry.form},
            theirs={"row": theirs},
            message=entry.message,
            found_at=work.now,
            state="open",
            resolution="",
            resolved_by="",
        )
    )


def push(desk: Database, hub: Any, *, now: dt.datetime) -> PushReport:
    """On the desk: send the outbox to ``hub`` (a :class:`~.transport.Hub`) batch by batch."""
    total = PushReport()
    while True:
        with desk.session() as s:
            link = outbox.link_of(s)
            if link is None:
                raise ConflictError(outbox.NOT_LINKED)
            peer_id = link.peer_id
            batch = [outbox.message_of(e) for e in outbox.pending(s, BATCH)]
        if not batch:
            return total
        files = sync_files.files_to_send(desk, batch, functools.partial(hub.missing, peer_id))
        got = record_answers(desk, hub.apply(peer_id, batch, now=now, files=files), now=now)
        total = PushReport(
            total.sent + got.sent,
            total.applied + got.applied,
            total.refused + got.refused,
            total.conflicts + got.conflicts,
        )
        if got.sent < len(batch) or got.applied + got.refused + got.conflicts < got.sent:
            return total  # the rest waits for the next sync


def open_conflict_ids(desk: Database) -> set[uuid.UUID]:
    with desk.session() as s:
        return set(s.scalars(select(SyncConflict.entity_id).where(SyncConflict.state == "open")))
