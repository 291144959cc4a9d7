"""UI fixtures: a DeskContext on the test database with a fixed clock."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW


@pytest.fixture
def ctx(db, admin):  # type: ignore[no-untyped-def]
    from laoshan_desk.ui.context import DeskContext

    return DeskContext(db=db, actor=admin, clock=lambda: FIXED_NOW)


@pytest.fixture(autouse=True)
def _app_fonts(qapp):  # type: ignore[no-untyped-def]
    from laoshan_desk.ui.common.collector import collect_on_gui_thread
    from laoshan_desk.ui.fonts import install_ui_font

    install_ui_font(qapp)
    collect_on_gui_thread(qapp)  # as make_application does: workers never run the collector
