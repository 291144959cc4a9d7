"""Permission probes, audit tamper cases and odd restore files, each counted.

- every public service of every area called as each of the eight roles (the one table,
  tests/services/permission_table.py): probes tried, those not refused that should have been, and
  those refused that the table allows;
- tampering with the audit log by someone with SQL access to the database: cases tried, undetected;
- restoring odd files: tried, and those that were not refused or touched the live database.

    python bench/reliability/probes.py
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import sys
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402


class World:
    """A template database with work in it, copied for each case (with the same key and home)."""

    def __init__(self) -> None:
        from laoshan_desk.services import calendar

        self.home = common.new_home("probes")
        db, self.admin = common.new_database(self.home, "template.sqlite3")
        for day in range(1, 9):
            calendar.set_override(
                db,
                self.admin,
                calendar.OverrideForm(common.NOW.date().replace(month=12, day=day), False, f"测试{day}"),
                now=common.NOW,
            )
        self.template = db.sqlite_path
        db.dispose()
        self.n = 0

    def fresh(self):  # type: ignore[no-untyped-def]
        from laoshan_desk.store.db import Database, copy_sqlite

        self.n += 1
        path = self.home / f"case-{self.n}.sqlite3"
        copy_sqlite(self.template, path)
        with contextlib.closing(sqlite3.connect(path)) as con, con:  # its own anchors, apart from the others'
            con.execute("UPDATE setting SET value = ? WHERE key = 'database_id'", (json.dumps(uuid.uuid4().hex),))
        return Database(f"sqlite:///{path}")


def permissions(world: World) -> dict[str, int]:
    """The one permission table (tests/services/permission_table.py): every public service of
    every area called as each of the eight roles, exactly as tests/services/test_permissions.py
    does (unwrapped, placeholder arguments that fail when used before the check)."""
    import inspect

    from laoshan_desk.domain.errors import PermissionDenied
    from laoshan_desk.domain.roles import Role
    from tests.services import test_permissions as table

    tried = not_refused = wrongly_refused = 0
    functions = table.public_functions()
    db = world.fresh()
    for name, rule in sorted(table.PERMISSIONS.items()):
        fn = inspect.unwrap(functions[name])
        for role in Role:
            allowed = table.allows(rule, role)
            tried += 1
            try:
                fn(**table._arguments(fn, db, table._actor(role)))
            except PermissionDenied:
                wrongly_refused += allowed
                continue
            except Exception:  # noqa: BLE001, S112 - past the check the placeholder arguments fail
                pass
            not_refused += not allowed  # a refused role that got past the check (or used an argument)
    db.dispose()
    return {
        "permission_services": len(table.PERMISSIONS),
        "permission_probes_tried": tried,
        "not_refused": not_refused,
        "wrongly_refused": wrongly_refused,
    }


def _sql(db: Any, *statements: str) -> None:
    with contextlib.closing(sqlite3.connect(db.sqlite_path)) as con, con:
        for statement in statements:
            con.execute(statement)


def _top(db: Any) -> int:
    with contextlib.closing(sqlite3.connect(db.sqlite_path)) as con:
        return int(con.execute("SELECT max(seq) FROM audit_record").fetchone()[0])


def _fix_head(db: Any) -> None:
    with contextlib.closing(sqlite3.connect(db.sqlite_path)) as con, con:
        seq, digest = con.execute("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1").fetchone()
        con.execute(
            "UPDATE setting SET value = ? WHERE key = 'audit_head'", (json.dumps({"seq": seq, "hash": digest}),)
        )


def tamper_cases() -> dict[str, Callable[[Any], None]]:
    from tests.services.test_audit_tamper import _recompute_unkeyed

    cases: dict[str, Callable[[Any], None]] = {}
    for k in (1, 2, 5):
        cases[f"delete the newest {k} and fix the head"] = lambda db, k=k: (
            _sql(db, f"DELETE FROM audit_record WHERE seq > {_top(db) - k}"),
            _fix_head(db),
        )
    cases["delete every record"] = lambda db: _sql(db, "DELETE FROM audit_record")
    cases["delete every record and the head"] = lambda db: _sql(
        db, "DELETE FROM audit_record", "DELETE FROM setting WHERE key = 'audit_head'"
    )
    cases["delete every record and the chain settings"] = lambda db: _sql(
        db, "DELETE FROM audit_record", "DELETE FROM setting WHERE key LIKE 'audit_%' OR key = 'database_id'"
    )
    cases["delete one in the middle"] = lambda db: _sql(db, "DELETE FROM audit_record WHERE seq = 4")
    for column, value in (
        ("summary", "'无事发生'"),
        ("username", "'mallory'"),
        ("after", "'{}'"),
        ("at", "'2020-01-01 00:00:00.000000'"),
    ):
        cases[f"edit {column}"] = lambda db, c=column, v=value: _sql(
            db, f"UPDATE audit_record SET {c} = {v} WHERE seq = 3"
        )
    cases["edit and recompute the chain unkeyed"] = lambda db: _recompute_unkeyed(db, edit_seq=3)
    cases["edit the newest and recompute"] = lambda db: _recompute_unkeyed(db, edit_seq=_top(db))
    cases["move the switch-over past the end and recompute"] = lambda db: (
        _recompute_unkeyed(db, edit_seq=2),
        _sql(db, f"UPDATE setting SET value = json_set(value, '$.from_seq', {_top(db) + 1}) WHERE key = 'audit_keyed'"),
    )
    cases["drop the switch-over and recompute"] = lambda db: (
        _recompute_unkeyed(db, edit_seq=5),
        _sql(db, "DELETE FROM setting WHERE key = 'audit_keyed'"),
    )
    cases["swap two records' contents"] = lambda db: _sql(
        db,
        "UPDATE audit_record SET summary = (SELECT summary FROM audit_record WHERE seq = 6) WHERE seq = 5",
    )
    cases["renumber the newest"] = lambda db: _sql(db, f"UPDATE audit_record SET seq = seq + 10 WHERE seq = {_top(db)}")
    return cases


def tamper(world: World) -> dict[str, int]:
    from laoshan_desk.services import audit

    tried = undetected = 0
    names = []
    for name, damage in tamper_cases().items():
        db = world.fresh()
        assert audit.verify_chain(db, world.admin, now=common.NOW).ok  # anchors the copy's head first
        damage(db)
        tried += 1
        if audit.verify_chain(db, world.admin, now=common.NOW).ok:
            undetected += 1
            names.append(name)
        db.dispose()
    return {"tamper_cases_tried": tried, "undetected": undetected} | ({"undetected_cases": names} if names else {})  # type: ignore[dict-item]


def odd_restores(world: World) -> dict[str, int]:
    from laoshan_desk.domain.errors import DeskError
    from laoshan_desk.services import backup
    from tests.services.test_backup import ODD_FILES

    cases: dict[str, Callable[[Any, Path], Any]] = {name: make for name, (make, _m) in ODD_FILES.items()}

    def zip_bomb(db: Any, path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("laoshan-desk.sqlite3", b"\x00" * (50 * 1024 * 1024))

    def absolute_member(db: Any, path: Path) -> None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("laoshan-desk.sqlite3", b"x")
            z.writestr("/etc/evil", b"x")

    def truncated_archive(db: Any, path: Path) -> None:
        good = backup.backup(db, world.admin, path.with_name("good.ldbak"), overwrite=True, now=common.NOW).path
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])

    def symlink_to_device(db: Any, path: Path) -> None:
        path.symlink_to("/dev/zero")

    cases |= {
        "zip of zeros": zip_bomb,
        "absolute member": absolute_member,
        "truncated archive": truncated_archive,
        "symlink to /dev/zero": symlink_to_device,
    }
    tried = accepted = touched = 0
    for name, make in cases.items():
        db = world.fresh()
        odd = world.home / f"odd-{world.n}.ldbak"
        make(db, odd)
        with contextlib.closing(sqlite3.connect(db.sqlite_path)) as con:
            before = con.execute("SELECT count(*), max(hash) FROM audit_record").fetchone()
        tried += 1
        try:
            backup.restore(db, world.admin, odd, accept_warnings=True, now=common.NOW)
            accepted += 1
            print(f"  accepted: {name}")
        except DeskError:
            pass
        with contextlib.closing(sqlite3.connect(db.sqlite_path)) as con:
            touched += con.execute("SELECT count(*), max(hash) FROM audit_record").fetchone() != before
        db.dispose()
    return {"odd_restore_files_tried": tried, "accepted": accepted, "live_database_touched": touched}


def run() -> dict[str, Any]:
    world = World()
    result: dict[str, Any] = {}
    result |= permissions(world)
    result |= tamper(world)
    result |= odd_restores(world)
    shutil.rmtree(world.home, ignore_errors=True)
    return result


def main() -> int:
    result = run()
    for key, value in result.items():
        print(f"{key}: {value}")
    bad = ("not_refused", "wrongly_refused", "undetected", "accepted", "live_database_touched")
    return 0 if all(result.get(k) == 0 for k in bad) else 1


if __name__ == "__main__":
    sys.exit(main())
