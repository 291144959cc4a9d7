"""Attached files travel between a street desk and the hub by content hash, once (docs/hall.md,
"受理 on a street desk" and "Files the hall attached").

To the hub: before each batch the desk asks the hub which of the batch's files it lacks and sends
only those (:func:`files_to_send`); the hub keeps them in ``sync_file``, each checked against its
hash (:func:`store_files`), and gives them to the replayed service as files under their names
(:func:`materialise`). The file route cannot ask, so a push file carries every file its changes
attached.

To the desk: a file attached at the hall lives on that counter's disk, which no desk can reach, so
a hub (a database some desk is linked to) also keeps in ``sync_file`` every file a registered call
attached there (:func:`_keep_on_hub`, a commit hook). After a pull the desk asks for the files
of its attachment rows that it lacks (:func:`fetch_missing`); the hub answers only for its
street's appeals, each file at most :data:`PULL_FILE_MAX` and :data:`PULL_BATCH_BYTES` an answer
(:func:`files_for`). A file over the cap stays at the hub: the desk says 附件文件已丢失 for it.

At the hall: a file a desk sent is in ``sync_file`` but on no counter's disk (the replay stored
it on the machine that ran it); a counter opening it takes it from there (:func:`_from_hub`).

So ``sync_file`` is the hub's only copy of every file an attachment row there names, and those
stay. :func:`prune_files` (``sync prune`` on the hub) drops the others — the files of changes
the hub refused or that met a conflict, of a push killed between its files and its changes —
once they are older than a minimum age: a change still waiting on a desk that needs one finds
it missing at its next push and the desk sends it again (it asks first; a push file carries
every file), so a pruned file costs a resend, never a change.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.inputs import check_count
from laoshan_desk.services import attachments as content
from laoshan_desk.services import uow
from laoshan_desk.services.appeals import attachments as appeal_files
from laoshan_desk.services.context import Actor, system_actor
from laoshan_desk.services.sync import outbox
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, Attachment
from laoshan_desk.store.models.sync import SyncFile, SyncPeer
from laoshan_desk.store.queries import appeals as q

FILE_MISSING = "诉求的附件未送达区级数据库（请在本窗口重新同步）"
PULL_FILE_MAX = 50 * 1024 * 1024  # a file larger than this is not carried to a desk
PULL_BATCH_BYTES = 64 * 1024 * 1024  # the files of one answer (the desk asks again for the rest)
ASK = 200  # hashes a desk asks about at once
HALL = uuid.UUID(int=0)  # sync_file.peer_id of a file attached at the hub itself


def materialise(
    hub: Database, stack: contextlib.ExitStack, files: list[dict[str, Any]], sent: dict[str, bytes] | None = None
) -> tuple[Path, ...] | None:
    """The change's files, from the hub's copies (or those sent with this push: a street's login
    does not see a file another street sent first, row-level security, migration 0034), as files
    the service can store under their names; None when one has not reached the hub."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="desk-sync-")))
    out = []
    with hub.session() as s:
        for n, item in enumerate(files):
            sha = str(item.get("sha256", ""))
            got = s.get(SyncFile, sha)
            data = got.data if got is not None else (sent or {}).get(sha)
            if data is None:
                return None
            target = folder / str(n) / (Path(str(item.get("name") or "附件")).name or "附件")
            target.parent.mkdir()
            target.write_bytes(data)
            out.append(target)
    return tuple(out)


def missing_files(hub: Database, hashes: Iterable[str]) -> list[str]:
    """On the hub: which of these files it does not hold yet (so each travels once)."""
    wanted = sorted(set(hashes))
    with hub.session() as s:
        have = set(s.scalars(select(SyncFile.sha256).where(SyncFile.sha256.in_(wanted)))) if wanted else set()
    return [h for h in wanted if h not in have]


def verified(files: dict[str, str]) -> dict[str, bytes]:
    """Files sent (base64 by hash), decoded; those whose bytes do not match their hash left out."""
    out = {}
    for sha, encoded in files.items():
        try:
            data = base64.b64decode(encoded, validate=True)
        except ValueError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            out[sha] = data
    return out


def store_files(hub: Database, peer: SyncPeer, todo: dict[str, bytes], *, now: dt.datetime) -> int:
    """On the hub: files a desk sent (:func:`verified`); one unit of work with one audit record."""
    fresh = set(missing_files(hub, todo))
    if not fresh:
        return 0
    try:
        with uow.unit_of_work(hub, system_actor("sync"), now) as work:
            for sha in sorted(fresh):
                data = todo[sha]
                work.session.add(SyncFile(sha256=sha, size=len(data), data=data, peer_id=peer.id, received_at=now))
            work.audit("create", "sync_file", None, f"收到街道窗口的附件 {len(fresh)} 个")
    except IntegrityError:
        return 0  # a concurrent push of the same files got there first
    return len(fresh)


def files_to_send(
    desk: Database, batch: list[dict[str, Any]], missing: Callable[[list[str]], list[str]]
) -> dict[str, str]:
    """On the desk: the batch's files the hub lacks, base64 by hash (a file lost here is not sent:
    the hub then answers that it has not arrived)."""
    hashes = sorted({str(f["sha256"]) for change in batch for f in change.get("files") or []})
    if not hashes:
        return {}
    out = {}
    for sha in missing(hashes):
        try:
            out[sha] = base64.b64encode(content.get(sha)).decode("ascii")
        except DeskError:
            continue
    return out


def _keep_on_hub(work: uow.Work, call: uow.Call) -> None:
    """Commit hook on a hub: the files a call attached there (an intake's, an 上传附件's) go into
    ``sync_file`` beside the rows, so a street desk can take them (a desk's own files are there
    already: it sent them). Only on a database some desk is linked to; within the cap."""
    if not getattr(call.form, "attachments", ()) and getattr(call.form, "attachment_id", None) is None:
        return
    s = work.session
    if outbox.link_of(s) is not None or s.scalars(select(SyncPeer.id).limit(1)).first() is None:
        return
    for item in outbox.files_of(s, call.form):
        sha = str(item["sha256"])
        if s.get(SyncFile, sha) is not None or not content.exists(sha):
            continue
        if content.path_of(sha).stat().st_size > PULL_FILE_MAX:
            continue
        data = content.get(sha)
        s.add(SyncFile(sha256=sha, size=len(data), data=data, peer_id=HALL, received_at=work.now))


uow.COMMIT_HOOKS.append(_keep_on_hub)


def files_for(hub: Database, peer: SyncPeer, hashes: Iterable[str]) -> dict[str, str]:
    """On the hub: the files (base64 by hash) of attachments of the street's appeals among
    ``hashes``, from ``sync_file`` or this machine's store; none over :data:`PULL_FILE_MAX`, and
    no more than :data:`PULL_BATCH_BYTES` in all (the desk asks again for the rest)."""
    wanted = sorted(set(hashes))[:ASK]
    if not wanted:
        return {}
    scope = q.scope_condition("street", peer.street_id, peer.street_id)
    out: dict[str, str] = {}
    total = 0
    with hub.session() as s:
        theirs = set(
            s.scalars(
                select(Attachment.sha256)
                .join(Appeal, Appeal.id == Attachment.appeal_id)
                .where(Attachment.sha256.in_(wanted), scope)
                .distinct()
            )
        )
        for sha in sorted(theirs):
            data = _bytes_at_hub(s, sha)
            if data is None or len(data) > PULL_FILE_MAX:
                continue
            if out and total + len(data) > PULL_BATCH_BYTES:
                break
            total += len(data)
            out[sha] = base64.b64encode(data).decode("ascii")
    return out


def _bytes_at_hub(s: Session, sha: str) -> bytes | None:
    kept = s.get(SyncFile, sha)
    if kept is not None:
        return kept.data
    try:
        return content.get(sha)
    except DeskError:
        return None


def lacking(desk: Database) -> list[str]:
    """On the desk: the files its attachment rows name that are not in its store."""
    with desk.session() as s:
        hashes = set(s.scalars(select(Attachment.sha256).distinct()))
    return sorted(h for h in hashes if not _have(h))


def _have(sha: str) -> bool:
    try:
        return content.exists(sha)
    except DeskError:  # not a hash at all: nothing to fetch
        return True


def keep_files(files: dict[str, str]) -> set[str]:
    """On the desk: files the hub sent, each checked against its hash, into the store; the
    hashes now held."""
    kept = set()
    for sha, encoded in files.items():
        try:
            data = base64.b64decode(encoded, validate=True)
        except ValueError:
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            continue
        if not _have(sha):
            _put(sha, data)
        kept.add(sha)
    return kept


def _put(sha: str, data: bytes) -> None:
    target = content.path_of(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(target)


def _from_hub(s: Session, sha: str) -> None:
    """At a hall counter (any machine on the hub): a file a street desk sent, from ``sync_file``
    into this machine's store, so the counter opens it (checked against its hash)."""
    kept = s.get(SyncFile, sha)
    if kept is not None and hashlib.sha256(kept.data).hexdigest() == sha:
        _put(sha, kept.data)


appeal_files.FETCHERS.append(_from_hub)


def fetch_missing(desk: Database, ask: Callable[[list[str]], dict[str, str]]) -> int:
    """On the desk, after a pull: ask the hub for the files it lacks (each once a sync), until it
    has them or the hub sends no more; how many were taken."""
    kept = 0
    done: set[str] = set()
    while True:
        todo = [h for h in lacking(desk) if h not in done][:ASK]
        if not todo:
            return kept
        got = keep_files(ask(todo))
        kept += len(got)
        if not got:
            return kept
        # Asked and not sent (over the cap, not the street's, not at the hub): not asked again
        # this sync; sent but past one answer's byte cap: asked again.
        done |= got | {h for h in todo if h not in got and h < max(got)}


PRUNE_BATCH = 500  # files dropped in one unit of work (one audit record naming them)
PRUNE_MIN_DAYS = 1
PRUNE_MAX_DAYS = 3650  # ten years: a longer wait is a typing slip (and would overflow the date)


@dataclasses.dataclass(frozen=True)
class PruneForm:
    """清理同步附件: drop the files no attachment row names that the hub received more than
    ``older_than_days`` days ago."""

    older_than_days: int = 30


@dataclasses.dataclass(frozen=True)
class PruneReport:
    files: int  # dropped
    size: int  # their bytes
    kept: int  # files left in sync_file


def prune_files(hub: Database, actor: Actor, form: PruneForm, *, now: dt.datetime) -> PruneReport:
    """On the hub (the district's admin): drop from ``sync_file`` what nothing there needs — no
    attachment row at the hub names it — received before ``now`` less the form's days; batch by
    batch, each one unit of work with one audit record naming the files (module docstring)."""
    actor.require("admin.edit")
    if form.older_than_days < PRUNE_MIN_DAYS:
        raise ValidationError(f"保留天数至少为 {PRUNE_MIN_DAYS} 天（正在同步的改动还要用到刚收到的附件）", field="days")
    days = check_count(form.older_than_days, field="days", label="保留天数", low=PRUNE_MIN_DAYS, high=PRUNE_MAX_DAYS)
    cutoff = now - dt.timedelta(days=days)
    named = select(Attachment.sha256).where(Attachment.sha256 == SyncFile.sha256).exists()
    dropped = size = 0
    while True:
        with uow.unit_of_work(hub, actor, now) as work:
            s = work.session
            stmt = (
                select(SyncFile.sha256, SyncFile.size)
                .where(SyncFile.received_at < cutoff, ~named)
                .order_by(SyncFile.sha256)
                .limit(PRUNE_BATCH)
            )
            batch = s.execute(stmt).all()
            if batch:
                hashes = [sha for sha, _ in batch]
                s.execute(delete(SyncFile).where(SyncFile.sha256.in_(hashes)))
                got = sum(n for _, n in batch)
                work.audit(
                    "delete",
                    "sync_file",
                    None,
                    f"清理同步附件 {len(batch)} 个（无附件记录引用，收到于 {cutoff:%Y-%m-%d} 之前）",
                    before={"files": hashes, "bytes": got},
                )
                dropped, size = dropped + len(batch), size + got
        if len(batch) < PRUNE_BATCH:
            break
    with hub.session() as s:
        kept = s.scalar(select(func.count()).select_from(SyncFile)) or 0
    return PruneReport(dropped, size, kept)
