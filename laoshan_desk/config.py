"""Where things live: the data directory (platformdirs), the default database, resources.

The database URL comes from ``--db``, else ``LAOSHAN_DESK_DB``, else an SQLite file in the
user's data directory. ``LAOSHAN_DESK_HOME`` moves the whole data directory (tests use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "LaoshanDesk"
APP_AUTHOR = "Laoshan"
# The source tree, or inside the installed bundle (PyInstaller) the folder holding resources/,
# forms/ and reports/: its sys._MEIPASS. User data never lives here (see data_dir()).
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
RESOURCES = ROOT / "resources"
REPORTS = ROOT / "reports"
FORMS = ROOT / "forms"


def data_dir() -> Path:
    override = os.environ.get("LAOSHAN_DESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "laoshan-desk.sqlite3"


def database_url(cli_value: str | None = None) -> str:
    if cli_value:
        return cli_value
    env = os.environ.get("LAOSHAN_DESK_DB")
    if env:
        return env
    return f"sqlite:///{default_db_path()}"
