"""Checking a backup before it may replace the database: everything on a copy, nothing live.

A candidate is a backup archive (:mod:`laoshan_desk.services.backup` writes them: the database,
a manifest, the attachments it refers to) or a bare SQLite file (older backups, the automatic
copies made before an upgrade). :func:`prepare` copies it into a work folder beside the live
database and refuses, with a sentence, what must never be restored:

- not a file, empty, not an archive or SQLite database, a broken archive (unsafe member names,
  a member larger than it may be, a missing database);
- SQLite ``integrity_check`` not ``ok``;
- not a Laoshan Desk database (no Alembic revision), or one from a *newer* desk (a revision
  this program does not know: its upgrade would fail half-way);
- an upgrade of the copy to this program's schema that fails, or a table still missing after it;
- an audit chain keyed with a key this machine does not have (once restored, nothing could be
  written: the admin copies the old machine's ``audit.key`` first).

and lists what the admin must confirm (:attr:`Candidate.warnings`): an audit chain that does
not verify, users whose role or state differs from the live database, attachments it needs but
does not carry. Records written after the backup was taken are counted in the summary.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from laoshan_desk.config import attachments_dir
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit_chain
from laoshan_desk.store import migrate, models  # noqa: F401  (models: every table known to Base)
from laoshan_desk.store.base import Base
from laoshan_desk.store.db import Database, sqlite_url

DB_MEMBER = "laoshan-desk.sqlite3"
MANIFEST = "manifest.json"
ATTACH_PREFIX = "attachments/"
MAX_MANIFEST = 1024 * 1024
MAX_MEMBER = 64 * 1024**3  # no single part of a backup is larger than this
SQLITE_HEADER = b"SQLite format 3\x00"
WARNINGS_SHOWN = 20


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A checked copy, ready to replace the live database (or to be thrown away)."""

    database: Path  # the upgraded copy, in the work folder
    archive: Path | None  # the archive its attachments come from
    attachments: tuple[str, ...]  # hashes the archive carries
    revisions: tuple[str, ...]
    records: int
    warnings: tuple[str, ...]
    summary: tuple[str, ...]


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, field="file")


def _safe_member(name: str) -> bool:
    parts = Path(name).parts
    return not (name.startswith(("/", "\\")) or ".." in parts or ":" in name)


def _from_archive(path: Path, work: Path) -> tuple[Path, tuple[str, ...], dict[str, Any]]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            if DB_MEMBER not in infos:
                raise _refuse(f"{path.name} 中没有数据库（{DB_MEMBER}），不是本系统的备份")
            for info in infos.values():
                if not _safe_member(info.filename) or info.file_size > MAX_MEMBER:
                    raise _refuse(f"{path.name} 含有不安全或过大的内容（{info.filename[:60]}），不予恢复")
            manifest: dict[str, Any] = {}
            if MANIFEST in infos and infos[MANIFEST].file_size <= MAX_MANIFEST:
                with contextlib.suppress(ValueError):
                    manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            target = work / "candidate.sqlite3"
            with archive.open(DB_MEMBER) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            hashes = tuple(
                name.rsplit("/", 1)[-1] for name in infos if name.startswith(ATTACH_PREFIX) and not name.endswith("/")
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, KeyError) as exc:
        raise _refuse(f"{path.name} 已损坏，无法读取（{type(exc).__name__}）") from None
    return target, hashes, manifest if isinstance(manifest, dict) else {}


def _from_sqlite(path: Path, work: Path) -> Path:
    """Read-only copy, its write-ahead log included; ``immutable`` where the folder is read-only."""
    target = work / "candidate.sqlite3"
    last: sqlite3.DatabaseError | None = None
    for mode in ("ro", "ro&immutable=1"):
        try:
            with (
                contextlib.closing(sqlite3.connect(f"file:{path}?mode={mode}", uri=True)) as src,
                contextlib.closing(sqlite3.connect(target)) as dst,
            ):
                src.backup(dst)
            return target
        except sqlite3.DatabaseError as exc:
            last = exc
            target.unlink(missing_ok=True)
    raise _refuse(f"备份文件无法打开：{last}")


def _integrity(candidate: Path, name: str) -> set[str]:
    try:
        with contextlib.closing(sqlite3.connect(candidate)) as con:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = (
                {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
                if "alembic_version" in tables
                else set()
            )
    except sqlite3.DatabaseError as exc:
        raise _refuse(f"{name} 已损坏：{exc}") from None
    if result != "ok":
        raise _refuse(f"{name} 已损坏（完整性检查：{str(result)[:100]}）")
    if not revisions:
        raise _refuse(f"{name} 不是本系统的数据库备份（没有数据库版本信息）")
    return revisions


def _users(path: Path) -> dict[str, tuple[str, bool]]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return {u: (r, bool(a)) for u, r, a in con.execute("SELECT username, role, active FROM app_user")}


def referenced_attachments(path: Path) -> set[str]:
    """Every content hash a database refers to (any table's ``sha256`` column)."""
    found: set[str] = set()
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
            if "sha256" in columns:
                found |= {r[0] for r in con.execute(f'SELECT DISTINCT sha256 FROM "{table}"') if r[0]}
    return found


def _role_warnings(live: Path | None, candidate: Path) -> list[str]:
    if live is None or not live.exists():
        return []
    now_users, then_users = _users(live), _users(candidate)

    def label(code: str) -> str:
        try:
            return Role(code).label
        except ValueError:
            return code

    out = []
    for name, (role, active) in sorted(then_users.items()):
        current = now_users.get(name)
        if current is None:
            out.append(f"用户 {name}（{label(role)}）在当前数据库中已不存在，恢复后将重新出现")
            continue
        if current[0] != role:
            out.append(f"用户 {name} 的角色将由“{label(current[0])}”变回“{label(role)}”")
        if active and not current[1]:
            out.append(f"用户 {name} 已在当前数据库中停用，恢复后将重新可以登录")
    return out


def _chain(database: Database) -> tuple[int, list[str], bool]:
    """Records, chain warnings, and whether this machine holds the chain's key."""
    with database.session() as session:
        report = audit_chain.verify(session, expect_anchored_head=False)
    key_missing = any(f.kind == "key" for f in report.findings)
    warnings = [f"备份中的审计链未通过验证：{f.message}" for f in report.findings if f.kind != "key"]
    return report.checked, warnings, key_missing


def prepare(live: Path | None, source: Path, work: Path) -> Candidate:
    """Copy ``source`` into ``work`` and check the copy fully (see the module docstring)."""
    if source.is_dir():
        raise _refuse(f"{source} 是一个文件夹，请选择备份文件")
    if not source.is_file():
        raise _refuse(f"找不到备份文件：{source}")
    if live is not None and live.exists() and source.resolve() == live.resolve():
        raise _refuse("不能用当前数据库自身来恢复")
    with source.open("rb") as fh:
        head = fh.read(16)
    archive: Path | None = None
    hashes: tuple[str, ...] = ()
    if head.startswith(b"PK"):
        candidate, hashes, _manifest = _from_archive(source, work)
        archive = source
    elif head == SQLITE_HEADER:
        candidate = _from_sqlite(source, work)
    else:
        raise _refuse(f"不是本系统的备份文件（既不是备份包，也不是 SQLite 数据库）：{source.name}")
    revisions = _integrity(candidate, source.name)
    database = Database(sqlite_url(candidate))
    try:
        unknown = migrate.unknown_revisions(database)
        if unknown:
            raise _refuse(
                f"{source.name} 来自更新版本的本程序（数据库版本 {', '.join(sorted(unknown))}），请先升级本程序再恢复"
            )
        try:
            migrate.upgrade(database)
        except Exception as exc:  # noqa: BLE001 - any failure of the copy's upgrade refuses the file
            raise _refuse(f"{source.name} 无法升级到当前版本：{type(exc).__name__}：{str(exc)[:120]}") from None
        present = set(inspect(database.engine).get_table_names())
        missing = sorted(set(Base.metadata.tables) - present)
        if missing:
            raise _refuse(f"{source.name} 缺少数据表：{'、'.join(missing[:8])}，不是完整的备份")
        records, warnings, key_missing = _chain(database)
    finally:
        database.dispose()
    if key_missing:
        raise _refuse(
            f"{source.name} 的审计链使用另一台电脑的密钥：恢复后本机将无法写入。"
            "请先把原电脑数据目录中的 audit.key 复制到本机数据目录，再恢复"
        )
    warnings += _role_warnings(live, candidate)
    needed = referenced_attachments(candidate)
    carried = set(hashes)
    lacking = [h for h in needed - carried if not (attachments_dir() / h[:2] / h[2:4] / h).exists()]
    if lacking:
        warnings.append(f"备份引用的 {len(lacking)} 个附件文件既不在备份中，也不在本机，恢复后将显示“附件文件已丢失”")
    with contextlib.closing(sqlite3.connect(candidate)) as con:
        con.execute("PRAGMA journal_mode=DELETE")  # one file: it can be renamed into place
    summary = [f"备份中有 {records} 条审计记录、{len(carried)} 个附件"]
    if live is not None and live.exists():
        with contextlib.closing(sqlite3.connect(f"file:{live}?mode=ro", uri=True)) as con:
            current = con.execute("SELECT coalesce(max(seq), 0) FROM audit_record").fetchone()[0]
        if current > records:
            summary.append(
                f"当前数据库有 {current} 条审计记录：备份之后的 {current - records} 条记录将不在恢复后的库中"
            )
    if len(warnings) > WARNINGS_SHOWN:
        warnings = [*warnings[:WARNINGS_SHOWN], f"……另有 {len(warnings) - WARNINGS_SHOWN} 条提醒"]
    return Candidate(
        candidate,
        archive,
        tuple(h for h in hashes if h in needed),
        tuple(sorted(revisions)),
        records,
        tuple(warnings),
        tuple(summary),
    )
