"""The one table idiom (issue 8 §4): every list on a screen is a column-spec model
(ui/common/table_model.py), never a QTableWidget or a QStandardItemModel filled by position;
the admin pages open their dialogs with ``open()``, never a nested ``exec()``."""

from __future__ import annotations

import re
from pathlib import Path

import laoshan_desk.ui as ui_package

UI = Path(ui_package.__file__).parent


def _sources(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(UI)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.py"))
        if "forms" not in p.relative_to(UI).parts[:1]  # generated from .ui files
    }


def test_no_screen_fills_a_table_widget_or_a_standard_item_model() -> None:
    sources = _sources(UI)
    assert len(sources) > 50
    found = [name for name, text in sources.items() if re.search(r"\bQ(TableWidget|StandardItemModel)\b", text)]
    assert found == []


def test_the_admin_pages_open_no_nested_event_loop() -> None:
    pages = {
        name: (UI / "admin" / name).read_text(encoding="utf-8")
        for name in ("users_page.py", "calendar_page.py", "org_page.py")
    }
    blocking = r"\.exec\(\)|QInputDialog\.get|QMessageBox\.(information|question|warning)\("
    found = [
        f"{name}:{text[: m.start()].count(chr(10)) + 1}"
        for name, text in pages.items()
        for m in re.finditer(blocking, text)
    ]
    assert found == []
