"""Everything at once: :func:`summarise` makes one pass over a period's rows and :func:`rank`
turns the counts into the hot-spots screen's and the work brief's lists.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

from laoshan_desk.domain.appeals.duplicates import normalise_phone
from laoshan_desk.domain.appeals.terms import (
    bundled_stopwords,
)

from .counts import _ranked, week_start
from .rises import Surge, _compare

# -- everything at once ------------------------------------------------------------------------
Row = tuple[dt.date, str | None, str | None, str | None, Sequence[str]]  # day, community, grid, phone, terms


@dataclass(frozen=True)
class Summary:
    """What the hot-spots screen and the work brief show for a period."""

    appeals: int
    topics: list[tuple[str, int]]
    by_community: list[tuple[str, list[tuple[str, int]]]]
    surges: list[Surge]
    repeat_places: list[tuple[str, int]]
    repeat_phones: list[tuple[str, int]]


def summarise(
    rows: Iterable[Row],
    *,
    today: dt.date,
    repeat_days: int,
    top: int = 15,
    min_count: int = 2,
    per_community: int = 3,
    communities: int = 10,
    repeat_min: int = 3,
    repeats_shown: int = 10,
) -> Summary:
    """Hot topics, each community's main problems, this week's surges and the repeat places and
    phones of ``rows`` — one pass, the same rules as the functions above.

    ``rows`` are (local day received, community, grid, phone, terms) of the period's appeals,
    none received after now. A community's main problems leave out words of its own name
    (海尔路社区 → 海尔 says nothing about what its people ask for). Repeats count the last
    ``repeat_days`` days ending ``today``.
    """
    # The loop only sorts each appeal's terms into lists; the counting is Counter over chained
    # lists, done in C (a year is 45,000 appeals and a quarter of a million terms).
    lists: dict[str | None, list[Sequence[str]]] = defaultdict(list)
    this_week: list[Sequence[str]] = []
    last_week: list[Sequence[str]] = []
    grids: Counter[str] = Counter()
    phones: Counter[str] = Counter()
    this_monday = week_start(today)
    last_monday = this_monday - dt.timedelta(days=7)
    first_repeat_day = today - dt.timedelta(days=repeat_days - 1)
    for day, community, grid, phone, terms in rows:
        lists[community].append(terms)
        if day >= this_monday:
            this_week.append(terms)
        elif day >= last_monday:
            last_week.append(terms)
        if day >= first_repeat_day:
            if grid:
                grids[grid] += 1
            if phone:
                phones[phone] += 1
    return rank(
        {c: Counter(chain.from_iterable(items)) for c, items in lists.items()},
        Counter(chain.from_iterable(this_week)),
        Counter(chain.from_iterable(last_week)),
        grids,
        phones,
        appeals=sum(len(items) for items in lists.values()),
        top=top,
        min_count=min_count,
        per_community=per_community,
        communities=communities,
        repeat_min=repeat_min,
        repeats_shown=repeats_shown,
    )


def _without(counts: Counter[str], stop: frozenset[str]) -> Counter[str]:
    dropped = stop.intersection(counts)
    if not dropped:
        return counts
    return Counter({k: n for k, n in counts.items() if k not in dropped})


def rank(
    per: Mapping[str | None, Counter[str]],
    this_week: Counter[str],
    last_week: Counter[str],
    grids: Mapping[str, int],
    phones: Mapping[str, int],
    *,
    appeals: int,
    top: int = 15,
    min_count: int = 2,
    per_community: int = 3,
    communities: int = 10,
    repeat_min: int = 3,
    repeats_shown: int = 10,
) -> Summary:
    """The summary from counts already made (the service counts in SQL): ``per`` maps each
    community (None: appeals without one) to how many appeals mention each term. Terms stored
    before a word joined the stop-word list are left out here."""
    stop = bundled_stopwords()
    per = {c: _without(counts, stop) for c, counts in per.items()}
    this_week, last_week = _without(this_week, stop), _without(last_week, stop)
    topics: Counter[str] = Counter()
    for counts in per.values():
        topics.update(counts)
    merged: Counter[str] = Counter()
    for phone, n in phones.items():  # stored phones are normal already; other spellings join them
        key = phone if phone.isdigit() else normalise_phone(phone)
        if key:
            merged[key] += n
    by_community = sorted(
        (
            (c, [(k, n) for k, n in counts.most_common(per_community + 5) if k not in c][:per_community])
            for c, counts in per.items()
            if c
        ),
        key=lambda item: (-sum(n for _, n in item[1]), item[0]),
    )[:communities]
    found = _compare(this_week, last_week, None, 5, 3, 2.0)
    found.sort(key=lambda s: (-s.increase, -s.this_week, s.keyword))

    def repeated(counter: Counter[str]) -> list[tuple[str, int]]:
        items = sorted(((v, n) for v, n in counter.items() if n >= repeat_min), key=lambda vn: (-vn[1], vn[0]))
        return items[:repeats_shown]

    return Summary(
        appeals=appeals,
        topics=_ranked(topics, top, min_count),
        by_community=by_community,
        surges=found,
        repeat_places=repeated(Counter(grids)),
        repeat_phones=repeated(merged),
    )
