"""The SQL the appeal queue pages through: scope, filters, lights, full-text search, sorting.

``search`` holds the full-text index and its search condition, ``lights`` the light rule in SQL,
``filters`` the row scope, the clerk's filters and the sort order; callers write
``from laoshan_desk.store.queries import appeals as q`` and ``q.filtered(...)``.
"""

from __future__ import annotations

from .filters import SORTS, QueueFilterLike, filtered, local_day, narrows_to_open, order, scope_condition
from .lights import AWAITING_RESPONSE, FINISHED, OPEN, RUNNING, light_column, light_condition
from .search import (
    CJK_TABLE,
    FTS_TABLE,
    cjk_available,
    create_cjk_triggers,
    create_fts_triggers,
    drop_fts,
    ensure_cjk,
    ensure_fts,
    fts_available,
    fts_count,
    fts_page,
    in_index_order,
    search_condition,
    text_only_match,
)

__all__ = [
    "AWAITING_RESPONSE",
    "CJK_TABLE",
    "FINISHED",
    "FTS_TABLE",
    "OPEN",
    "QueueFilterLike",
    "RUNNING",
    "SORTS",
    "cjk_available",
    "create_cjk_triggers",
    "create_fts_triggers",
    "drop_fts",
    "ensure_cjk",
    "ensure_fts",
    "filtered",
    "fts_available",
    "fts_count",
    "fts_page",
    "in_index_order",
    "light_column",
    "light_condition",
    "local_day",
    "narrows_to_open",
    "order",
    "scope_condition",
    "search_condition",
    "text_only_match",
]
