"""Helpers every command module shares: opening the database, JSON output, argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from laoshan_desk.config import database_url
from laoshan_desk.services.bootstrap import open_database
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.store.db import Database


def database(args: argparse.Namespace) -> Database:
    return open_database(database_url(getattr(args, "db", None)))


def print_json(value: Any) -> None:
    json.dump(jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text!r}") from None


def existing_file(text: str) -> Path:
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"文件不存在：{text}")
    return path
