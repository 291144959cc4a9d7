"""The demo database (the seed's hotel case and the projects in progress), built once per session."""

from __future__ import annotations

import shutil

import pytest

from laoshan_desk.services.approvals import seed as seed_approvals
from laoshan_desk.store.db import Database


@pytest.fixture(scope="session")
def _demo_db(_template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    from laoshan_desk.services.context import system_actor

    path = tmp_path_factory.mktemp("approvals-demo") / "demo.sqlite3"
    shutil.copy(_template_db, path)
    db = Database(f"sqlite:///{path}")
    seed_approvals.load_demo(db, system_actor("test"))
    db.dispose()
    return path


@pytest.fixture
def demo_db(_demo_db, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_db, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()
