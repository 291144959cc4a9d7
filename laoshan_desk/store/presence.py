"""Which desks have an SQLite database open, and the marker that takes it offline for a restore.

Every :class:`~laoshan_desk.store.db.Database` on an SQLite file keeps a *lease*: a small file in
``<database>.desks/`` named for its host and process, refreshed (its modification time) while
the desk works and removed when it closes. On the same host a lease is live while its process
runs; a lease from another host is stale when not refreshed for :data:`LEASE_SECONDS` (a desk
that crashed there).

A restore first writes ``<database>.offline``; while it exists no other desk may begin a
transaction (:class:`~laoshan_desk.domain.errors.BusyError`), then it refuses when any other
live lease remains. Lease times are file times, not business time: they say whether a desk is
alive, nothing a clerk reads.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import socket
import time
import uuid
from pathlib import Path

LEASE_SECONDS = 180  # a desk refreshes its lease every minute (ui/shell/status.py) and on each write
REFRESH_SECONDS = 30


def leases_dir(database: Path) -> Path:
    return database.with_name(database.name + ".desks")


def offline_marker(database: Path) -> Path:
    return database.with_name(database.name + ".offline")


@dataclasses.dataclass(frozen=True)
class LeaseInfo:
    """Another desk that has the database open: shown to the admin who wants to restore."""

    host: str
    pid: int
    user: str
    age_seconds: float

    def describe(self) -> str:
        who = f"（{self.user}）" if self.user else ""
        return f"{self.host} 进程 {self.pid}{who}"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # no cheap check on Windows: rely on the lease's age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Lease:
    """This process's lease on one database file."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.host = socket.gethostname() or "localhost"
        self.pid = os.getpid()
        self.path = leases_dir(database) / f"{self.host}-{self.pid}-{uuid.uuid4().hex[:8]}.lease"
        self.user = ""
        self._touched = 0.0

    def touch(self, *, force: bool = False) -> None:
        """Create or refresh the lease (at most every :data:`REFRESH_SECONDS` unless forced)."""
        stamp = time.monotonic()
        if not force and self._touched and stamp - self._touched < REFRESH_SECONDS:
            return
        self._touched = stamp
        try:
            if self.path.exists():
                os.utime(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(json.dumps({"host": self.host, "pid": self.pid, "user": self.user}), "utf-8")
        except OSError:
            self._touched = 0.0  # a read-only folder: the restore check then sees no lease

    def set_user(self, user: str) -> None:
        self.user = user
        self._touched = 0.0
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self.touch(force=True)

    def release(self) -> None:
        self._touched = 0.0
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def others(self) -> list[LeaseInfo]:
        """Live leases of other desks (and of other Database objects in this process)."""
        folder = leases_dir(self.database)
        if not folder.is_dir():
            return []
        found = []
        wall = time.time()
        for path in folder.glob("*.lease"):
            if path == self.path:
                continue
            try:
                age = wall - path.stat().st_mtime
                data = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            host, pid = str(data.get("host", "?")), int(data.get("pid", 0) or 0)
            stale = not _pid_alive(pid) if host == self.host else age > LEASE_SECONDS
            if stale:
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
            found.append(LeaseInfo(host, pid, str(data.get("user", "")), age))
        return sorted(found, key=lambda lease: (lease.host, lease.pid))
