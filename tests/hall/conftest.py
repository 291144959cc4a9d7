"""The hall's tests run on a real PostgreSQL server started for them (tests/pg_server.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import pg_server

requires_pg = pytest.mark.skipif(
    pg_server.server_bin() is None, reason="PostgreSQL server not installed (apt-get install postgresql)"
)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """An empty database on a fresh server for the module; stopped afterwards."""
    with pg_server.running_server() as url:
        yield url
