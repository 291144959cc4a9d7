"""The SQL the appeal queue pages through: scope, filters, lights, full-text search, sorting.

``fts_index`` holds the full-text index, ``search`` its search condition and pages, ``lights`` the light rule in SQL,
``filters`` the row scope, the clerk's filters and the sort order; callers write
``from laoshan_desk.store.queries import appeals as q`` and ``q.filtered(...)``.
"""

from __future__ import annotations

from .filters import SORTS, QueueFilterLike, filtered, local_day, narrows_to_open, order, scope_condition
from .fts_index import (
    CJK_TABLE,
    FTS_TABLE,
    PAIRS_TABLE,
    TRIGGERS,
    cjk_available,
    create_cjk_triggers,
    create_fts_triggers,
    drop_fts,
    ensure_cjk,
    ensure_fts,
    fts_available,
    fts_outdated,
    fts_rebuild_pending,
    pairs_available,
    replace_legacy_fts,
)
from .lights import AWAITING_RESPONSE, FINISHED, OPEN, RUNNING, light_column, light_condition
from .search import fts_count, receipt_page, search_condition, text_only_match

__all__ = [
    "AWAITING_RESPONSE",
    "CJK_TABLE",
    "FINISHED",
    "FTS_TABLE",
    "OPEN",
    "PAIRS_TABLE",
    "QueueFilterLike",
    "RUNNING",
    "SORTS",
    "TRIGGERS",
    "cjk_available",
    "create_cjk_triggers",
    "create_fts_triggers",
    "drop_fts",
    "ensure_cjk",
    "ensure_fts",
    "filtered",
    "fts_available",
    "fts_count",
    "light_column",
    "light_condition",
    "local_day",
    "narrows_to_open",
    "order",
    "pairs_available",
    "receipt_page",
    "fts_outdated",
    "fts_rebuild_pending",
    "replace_legacy_fts",
    "scope_condition",
    "search_condition",
    "text_only_match",
]
