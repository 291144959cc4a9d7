"""Fixtures every layer's tests share: a real SQLite file per test, the admin, a fixed clock.

Only tests under tests/ui start a QApplication (pytest-qt's ``qtbot``); Qt runs offscreen.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LAOSHAN_DESK_BUNDLED_FONT_ONLY"] = "1"  # the same PDFs on every machine

from laoshan_desk.domain.timeutil import TZ  # noqa: E402

FIXED_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
ADMIN_PASSWORD = "Desk2026secure"


@pytest.fixture(scope="session", autouse=True)
def _template_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's data directory: its audit key is every test's, and module fixtures that
    build databases of their own build them here, never in the user's data directory."""
    from laoshan_desk.services import audit_key

    home = tmp_path_factory.mktemp("template-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("LAOSHAN_DESK_HOME", str(home))
    mp.delenv("LAOSHAN_DESK_DB", raising=False)
    mp.delenv("LAOSHAN_DESK_AUDIT_KEY", raising=False)
    audit_key.load_key(create=True)
    yield home
    mp.undo()


@pytest.fixture(autouse=True)
def desk_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _template_home: Path) -> Path:
    """Keep every test's data directory (backups, logs, attachments, audit key) out of the user's.

    The template database's audit key is copied in, as a desk has its own key beside its database.
    """
    from laoshan_desk.services import audit_key

    home = tmp_path_factory.mktemp("desk-home")
    monkeypatch.setenv("LAOSHAN_DESK_HOME", str(home))
    monkeypatch.delenv("LAOSHAN_DESK_DB", raising=False)
    monkeypatch.delenv("LAOSHAN_DESK_AUDIT_KEY", raising=False)
    key = home / audit_key.KEY_FILE
    shutil.copyfile(_template_home / audit_key.KEY_FILE, key)
    key.chmod(0o600)
    return home


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory, _template_home: Path) -> Path:
    """One migrated database with the reference data, copied for each test (fast and real)."""
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = bootstrap.open_database(f"sqlite:///{path}")
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
    db.dispose()
    return path


@pytest.fixture
def db(_template_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real SQLite file with the schema and the reference data (no users)."""
    from laoshan_desk.store.db import Database

    path = tmp_path / "desk.sqlite3"
    shutil.copy(_template_db, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    """The first admin, created as the first run does; returns the Actor."""
    from laoshan_desk.services import auth

    return auth.create_first_admin(db, auth.FirstAdminForm("admin", "系统管理员", ADMIN_PASSWORD), now=FIXED_NOW)


@pytest.fixture
def make_user(db, admin):  # type: ignore[no-untyped-def]
    """make_user(role, unit_id=None, username=None) -> logged-in Actor of that role."""
    from laoshan_desk.services import auth

    counter = {"n": 0}

    def make(role, unit_id=None, username=None, password="Clerk2026pass"):  # type: ignore[no-untyped-def]
        counter["n"] += 1
        name = username or f"{role.value}{counter['n']}"
        form = auth.NewUserForm(name, f"测试{counter['n']}", role, password, unit_id)
        auth.create_user(db, admin, form, now=FIXED_NOW)
        return auth.login(db, name, password, now=FIXED_NOW)

    return make


@pytest.fixture
def fixed_now() -> dt.datetime:
    return FIXED_NOW


def pytest_configure(config: pytest.Config) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
