"""Full-text search over the appeals: the search condition, the count and pages by the index.

On SQLite the texts are matched in the two FTS5 tables of :mod:`.fts_index` (rowid = the receipt
key): words of 3 characters or more in the trigram table, words of 2 Chinese characters in the
pairs table (every two adjacent CJK characters one token: ``"工资"`` is one token), words of 1
in the CJK character table, where every CJK character is a token of its own and every run of other
characters one placeholder token (the phrase ``"工 资"`` serves 2-character words where the pairs
table is missing); each matches exactly the rows ``LIKE '%word%'`` would. Other short words
(Latin, digits, mixed) fall back to LIKE. On PostgreSQL the texts are matched with ILIKE, served
by pg_trgm GIN indexes for 3 characters or more; an SQLite without FTS5 uses LIKE: correct,
slower.

A search of Chinese words (:func:`text_only_match`) sorted by the time received is answered in
the index's own order: the count of the search alone is the index's (:func:`fts_count`), and a
page (:func:`receipt_page`) is read in rowid order with a LIMIT — with a scope or other filters
the hits are joined to the appeals one by one until the page is full — so no hit outside the page
is sorted. Any other sort orders every hit in SQL, as for any other filter.

Pinyin initials: ``appellant_initials`` holds e.g. ``zs`` for 张三; an all-letter query also
matches it by prefix (a range on the index, so it stays fast on every dialect).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.sqlfunctions import CJK_CHARS

from .fts_index import (
    CJK_TABLE,
    FTS_TABLE,
    PAIRS_TABLE,
    SECOND,
    cjk_available,
    fts_available,
    pairs_available,
    second_of,
    seq_of,
    seq_sql,
)

_CJK_WORD = re.compile(f"^[{CJK_CHARS}]+$")


_LETTERS = re.compile(r"^[A-Za-z]+$")
_DIGITS = re.compile(r"^[\d\-]{4,}$")
_NUMBERISH = re.compile(r"^[A-Za-z]*\d[\w\-]*$")


def search_condition(session: Session, query: str) -> Any:
    """WHERE clause for the search box: content/names (FTS or LIKE), pinyin initials, numbers.

    On PostgreSQL the texts are matched with ILIKE, which the pg_trgm GIN indexes (migration
    0021) serve for 3 characters or more; shorter words read every row, as LIKE does on SQLite,
    and match exactly what SQLite's FTS tables match (tests/store/test_appeal_search.py).
    """
    words = [w for w in query.split() if w]
    if not words:
        return None
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    use_fts = fts_available(connection)
    use_cjk = cjk_available(connection)
    use_pairs = pairs_available(connection)
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        options: list[ColumnElement[bool]] = []
        letters = bool(_LETTERS.match(word))
        pattern = f"%{_escape_like(word)}%"
        if postgres and (len(word) >= 3 or not letters):
            options += [
                Appeal.content.ilike(pattern, escape="\\"),
                Appeal.appellant.ilike(pattern, escape="\\"),
                Appeal.enterprise.ilike(pattern, escape="\\"),
            ]
        elif use_fts and len(word) >= 3:
            name = f"fts_q{len(conditions)}"
            match = text(f"{FTS_TABLE} MATCH :{name}").bindparams(bindparam(name, value=_phrase(word)))
            options.append(Appeal.seq.in_(select(text(seq_sql("rowid"))).select_from(text(FTS_TABLE)).where(match)))
        elif use_pairs and len(word) == 2 and _CJK_WORD.match(word):  # 2 Chinese characters: one token
            name = f"fts_q{len(conditions)}"
            match = text(f"{PAIRS_TABLE} MATCH :{name}").bindparams(bindparam(name, value=_phrase(word)))
            options.append(Appeal.seq.in_(select(text(seq_sql("rowid"))).select_from(text(PAIRS_TABLE)).where(match)))
        elif use_cjk and _CJK_WORD.match(word):  # 1-2 Chinese characters: one token per character
            name = f"fts_q{len(conditions)}"
            match = text(f"{CJK_TABLE} MATCH :{name}").bindparams(bindparam(name, value=_cjk_phrase(word)))
            options.append(Appeal.seq.in_(select(text(seq_sql("rowid"))).select_from(text(CJK_TABLE)).where(match)))
        elif not letters:  # short Latin words are pinyin initials, not content: no table scan
            options += [
                Appeal.content.like(pattern, escape="\\"),
                Appeal.appellant.like(pattern, escape="\\"),
                Appeal.enterprise.like(pattern, escape="\\"),
            ]
        if letters:
            low = word.lower()
            options.append(and_(Appeal.appellant_initials >= low, Appeal.appellant_initials < low + "{"))
        upper = word.upper()
        if _NUMBERISH.match(word):  # appeal numbers: LS2026…, city-platform numbers, digits
            options.append(and_(Appeal.number >= upper, Appeal.number < upper + "~"))
        if _DIGITS.match(word):
            options.append(Appeal.phone.like(f"%{word}%"))
        conditions.append(or_(*options))
    return and_(*conditions)


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _cjk_phrase(word: str) -> str:
    return '"' + " ".join(word) + '"'


def text_only_match(connection: Connection, query: str) -> tuple[str, str] | None:
    """(FTS table, MATCH expression) when the search is words of Chinese characters only, all of
    one table's kind (3 or more characters: the trigram table; 2: the pairs table; 1-2: the
    character table): then the hits, their count and their order are the FTS table's own
    (:func:`fts_count`, :func:`receipt_page`). None otherwise (the general :func:`search_condition` applies)."""
    words = [w for w in query.split() if w]
    if not words or not all(_CJK_WORD.match(w) for w in words):
        return None
    if all(len(w) >= 3 for w in words) and fts_available(connection):
        return FTS_TABLE, " ".join(_phrase(w) for w in words)
    if all(len(w) == 2 for w in words) and pairs_available(connection):
        return PAIRS_TABLE, " ".join(_phrase(w) for w in words)
    if all(len(w) <= 2 for w in words) and cjk_available(connection):
        return CJK_TABLE, " ".join(_cjk_phrase(w) for w in words)
    return None


def fts_count(session: Session, table: str, match: str) -> int:
    """How many rows match, counted in the FTS index itself (no join to the appeals)."""
    return int(session.connection().execute(_count_sql(table), {"m": match}).scalar() or 0)


@functools.cache
def _count_sql(table: str) -> Any:
    return text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :m")


def receipt_page(
    session: Session,
    others: Select[Any] | None,
    fts: str,
    match: str,
    *,
    offset: int,
    limit: int,
    descending: bool,
    most: int = 5000,
) -> list[int] | None:
    """One page of matching ``appeal.seq`` by the time received (ties by seq), newest first when
    ``descending``, read from the index in its rowid (receipt key) order: no sort of every hit.

    ``others`` is the appeals' select of ``seq`` with the scope and the other filters (None: the
    search alone), tested hit by hit until the page is full. The key orders by the second
    received, so the page's edges are widened to every hit received in the same second as the
    edge rows, those few are ordered by their exact times, and the page is cut from them
    (``before``: the hits ahead of that window, counted only when some were pulled in). None when
    that window holds more than ``most`` hits (a batch stamped with one time): the caller sorts
    every hit in SQL instead."""
    keys = _keys(session, others, fts, match, descending=descending, offset=offset, limit=limit)
    if not keys:
        return []
    seconds = sorted({second_of(keys[0]), second_of(keys[-1])})
    low, high = seconds[0] * SECOND, (seconds[-1] + 1) * SECOND
    window = _keys(session, others, fts, match, descending=descending, limit=most + 1, low=low, high=high)
    if len(window) == len(keys):
        return [seq_of(k) for k in keys]  # nothing else in those seconds: the caller orders the page
    if len(window) > most:
        return None
    before = 0
    if offset:
        ahead = {"low": high} if descending else {"high": low}
        before = _count(session, others, fts, match, **ahead)
    times = session.execute(
        select(Appeal.seq, Appeal.received_at).where(Appeal.seq.in_([seq_of(k) for k in window]))
    ).all()
    ordered = [seq for seq, _ in sorted(times, key=lambda r: (r.received_at, r.seq), reverse=descending)]
    return ordered[offset - before : offset - before + limit]


def _index_select(others: Select[Any] | None, fts: str, match: str, low: int | None, high: int | None) -> Any:
    """The hits' keys (index rowids): from the index alone, or joined to ``others`` row by row."""
    index = sql_table(fts, sql_column("rowid", Integer))
    rowid = index.c.rowid
    where: list[Any] = [text(f"{fts} MATCH :fts_match").bindparams(bindparam("fts_match", value=match))]
    if low is not None:
        where.append(rowid >= low)
    if high is not None:
        where.append(rowid < high)
    if others is None:
        return select(rowid).select_from(index).where(*where), rowid
    seq = literal_column(seq_sql(f"{fts}.rowid"), Integer)
    return others.join(index, Appeal.seq == seq).where(*where).with_only_columns(rowid), rowid


@functools.cache
def _alone_keys(fts: str, descending: bool, low: bool, high: bool, limited: bool) -> Select[Any]:
    """The keys of a search alone, one statement per shape, built once: a page is read on every
    scroll, and building and keying a statement cost more than the index reading it (0.4 ms)."""
    index = sql_table(fts, sql_column("rowid", Integer))
    rowid = index.c.rowid
    where: list[Any] = [text(f"{fts} MATCH :fts_match")]
    if low:
        where.append(rowid >= bindparam("low"))
    if high:
        where.append(rowid < bindparam("high"))
    stmt = select(rowid).select_from(index).where(*where).order_by(rowid.desc() if descending else rowid.asc())
    return stmt.offset(bindparam("offset")).limit(bindparam("limit")) if limited else stmt


def _keys(
    session: Session,
    others: Select[Any] | None,
    fts: str,
    match: str,
    *,
    descending: bool,
    offset: int = 0,
    limit: int | None = None,
    low: int | None = None,
    high: int | None = None,
) -> list[int]:
    if others is None:
        alone = _alone_keys(fts, descending, low is not None, high is not None, limit is not None)
        values = {"fts_match": match, "low": low, "high": high, "offset": offset, "limit": limit}
        return list(session.connection().execute(alone, {k: v for k, v in values.items() if v is not None}).scalars())
    stmt, rowid = _index_select(others, fts, match, low, high)
    stmt = stmt.order_by(rowid.desc() if descending else rowid.asc())
    if limit is not None:
        stmt = stmt.offset(offset).limit(limit)
    return list(session.connection().execute(stmt).scalars())  # a Core select: no ORM step


def _count(
    session: Session,
    others: Select[Any] | None,
    fts: str,
    match: str,
    *,
    low: int | None = None,
    high: int | None = None,
) -> int:
    stmt, _ = _index_select(others, fts, match, low, high)
    return int(session.scalar(stmt.with_only_columns(func.count())) or 0)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
