"""Fixtures of the 审批点菜单 screen tests: a desk context on a copy of the migrated database with
the demo projects loaded (four projects, evaluated on tests.conftest.FIXED_NOW)."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import FIXED_NOW


@pytest.fixture
def demo_ctx(_template_db, tmp_path):  # type: ignore[no-untyped-def]
    from laoshan_desk.services.approvals import seed as seed_approvals
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.store.db import Database
    from laoshan_desk.ui.context import DeskContext

    path = tmp_path / "demo.sqlite3"
    shutil.copy(_template_db, path)
    db = Database(f"sqlite:///{path}")
    actor = system_actor("test")
    seed_approvals.load_demo(db, actor)
    yield DeskContext(db=db, actor=actor, clock=lambda: FIXED_NOW)
    db.dispose()
