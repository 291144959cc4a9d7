"""Attachments (pictures, voice, video) in a content-addressed store under the data directory.

A file is stored once under its SHA-256 (``attachments/ab/cd/abcd…``) however many appeals use
it; the database keeps the name, type and hash. Reading checks the hash again.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from laoshan_desk.config import attachments_dir
from laoshan_desk.domain.errors import NotFound, ValidationError

MAX_BYTES = 200 * 1024 * 1024


def media_of(mime: str) -> str:
    if mime.startswith("image/"):
        return "picture"
    if mime.startswith("audio/"):
        return "voice"
    if mime.startswith("video/"):
        return "video"
    return "other"


def path_of(sha256: str) -> Path:
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValidationError("附件标识无效")
    return attachments_dir() / sha256[:2] / sha256[2:4] / sha256


def store(source: Path) -> str:
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


def read(sha256: str) -> bytes:
    path = path_of(sha256)
    if not path.exists():
        raise NotFound("附件文件已丢失")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValidationError("附件文件已损坏（校验不一致）")
    return data
