"""Where the desk finds its own files: the source tree, or the installed bundle's folder."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from laoshan_desk import config


def test_source_tree_resources_are_real_files() -> None:
    assert (config.RESOURCES / "fonts" / "wqy-microhei.ttc").is_file()
    assert (config.REPORTS / "layouts").is_dir()
    assert (config.FORMS / "login_dialog.ui").is_file()


def test_inside_a_bundle_resources_come_from_the_bundle_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # PyInstaller sets sys._MEIPASS to the folder holding resources/, forms/ and reports/.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    try:
        bundled = importlib.reload(config)
        assert bundled.RESOURCES == tmp_path / "resources"
        assert bundled.REPORTS == tmp_path / "reports"
        assert bundled.FORMS == tmp_path / "forms"
    finally:
        monkeypatch.undo()
        importlib.reload(config)
    assert config.RESOURCES == Path(__file__).resolve().parent.parent / "resources"


def test_user_data_never_lives_in_the_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LAOSHAN_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LAOSHAN_DESK_DB", raising=False)
    assert config.default_db_path() == tmp_path / "home" / "laoshan-desk.sqlite3"
    assert config.backups_dir() == tmp_path / "home" / "backups"
