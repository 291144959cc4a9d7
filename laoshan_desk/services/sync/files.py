"""Files a street desk attached travel to the hub by content hash, once (docs/hall.md, "受理 on a
street desk").

Before each batch the desk asks the hub which of the batch's files it lacks and sends only those
(:func:`files_to_send`); the hub keeps them in ``sync_file``, each checked against its hash
(:func:`store_files`), and gives them to the replayed service as files under their names
(:func:`materialise`). The file route cannot ask, so a push file carries every file its changes
attached.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import attachments as content
from laoshan_desk.services import uow
from laoshan_desk.services.context import system_actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.sync import SyncFile, SyncPeer

FILE_MISSING = "诉求的附件未送达区级数据库（请在本窗口重新同步）"


def materialise(hub: Database, stack: contextlib.ExitStack, files: list[dict[str, Any]]) -> tuple[Path, ...] | None:
    """The change's files, from the hub's copies, as files the service can store under their
    names; None when one has not reached the hub."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="desk-sync-")))
    out = []
    with hub.session() as s:
        for n, item in enumerate(files):
            got = s.get(SyncFile, str(item.get("sha256", "")))
            if got is None:
                return None
            target = folder / str(n) / (Path(str(item.get("name") or "附件")).name or "附件")
            target.parent.mkdir()
            target.write_bytes(got.data)
            out.append(target)
    return tuple(out)


def missing_files(hub: Database, hashes: Iterable[str]) -> list[str]:
    """On the hub: which of these files it does not hold yet (so each travels once)."""
    wanted = sorted(set(hashes))
    with hub.session() as s:
        have = set(s.scalars(select(SyncFile.sha256).where(SyncFile.sha256.in_(wanted)))) if wanted else set()
    return [h for h in wanted if h not in have]


def store_files(hub: Database, peer: SyncPeer, files: dict[str, str], *, now: dt.datetime) -> int:
    """On the hub: files a desk sent (base64 by hash), each checked against its hash; one unit of
    work with one audit record. A file whose bytes do not match its hash is not kept."""
    todo = {}
    for sha, encoded in files.items():
        try:
            data = base64.b64decode(encoded, validate=True)
        except ValueError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            todo[sha] = data
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
