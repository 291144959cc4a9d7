"""The hub's password, kept out of the desk's database: libpq's password file.

``link`` is given the district database's URL, perhaps with a password in it. The password goes
into a password file of libpq's own format (``hub.pgpass`` in the desk's data directory, mode
0600, one ``host:port:database:user:password`` line per hub login) and the URL kept in
``sync_link`` names that file instead (``?passfile=…``): PostgreSQL's client library reads the
password from there when it connects, and the password is in no table, setting, log or audit
record of the desk. ``unlink`` removes the line (and the file once empty). The file's mode is
what protects it, as it protects a DBA's ``~/.pgpass``: libpq refuses a file others can read.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from laoshan_desk.config import data_dir

PASSFILE = "hub.pgpass"


def passfile() -> Path:
    """Where the desk keeps its hub passwords."""
    return data_dir() / PASSFILE


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _entry_key(url: URL) -> str:
    """The first four fields of the password file's line for ``url`` (host, port, database, user)."""
    fields = [url.host or "*", str(url.port) if url.port else "*", url.database or "*", url.username or "*"]
    return ":".join(_escape(f) for f in fields)


def _read(path: Path) -> list[str]:
    try:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def _write(path: Path, lines: list[str]) -> None:
    """Write the file (0600 from its creation on, never readable by others in between)."""
    tmp = path.with_name(path.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))
    tmp.replace(path)
    os.chmod(path, 0o600)


def _drop_line(lines: list[str], key: str) -> list[str]:
    return [line for line in lines if not line.startswith(key + ":")]


def keep(url: str) -> str:
    """The URL to keep for the hub: without its password, which goes to the password file (for a
    PostgreSQL URL; any other kind of URL just loses the password)."""
    parsed = make_url(url)
    if parsed.password is None:
        return parsed.render_as_string(hide_password=False)
    secret = str(parsed.password)
    bare = parsed._replace(password=None)  # URL.set(password=None) keeps the password
    if parsed.get_backend_name() != "postgresql":
        return bare.render_as_string(hide_password=False)
    path = passfile()
    key = _entry_key(parsed)
    _write(path, [*_drop_line(_read(path), key), f"{key}:{_escape(secret)}"])
    return bare.update_query_dict({"passfile": str(path)}).render_as_string(hide_password=False)


def forget(url: str) -> bool:
    """Remove the password of the hub at ``url`` (a URL :func:`keep` returned); True if there was one."""
    parsed = make_url(url)
    named = parsed.query.get("passfile")
    path = Path(str(named)) if isinstance(named, str) and named else passfile()
    lines = _read(path)
    left = _drop_line(lines, _entry_key(parsed))
    if len(left) == len(lines):
        return False
    if left:
        _write(path, left)
    else:
        path.unlink()
    return True
