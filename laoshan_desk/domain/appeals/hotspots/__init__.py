"""未诉先办 — "act before the appeal": finding problems in the appeals before more arrive.

Pure functions over lists of plain records (anything with ``received_at`` and ``terms`` — the
appeal's stored terms, :mod:`.terms` — or, for records not yet stored, ``content``; and
optionally ``key``, ``community``, ``grid``, ``phone``; :class:`AppealRecord` is the reference
shape):

* hot topics: the terms appeals are about (nouns and verb-object phrases, stop words out);
* term counts per week and per community;
* week-on-week surges (this week against last, with ratio and absolute thresholds);
* places and phones that appeal again and again (≥ 3 appeals in N days);
* :func:`summarise`: all of them in one pass over a period's rows (the hot-spots screen and the
  work brief, docs/rules.md §appeals-hotspots).

A term counts once per appeal (an appeal that says 噪音 five times is still one appeal about
noise), so every count here reads "appeals mentioning it". Weeks are ISO weeks, Monday first, in
Asia/Shanghai; datetimes must be timezone-aware.
"""

from __future__ import annotations

from laoshan_desk.domain.appeals.terms import (
    DATA_DIR,
    STOPWORDS_FILE,
    USERDICT_FILE,
    Segmenter,
    default_segmenter,
    keywords,
    load_stopwords,
)

from .counts import (
    AppealRecord,
    community_keyword_counts,
    hot_topics,
    keyword_counts,
    week_start,
    weekly_keyword_counts,
)
from .recurring import Repeat, repeat_phones, repeat_places, repeats
from .rises import Surge, surges
from .summary import Summary, rank, summarise

__all__ = [
    "AppealRecord",
    "DATA_DIR",
    "Repeat",
    "STOPWORDS_FILE",
    "Segmenter",
    "Summary",
    "Surge",
    "USERDICT_FILE",
    "community_keyword_counts",
    "default_segmenter",
    "hot_topics",
    "keyword_counts",
    "keywords",
    "load_stopwords",
    "rank",
    "repeat_phones",
    "repeat_places",
    "repeats",
    "summarise",
    "surges",
    "week_start",
    "weekly_keyword_counts",
]
