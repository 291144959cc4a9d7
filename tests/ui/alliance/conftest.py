"""UI fixtures for the alliance tab: one demo database (the alliance's seed on top of the
reference data, demo users included) made once and copied for each test, and a market officer's
DeskContext on it with the fixed clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW


@pytest.fixture(scope="session")
def _alliance_demo(_template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from laoshan_desk.services import demo
    from laoshan_desk.services.alliance import seed
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.store.db import Database

    path = tmp_path_factory.mktemp("alliance-demo") / "demo.sqlite3"
    shutil.copy(_template_db, path)
    db = Database(f"sqlite:///{path}")
    actor = system_actor("test")
    demo._demo_users(db, actor, now=FIXED_NOW)
    seed.load_demo(db, actor, now=FIXED_NOW)
    db.dispose()
    return path


@pytest.fixture
def demo_db(_alliance_demo: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    from laoshan_desk.store.db import Database

    path = tmp_path / "demo.sqlite3"
    shutil.copy(_alliance_demo, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def login(db, username: str):  # type: ignore[no-untyped-def]
    from laoshan_desk.services import auth, demo
    from laoshan_desk.ui.context import DeskContext

    actor = auth.login(db, username, demo.DEMO_PASSWORD, now=FIXED_NOW)
    return DeskContext(db=db, actor=actor, clock=lambda: FIXED_NOW)


@pytest.fixture
def officer_ctx(demo_db):  # type: ignore[no-untyped-def]
    return login(demo_db, "shichang")
