"""What the audit chain keeps outside the database: its key, and the anchors of its head.

Someone who can edit the database (an SQL console, a copied file, the hall's database server)
could otherwise delete the newest records and fix the stored head, delete everything, or edit a
record and recompute the whole SHA-256 chain. Two things in the desk's data directory stop that:

- **the key** (``audit.key``, 32 random bytes, created at the first audited write or ``init``,
  readable by the user only, mode 0600): records are chained with HMAC-SHA256 under it, so a
  recomputed chain does not verify without it. ``LAOSHAN_DESK_AUDIT_KEY`` names another file
  (the hall's desks share one key file that way; a counter keeps its own).
- **the anchors** (``audit-anchors.log``, append-only): after every commit that wrote audit
  records, at each backup, restore and verification, one line records the database's id, the
  head's sequence number and hash, each line MACed with the key. A head that is no longer in the
  database, or a record whose hash differs from its anchor, is found by :mod:`audit_chain`'s
  verification. A restore writes a *reset* line: anchors before it no longer apply.

Whoever holds the data directory holds the key too; this protects the chain against the
database's users, not against the desk's own OS account (docs/reliability.md says so).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from laoshan_desk.config import data_dir

KEY_FILE = "audit.key"
ANCHOR_FILE = "audit-anchors.log"
KEY_ENV = "LAOSHAN_DESK_AUDIT_KEY"


def key_path() -> Path:
    override = os.environ.get(KEY_ENV)
    return Path(override) if override else data_dir() / KEY_FILE


def anchor_path() -> Path:
    return key_path().with_name(ANCHOR_FILE)


_cache: dict[str, bytes] = {}


def load_key(*, create: bool) -> bytes | None:
    """The chain key; created (mode 0600) when missing and ``create``, else None when missing."""
    path = key_path()
    cached = _cache.get(str(path))
    if cached is not None and path.exists():
        return cached
    try:
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another desk created it a moment ago
            text = path.read_text("ascii").strip()
        else:
            text = secrets.token_hex(32)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(text + "\n")
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
    key = bytes.fromhex(text)
    if len(key) < 32:
        raise ValueError(f"audit key {path} is too short")
    _cache[str(path)] = key
    return key


def key_id(key: bytes) -> str:
    """A short public fingerprint of a key (stored in the database to tell keys apart)."""
    return hmac.new(key, b"laoshan-desk audit key id", hashlib.sha256).hexdigest()[:16]


def _line_mac(key: bytes, fields: dict[str, Any]) -> str:
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclasses.dataclass(frozen=True)
class Anchor:
    db: str
    where: str
    seq: int
    hash: str
    at: str
    why: str
    reset: bool = False
    keyed_from: int | None = None


def write_anchor(key: bytes, anchor: Anchor) -> None:
    """Append one MACed line (O_APPEND: lines from several desks never interleave)."""
    fields = {k: v for k, v in dataclasses.asdict(anchor).items() if v is not None}
    fields["mac"] = _line_mac(key, fields)
    line = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


@dataclasses.dataclass(frozen=True)
class AnchorView:
    """The anchors that apply to one database: those after its last reset, and the bad lines."""

    heads: dict[int, str]  # seq -> hash
    latest: Anchor | None
    forged_lines: int
    other_ids_here: set[str]
    keyed_from: int | None


def read_anchors(key: bytes | None, db_id: str | None, where: str) -> AnchorView:
    """Anchors for ``db_id`` (or, when the database lost its id, for its location ``where``)."""
    path = anchor_path()
    heads: dict[int, str] = {}
    latest: Anchor | None = None
    forged = 0
    others: set[str] = set()
    keyed_from: int | None = None
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    for line in lines:
        try:
            fields = json.loads(line)
            mac = fields.pop("mac")
            anchor = Anchor(**fields)
        except (ValueError, TypeError, KeyError, AttributeError):
            forged += 1
            continue
        if key is None or not hmac.compare_digest(mac, _line_mac(key, fields)):
            forged += key is not None
            continue
        if anchor.reset and anchor.where == where:
            others.clear()  # a restore knowingly put this database here
        mine = anchor.db == db_id if db_id else anchor.where == where
        if not mine:
            if anchor.where == where:
                others.add(anchor.db)
            continue
        if anchor.reset:
            heads.clear()
        heads[anchor.seq] = anchor.hash
        if anchor.keyed_from is not None:
            keyed_from = anchor.keyed_from
        if latest is None or anchor.seq >= latest.seq or anchor.reset:
            latest = anchor
    return AnchorView(heads, latest, forged, others, keyed_from)
