"""Appending to and verifying the hash-chained audit log.

Each record's ``hash`` covers its canonical JSON (sequence, time, who, what, before, after) and
the previous record's hash. Since the key switch-over (the setting ``audit_keyed``: the first
keyed sequence number and the key's fingerprint) the hash is an HMAC-SHA256 under the key kept
outside the database (:mod:`audit_key`); records before it keep their plain SHA-256 and verify as
they always did, and the first keyed record covers the last unkeyed hash, so the old part cannot
be recomputed either. The head (last sequence and hash) is kept in the settings table and, after
each commit, in the anchor file outside the database.

:func:`verify` walks the whole chain once (raw rows, no ORM objects: 100,000 records in about
the time a bare sqlite3 + hashlib recompute takes) and reports every finding as a Chinese
sentence: a gap, an edited record, a record rewritten since it was anchored, newest records
deleted, everything deleted, the switch-over moved, a key that does not fit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, SessionTransaction

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import audit_key
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.store.db import PG_WRITE_LOCK
from laoshan_desk.store.models import AuditRecord, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
KEYED_KEY = "audit_keyed"
DB_ID_KEY = "database_id"
_PENDING = "audit_anchor_pending"
_READY = "audit_anchor_ready"
MAX_FINDINGS = 50


def canonical(fields: dict[str, Any], prev_hash: str) -> bytes:
    return json.dumps({**fields, "prev_hash": prev_hash}, ensure_ascii=False, sort_keys=True).encode("utf-8")


def record_hash(fields: dict[str, Any], prev_hash: str, key: bytes | None = None) -> str:
    """SHA-256 (before the switch-over) or HMAC-SHA256 under ``key`` of a record's canonical form."""
    payload = canonical(fields, prev_hash)
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def fields_of(
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
    """The fields a record's hash covers (``at`` in UTC, the user's id as text), for a new record
    and, through :func:`raw_payload`, for a stored one alike."""
    return {
        "seq": seq,
        "at": at.astimezone(dt.UTC).isoformat(),
        "user_id": str(user_id) if user_id else None,
        "username": username,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary,
        "before": before,
        "after": after,
    }


def location(session: Session) -> str:
    """Where the database is (an absolute file path, or the server URL without password)."""
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return str(Path(url.database or "").resolve())
    return url.render_as_string(hide_password=True)


def _setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def database_id(session: Session) -> str:
    """The database's own id (made at its first audited write), which anchors name it by."""
    value = _setting(session, DB_ID_KEY)
    if not value:
        value = uuid.uuid4().hex
        _put(session, DB_ID_KEY, value)
    return str(value)


def _key_for_append(session: Session, seq: int) -> tuple[bytes, int]:
    """The key and the switch-over point; the first keyed append records both."""
    keyed = _setting(session, KEYED_KEY)
    key = audit_key.load_key(create=keyed is None)
    if keyed is None:
        assert key is not None
        keyed = {"from_seq": seq, "key_id": audit_key.key_id(key)}
        _put(session, KEYED_KEY, keyed)
    elif key is None or audit_key.key_id(key) != keyed.get("key_id"):
        raise DeskError(
            f"本机的审计密钥（{audit_key.key_path()}）与此数据库不符，无法写入审计记录。"
            "请把建库电脑上的 audit.key 复制到该位置，或请管理员处理"
        )
    return key, int(keyed["from_seq"])


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
        # Serialise appenders so that two counters never take the same sequence number (a
        # writing unit of work holds this lock already; a lock held twice is held once).
        session.execute(text(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})"))
    session.flush()
    last = session.execute(select(AuditRecord.seq, AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
    key, keyed_from = _key_for_append(session, seq)
    database_id(session)
    before_j, after_j = jsonable(before), jsonable(after)
    fields = fields_of(seq, at, user_id, username, action, entity, entity_id, summary[:300], before_j, after_j)
    digest = record_hash(fields, prev_hash, key if seq >= keyed_from else None)
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
    _put(session, HEAD_KEY, {"seq": seq, "hash": digest})
    session.flush()
    session.info[_PENDING] = True
    return record


# SQLAlchemy sends before_commit / after_commit / after_rollback for a savepoint too (an
# import's row runs in one): only the outermost transaction's commit anchors, and only its end
# forgets what is pending. An anchor written at a savepoint would name a head that a later
# rollback of the whole transaction never committed, and the next verification would report
# the newest records deleted.
@event.listens_for(Session, "before_commit")
def _anchor_before_commit(session: Session) -> None:
    """Read the head about to be committed (after any savepoint a rejected row rolled back)."""
    if session.in_nested_transaction():
        return
    if session.info.pop(_PENDING, None):
        session.info[_READY] = _head_anchor(session, "write", None, reset=False)


@event.listens_for(Session, "after_commit")
def _anchor_after_commit(session: Session) -> None:
    """Once the records are committed (never before: a rollback must not leave an anchor)."""
    if session.in_nested_transaction():
        return
    anchor = session.info.pop(_READY, None)
    key = audit_key.load_key(create=False) if anchor is not None else None
    if anchor is not None and key is not None:
        audit_key.write_anchor(key, anchor)


@event.listens_for(Session, "after_transaction_end")
def _forget_at_the_end(session: Session, transaction: SessionTransaction) -> None:
    """The outermost transaction is over (committed, or rolled back): nothing is pending."""
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_READY, None)


def _head_anchor(session: Session, why: str, now: dt.datetime | None, *, reset: bool) -> audit_key.Anchor | None:
    last = session.execute(
        select(AuditRecord.seq, AuditRecord.hash, AuditRecord.at).order_by(AuditRecord.seq.desc()).limit(1)
    ).first()
    db_id = _setting(session, DB_ID_KEY)
    if last is None or not db_id:
        return None
    keyed = _setting(session, KEYED_KEY) or {}
    at = (now or last.at).isoformat()
    return audit_key.Anchor(
        str(db_id), location(session), int(last.seq), str(last.hash), at, why, reset, keyed.get("from_seq")
    )


def anchor_head(session: Session, *, why: str, now: dt.datetime, reset: bool = False) -> int:
    """Anchor the committed head now (a backup, a restore, a verification); returns its seq.

    ``reset`` (a restore): anchors written before this line no longer apply to the database.
    """
    key = audit_key.load_key(create=False)
    anchor = _head_anchor(session, why, now, reset=reset)
    if key is None or anchor is None:
        return 0
    audit_key.write_anchor(key, anchor)
    return anchor.seq


@dataclasses.dataclass(frozen=True)
class Finding:
    """One thing verification found, as a sentence for the admin."""

    kind: str  # missing | edited | rewritten | truncated | emptied | relinked | switch | key | anchors | head
    seq: int | None
    message: str


@dataclasses.dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_seq: int | None
    message: str
    findings: tuple[Finding, ...] = ()


def _rows(session: Session) -> Iterable[Any]:
    """Raw rows in sequence order, straight from the driver (no ORM objects, no type processing)."""
    return session.connection().exec_driver_sql(f"SELECT {RAW_COLUMNS} FROM audit_record ORDER BY seq")


def _utc(raw: Any) -> dt.datetime:
    if isinstance(raw, dt.datetime):
        return raw if raw.tzinfo is not None else raw.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(str(raw)).replace(tzinfo=dt.UTC)  # SQLite: naive UTC text


def _uuid(raw: Any) -> uuid.UUID | None:
    if raw is None:
        return None
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


def _json(raw: Any) -> Any:
    return json.loads(raw) if isinstance(raw, str | bytes) else raw


def raw_payload(
    seq: int,
    at: Any,
    user_id: Any,
    username: str,
    action: str,
    entity: str,
    entity_id: str | None,
    summary: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> bytes:
    """The canonical form of a record read raw from the database (as :func:`_rows` returns it):
    the same :func:`fields_of` and :func:`canonical` a new record's hash was made from."""
    fields = fields_of(
        seq, _utc(at), _uuid(user_id), username, action, entity, entity_id, summary, _json(before), _json(after)
    )
    return canonical(fields, prev_hash)


RAW_COLUMNS = "seq, at, user_id, username, action, entity, entity_id, summary, before, after, prev_hash, hash"


def verify(session: Session, *, expect_anchored_head: bool = True) -> ChainReport:
    """Walk the chain in sequence order and check it against its key, its head and its anchors.

    ``expect_anchored_head=False`` checks a backup about to be restored: it may legitimately end
    before the live database's newest anchor, so only records that differ from an anchor count.
    """
    key = audit_key.load_key(create=False)
    keyed = _setting(session, KEYED_KEY)
    db_id = _setting(session, DB_ID_KEY)
    anchors = audit_key.read_anchors(key, str(db_id) if db_id else None, location(session))
    findings: list[Finding] = []

    def found(kind: str, seq: int | None, message: str) -> None:
        if len(findings) < MAX_FINDINGS:
            findings.append(Finding(kind, seq, message))

    keyed_from = int(keyed["from_seq"]) if keyed else None
    usable_key = key if keyed and key is not None and audit_key.key_id(key) == keyed.get("key_id") else None
    if keyed and usable_key is None:
        found("key", None, "本机没有此数据库的审计密钥（或密钥不同），使用密钥的记录无法验证")
    if anchors.keyed_from is not None and anchors.keyed_from != keyed_from:
        found("switch", keyed_from, f"审计链启用密钥的位置被改动（本机记下的是第 {anchors.keyed_from} 条起）")
    if anchors.forged_lines:
        found("anchors", None, f"本机的审计锚点文件中有 {anchors.forged_lines} 行无法验证（已被改动）")
    mac = hmac.new(usable_key, digestmod=hashlib.sha256) if usable_key is not None else None
    prev_stored = GENESIS
    expected = 1
    checked = 0
    last_seq, last_hash = 0, GENESIS
    for seq, at, user_id, username, action, entity, entity_id, summary, before, after, prev, stored in _rows(session):
        if seq != expected:
            span = f"第 {expected} 条" if seq - 1 == expected else f"第 {expected} 条至第 {seq - 1} 条"
            found("missing", expected, f"{span}审计记录缺失（已被删除）")
        elif prev != prev_stored:
            found("relinked", seq, f"第 {seq} 条审计记录与前一条接不上（其前的记录被删除或替换）")
        payload = raw_payload(seq, at, user_id, username, action, entity, entity_id, summary, before, after, prev)
        if keyed_from is not None and seq >= keyed_from:
            if mac is not None:
                h = mac.copy()
                h.update(payload)
                if h.hexdigest() != stored:
                    found("edited", seq, f"第 {seq} 条审计记录被篡改（密钥校验不符）")
        elif hashlib.sha256(payload).hexdigest() != stored:
            found("edited", seq, f"第 {seq} 条审计记录被篡改（哈希不符）")
        anchored = anchors.heads.get(seq)
        if anchored is not None and anchored != stored:
            found("rewritten", seq, f"第 {seq} 条审计记录与本机记下的不同：它或它之前的记录被改写后重新计算过")
        prev_stored, expected = stored, seq + 1
        last_seq, last_hash = seq, stored
        checked += 1
    _check_ends(session, anchors if expect_anchored_head else None, checked, last_seq, last_hash, db_id, found)
    if findings:
        first = next((f.seq for f in findings if f.seq is not None), None)
        return ChainReport(False, checked, first, findings[0].message, tuple(findings))
    return ChainReport(True, checked, None, f"审计链完整：共 {checked} 条记录，均未被篡改")


def _check_ends(
    session: Session,
    anchors: audit_key.AnchorView | None,
    checked: int,
    last_seq: int,
    last_hash: str,
    db_id: Any,
    found: Any,
) -> None:
    head = _setting(session, HEAD_KEY)
    if head is not None and (head.get("seq") != last_seq or head.get("hash") != last_hash):
        found("head", last_seq + 1, f"最新的审计记录（第 {last_seq + 1} 条起）已被删除")
    if anchors is None:
        return
    latest = anchors.latest
    if latest is not None and latest.seq > last_seq:
        when = latest.at[:16].replace("T", " ")
        if checked == 0:
            found("emptied", None, f"审计记录已被全部删除（本机于 {when} 记下共有 {latest.seq} 条）")
        else:
            found(
                "truncated",
                last_seq + 1,
                f"最新的 {latest.seq - last_seq} 条审计记录已被删除"
                f"（本机于 {when} 记下共有 {latest.seq} 条，现只有 {last_seq} 条）",
            )
    if not db_id and anchors.latest is not None:
        found("emptied", None, "数据库的标识和审计设置已被删除（本机记下此位置的数据库曾有审计记录）")
    if db_id and anchors.other_ids_here:
        found("replaced", None, "此位置的数据库已被整个换成另一个（不是经“恢复”换上的）")
