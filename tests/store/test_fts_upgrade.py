"""A database indexed the old way (``appeal_fts``/``appeal_fts_cjk`` keyed by ``seq``) gets the
receipt-keyed search index when it is opened: the opener is told before the wait starts, the old
tables and triggers are gone, searches count what LIKE counts, and a second opening has nothing to do."""

from __future__ import annotations

from sqlalchemy import text

from laoshan_desk.services import bootstrap
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals import seed as seed_appeals
from laoshan_desk.store.queries import appeals as q
from laoshan_desk.store.queries.appeals.fts_index import TABLES
from tests.conftest import FIXED_NOW

_LEGACY = (
    "CREATE VIRTUAL TABLE appeal_fts USING fts5(content, appellant, enterprise, "
    "content='appeal', content_rowid='seq', tokenize='trigram')",
    "CREATE VIRTUAL TABLE appeal_fts_cjk USING fts5(content, appellant, enterprise, "
    "content='', columnsize=0, tokenize='unicode61')",
    "CREATE TRIGGER appeal_fts_ai AFTER INSERT ON appeal BEGIN INSERT INTO appeal_fts(rowid, content, "
    "appellant, enterprise) VALUES (new.seq, new.content, new.appellant, new.enterprise); END",
    "INSERT INTO appeal_fts(appeal_fts) VALUES('rebuild')",
)


def _names(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'appeal_fts%'").scalars())


def _like(db, word: str) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        sql = "SELECT count(*) FROM appeal WHERE content LIKE :p OR appellant LIKE :p OR enterprise LIKE :p"
        return int(conn.execute(text(sql), {"p": f"%{word}%"}).scalar_one())


def _make_legacy(db, admin) -> str:  # type: ignore[no-untyped-def]
    seed_appeals.load_demo(db, admin, appeals=400, now=FIXED_NOW)
    with db.engine.begin() as conn:
        q.drop_fts(conn)  # what a database of the time had instead
        for statement in _LEGACY:
            conn.exec_driver_sql(statement)
    url = db.url
    db.dispose()
    return url


def test_an_old_search_index_is_rebuilt_on_opening_and_the_wait_is_announced(db, admin):
    url = _make_legacy(db, admin)

    notes: list[str] = []
    reopened = bootstrap.open_database(url, notice=notes.append)
    try:
        assert notes == [bootstrap.REINDEX_NOTICE]
        names = _names(reopened)
        assert {"appeal_fts", "appeal_fts_cjk", "appeal_fts_ai"}.isdisjoint(names)
        assert set(TABLES) <= names
        for word in ("噪音扰民", "漏水", "王"):
            found = queue.count(reopened, admin, queue.QueueFilter(text=word), now=FIXED_NOW)
            assert found == _like(reopened, word) > 0, word
    finally:
        reopened.dispose()

    again: list[str] = []
    bootstrap.open_database(url, notice=again.append).dispose()
    assert again == []


def test_the_command_line_says_so_on_stderr_before_the_wait(db, admin, capsys):
    from laoshan_desk.cli import main

    url = _make_legacy(db, admin)
    assert main(["--db", url, "appeals", "stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert bootstrap.REINDEX_NOTICE in captured.err and bootstrap.REINDEX_NOTICE not in captured.out
    assert main(["--db", url, "appeals", "stats", "--json"]) == 0
    assert bootstrap.REINDEX_NOTICE not in capsys.readouterr().err  # once


def test_a_new_empty_database_is_not_announced(tmp_path):
    notes: list[str] = []
    bootstrap.open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}", notice=notes.append).dispose()
    assert notes == []
