"""Appending to and verifying the hash-chained audit log.

hash = SHA-256 over the record's canonical JSON (sequence, time, who, what, before, after) and
the previous record's hash. The head (last sequence and hash) is also kept in the settings
table, so that deleting the newest records is detected too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.store.models import AuditRecord, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def record_hash(fields: dict[str, Any], prev_hash: str) -> str:
    payload = json.dumps({**fields, "prev_hash": prev_hash}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _fields(
    seq: int,
    at: dt.datetime,
    user_id: uuid.UUID | None,
    username: str,
    action: str,
    entity: str,
    entity_id: str | None,
    summary: str,
    before: Any,
    after: Any,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": at.astimezone(dt.timezone.utc).isoformat(),
        "user_id": str(user_id) if user_id else None,
        "username": username,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary,
        "before": before,
        "after": after,
    }


def append(
    session: Session,
    *,
    at: dt.datetime,
    user_id: uuid.UUID | None,
    username: str,
    action: str,
    entity: str,
    entity_id: str | None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRecord:
    if session.get_bind().dialect.name == "postgresql":
        # Serialise appenders so that two counters never take the same sequence number.
        session.execute(text("SELECT pg_advisory_xact_lock(424242)"))
    session.flush()
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
    before_j, after_j = jsonable(before), jsonable(after)
    fields = _fields(seq, at, user_id, username, action, entity, entity_id, summary[:300], before_j, after_j)
    digest = record_hash(fields, prev_hash)
    record = AuditRecord(
        seq=seq,
        at=at,
        user_id=user_id,
        username=username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary[:300],
        before=before_j,
        after=after_j,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(record)
    head = session.get(Setting, HEAD_KEY)
    if head is None:
        session.add(Setting(key=HEAD_KEY, value={"seq": seq, "hash": digest}))
    else:
        head.value = {"seq": seq, "hash": digest}
    session.flush()
    return record


@dataclasses.dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_seq: int | None
    message: str


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in sequence order; report the first record that does not fit."""
    prev_hash = GENESIS
    expected_seq = 1
    checked = 0
    last_seq = 0
    while True:
        rows = session.scalars(
            select(AuditRecord).where(AuditRecord.seq >= expected_seq).order_by(AuditRecord.seq).limit(batch)
        ).all()
        if not rows:
            break
        for r in rows:
            if r.seq != expected_seq:
                return ChainReport(False, checked, expected_seq, f"第 {expected_seq} 条审计记录缺失（已被删除）")
            fields = _fields(
                r.seq, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.summary, r.before, r.after
            )
            if r.prev_hash != prev_hash or record_hash(fields, prev_hash) != r.hash:
                return ChainReport(False, checked, r.seq, f"第 {r.seq} 条审计记录被篡改（哈希不符）")
            prev_hash = r.hash
            expected_seq += 1
            checked += 1
            last_seq = r.seq
        session.expunge_all()
    head = session.get(Setting, HEAD_KEY)
    if head is not None and (head.value.get("seq") != last_seq or head.value.get("hash") != prev_hash):
        return ChainReport(False, checked, last_seq + 1, f"最新的审计记录（第 {last_seq + 1} 条起）已被删除")
    total = session.scalar(select(func.count()).select_from(AuditRecord)) or 0
    if total != checked:
        return ChainReport(False, checked, None, "审计记录序号重复或异常")
    return ChainReport(True, checked, None, f"审计链完整：共 {checked} 条记录，均未被篡改")
