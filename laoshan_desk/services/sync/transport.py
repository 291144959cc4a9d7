"""How changes reach the hub: by a link to the district database, or by a signed file.

Both carry the same messages (:func:`.outbox.message_of` changes, the hub's answers, pull
batches). :class:`DirectHub` calls the hub's side in-process on a connection to the district
database. The file route (a USB stick, for an office with no link at all) wraps the same messages
in a file signed with HMAC-SHA256 under the key made at link time and kept on both sides
(``sync_link.key`` on the desk, ``sync_peer.key`` on the hub): a flipped byte, a file of another
desk or of another program is refused with a Chinese message before anything is applied.

    desk: sync export FILE        → FILE (kind "push": the waiting changes, the watermark)
    hub:  sync import FILE        → applies them, writes FILE.reply (kind "reply": answers + share)
    desk: sync import FILE.reply  → records the answers, takes the share
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.sync import files as sync_files
from laoshan_desk.services.sync import outbox, pull, push
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.sync import OutboxEntry, SyncPeer

MAGIC = b"LAOSHAN-DESK-SYNC/1\n"
MAX_FILE = 512 * 1024 * 1024
NOT_A_SYNC_FILE = "该文件不是本系统的同步文件，未导入任何内容"
TAMPERED = "同步文件已损坏或被改动（签名不符），未导入任何内容"
FOREIGN = "该同步文件不属于本窗口（来自另一街道窗口或另一区级数据库），未导入任何内容"
WRONG_SIDE = "该同步文件应在{}导入，未导入任何内容"


class Hub(Protocol):
    """The hub's side, however it is reached."""

    def apply(
        self,
        peer_id: uuid.UUID,
        changes: list[dict[str, Any]],
        *,
        now: dt.datetime,
        files: dict[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        """Keep the files sent (base64 by hash), then replay changes; one answer per change."""

    def missing(self, peer_id: uuid.UUID, hashes: list[str]) -> list[str]:
        """The files (by hash) the hub does not hold yet."""

    def share(self, peer_id: uuid.UUID, *, since: int, asked: list[str]) -> Iterator[dict[str, Any]]:
        """The street's share since the watermark, in batches."""

    def files(self, peer_id: uuid.UUID, hashes: list[str]) -> dict[str, str]:
        """Files of the street's attachments among ``hashes`` (base64 by hash), within the cap."""


@dataclasses.dataclass
class DirectHub:
    """The district database on a connection (hall network or VPN)."""

    db: Database

    def apply(
        self,
        peer_id: uuid.UUID,
        changes: list[dict[str, Any]],
        *,
        now: dt.datetime,
        files: dict[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        return push.apply_changes(self.db, peer_id, changes, now=now, files=files)

    def missing(self, peer_id: uuid.UUID, hashes: list[str]) -> list[str]:
        push.peer_of(self.db, peer_id)
        return sync_files.missing_files(self.db, hashes)

    def share(self, peer_id: uuid.UUID, *, since: int, asked: list[str]) -> Iterator[dict[str, Any]]:
        return pull.share(self.db, peer_id, since=since, asked=asked)

    def files(self, peer_id: uuid.UUID, hashes: list[str]) -> dict[str, str]:
        return sync_files.files_for(self.db, push.peer_of(self.db, peer_id), hashes)


def sign(key: str, payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    mac = hmac.new(bytes.fromhex(key), body, hashlib.sha256).hexdigest().encode("ascii")
    return MAGIC + mac + b"\n" + body


def _open(path: Path) -> tuple[bytes, bytes, dict[str, Any]]:
    """The file's signature, body and payload (not yet verified); refused when it is not ours."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise ValidationError(NOT_A_SYNC_FILE, field="file")
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取同步文件：{exc.strerror or exc}", field="file") from None
    if not data.startswith(MAGIC):
        raise ValidationError(NOT_A_SYNC_FILE, field="file")
    mac, sep, body = data[len(MAGIC) :].partition(b"\n")
    if not sep or len(mac) != 64:
        raise ValidationError(TAMPERED, field="file")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(TAMPERED, field="file") from None
    if not isinstance(payload, dict):
        raise ValidationError(TAMPERED, field="file")
    return mac, body, payload


def _verify(key: str, mac: bytes, body: bytes) -> None:
    good = hmac.new(bytes.fromhex(key), body, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(good, mac):
        raise ValidationError(TAMPERED, field="file")


def _peer_id(payload: dict[str, Any]) -> uuid.UUID:
    try:
        return uuid.UUID(str(payload.get("peer_id")))
    except ValueError:
        raise ValidationError(TAMPERED, field="file") from None


def export_changes(desk: Database, path: Path) -> int:
    """On the desk: write the waiting changes to a signed file; returns how many. The outbox keeps
    them (waiting) until the hub's reply file is imported here."""
    with desk.session() as s:
        link = outbox.link_of(s)
        if link is None:
            raise ValidationError(outbox.NOT_LINKED, field="file")
        waiting = select(OutboxEntry).where(OutboxEntry.state == outbox.PENDING).order_by(OutboxEntry.n)
        entries = list(s.scalars(waiting))
        changes = [outbox.message_of(e) for e in entries]
        payload: dict[str, Any] = {
            "kind": "push",
            "peer_id": str(link.peer_id),
            "since": link.watermark,
            "asked": pull.to_refresh(s),
            "changes": changes,
        }
        key = link.key
    # The file cannot ask the hub what it holds: every file the changes attached goes with them.
    payload["files"] = sync_files.files_to_send(desk, changes, lambda hashes: hashes)
    _write(path, sign(key, payload))
    return len(entries)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        raise ValidationError(f"无法写入同步文件：{exc.strerror or exc}", field="file") from None


@dataclasses.dataclass(frozen=True)
class ImportReport:
    kind: str  # push (read on the hub) | reply (read on the desk)
    answers: push.PushReport
    pulled: pull.PullReport | None = None
    reply: str = ""


def import_file(db: Database, path: Path, *, now: dt.datetime) -> ImportReport:
    """``sync import FILE`` on either side: a push file on the hub, a reply file on the desk."""
    mac, body, payload = _open(path)
    with db.session() as s:
        link = outbox.link_of(s)
        if link is None:  # the hub
            peer = s.get(SyncPeer, _peer_id(payload))
            key = peer.key if peer is not None else None
        else:
            key = link.key if _peer_id(payload) == link.peer_id else None
    if key is None:
        raise ValidationError(FOREIGN, field="file")
    _verify(key, mac, body)
    if link is None:
        if payload.get("kind") != "push":
            raise ValidationError(WRONG_SIDE.format("街道窗口"), field="file")
        return _answer_push(db, payload, key, path, now=now)
    if payload.get("kind") != "reply":
        raise ValidationError(WRONG_SIDE.format("区级数据库"), field="file")
    answers = push.record_answers(db, list(payload.get("answers") or []), now=now)
    carried = payload.get("files")
    sync_files.keep_files(carried if isinstance(carried, dict) else {})
    total = pull.PullReport()
    for batch in payload.get("batches") or []:
        got = pull.apply_batch(db, batch, now=now)
        total = pull.PullReport(
            total.batches + 1,
            total.appeals + got.appeals,
            total.changed_rows + got.changed_rows,
            total.held + got.held,
            got.watermark,
        )
    return ImportReport("reply", answers, total)


def _answer_push(db: Database, payload: dict[str, Any], key: str, path: Path, *, now: dt.datetime) -> ImportReport:
    peer_id = _peer_id(payload)
    changes = list(payload.get("changes") or [])
    files = payload.get("files")
    answers = push.apply_changes(db, peer_id, changes, now=now, files=files if isinstance(files, dict) else None)
    since = int(payload.get("since") or 0)
    batches = list(pull.share(db, peer_id, since=since, asked=[str(a) for a in payload.get("asked") or []]))
    # The reply cannot be asked for files: it carries those of the attachments it brings, within
    # one answer's cap (a file left out is asked for by the next sync over a link).
    hashes = [str(r.get("sha256")) for b in batches for r in b.get("children", {}).get("attachment", [])]
    carried = sync_files.files_for(db, push.peer_of(db, peer_id), hashes)
    reply = path.with_name(path.name + ".reply")
    body = {"kind": "reply", "peer_id": str(peer_id), "answers": answers, "batches": batches, "files": carried}
    _write(reply, sign(key, body))
    outcomes = (outbox.APPLIED, outbox.REFUSED, outbox.CONFLICT)
    counts = {k: sum(1 for a in answers if a["outcome"] == k) for k in outcomes}
    report = push.PushReport(len(answers), counts[outbox.APPLIED], counts[outbox.REFUSED], counts[outbox.CONFLICT])
    return ImportReport("push", report, None, str(reply))
