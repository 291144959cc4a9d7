"""Content-addressed file storage under the data directory (pictures, voice, video, scans).

A file is stored once under its SHA-256 (``attachments/ab/cd/abcd…``) however many records use
it: :func:`put` copies a file in and returns its hash, :func:`get` reads it back (checking the hash
again), :func:`exists` says whether it is there. No audit and no knowledge of what a file is
attached to: each area records that in its own tables (e.g. services/appeals/attachments.py).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from laoshan_desk.config import attachments_dir
from laoshan_desk.domain.errors import NotFound, ValidationError

MAX_BYTES = 200 * 1024 * 1024


def path_of(sha256: str) -> Path:
    """Where the file with this hash lives (or would)."""
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValidationError("附件标识无效")
    return attachments_dir() / sha256[:2] / sha256[2:4] / sha256


def put(source: Path) -> str:
    """Copy a file into the store (once); returns its SHA-256."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"附件不存在：{source}", field="attachments")
    if source.stat().st_size > MAX_BYTES:
        raise ValidationError("附件不能超过 200 MB", field="attachments")
    digest = hashlib.sha256()
    with source.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    target = path_of(sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    return sha


def exists(sha256: str) -> bool:
    """Whether the file with this hash is in the store."""
    return path_of(sha256).is_file()


def get(sha256: str) -> bytes:
    """The file's bytes; NotFound when missing, ValidationError when its hash no longer matches."""
    path = path_of(sha256)
    if not path.exists():
        raise NotFound("附件文件已丢失")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValidationError("附件文件已损坏（校验不一致）")
    return data
