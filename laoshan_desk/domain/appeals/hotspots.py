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

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, Protocol

from laoshan_desk.domain.appeals.clocks import local_date
from laoshan_desk.domain.appeals.duplicates import normalise_phone
from laoshan_desk.domain.appeals.terms import (
    DATA_DIR,
    STOPWORDS_FILE,
    USERDICT_FILE,
    Segmenter,
    bundled_stopwords,
    default_segmenter,
    keywords,
    load_stopwords,
)

__all__ = [
    "DATA_DIR",
    "STOPWORDS_FILE",
    "USERDICT_FILE",
    "AppealRecord",
    "Segmenter",
    "Surge",
    "Repeat",
    "Summary",
    "load_stopwords",
    "default_segmenter",
    "keywords",
    "week_start",
    "keyword_counts",
    "hot_topics",
    "weekly_keyword_counts",
    "community_keyword_counts",
    "surges",
    "repeats",
    "repeat_places",
    "repeat_phones",
    "summarise",
    "rank",
]


class _Record(Protocol):
    @property
    def received_at(self) -> dt.datetime: ...


@dataclass(frozen=True)
class AppealRecord:
    """The fields hot-spot analysis reads from an appeal (``terms`` None: segment ``content``)."""

    key: str
    received_at: dt.datetime
    content: str
    street: str | None = None
    community: str | None = None
    grid: str | None = None
    phone: str | None = None
    terms: tuple[str, ...] | None = None


def _terms(record: Any, seg: Segmenter | None) -> tuple[str, ...]:
    stored = getattr(record, "terms", None)
    if stored is not None:
        return tuple(stored)
    return (seg or default_segmenter()).keywords(getattr(record, "content", ""))


# -- counting ----------------------------------------------------------------------------------
def week_start(day: dt.date | dt.datetime) -> dt.date:
    """The Monday of the ISO week holding ``day`` (a datetime is read in Shanghai time)."""
    if isinstance(day, dt.datetime):
        day = local_date(day)
    return day - dt.timedelta(days=day.weekday())


def _in_range(record: _Record, start: dt.date | None, end: dt.date | None) -> bool:
    day = local_date(record.received_at)
    return (start is None or day >= start) and (end is None or day <= end)


def keyword_counts(
    records: Iterable[_Record],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> Counter[str]:
    """Appeals mentioning each keyword, received in the closed date range [start, end]."""
    seg = segmenter
    counts: Counter[str] = Counter()
    for record in records:
        if _in_range(record, start, end):
            counts.update(_terms(record, seg))
    return counts


def _ranked(counts: Counter[str], top: int | None, min_count: int) -> list[tuple[str, int]]:
    # Ties sorted by the word itself so that reports are reproducible run to run.
    items = sorted(((k, n) for k, n in counts.items() if n >= min_count), key=lambda kn: (-kn[1], kn[0]))
    return items if top is None else items[:top]


def hot_topics(
    records: Iterable[_Record],
    *,
    top: int = 10,
    min_count: int = 2,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> list[tuple[str, int]]:
    """The ``top`` keywords by number of appeals mentioning them (at least ``min_count``)."""
    return _ranked(keyword_counts(records, start=start, end=end, segmenter=segmenter), top, min_count)


def weekly_keyword_counts(
    records: Iterable[_Record], *, segmenter: Segmenter | None = None
) -> dict[dt.date, Counter[str]]:
    """Keyword counts per ISO week, keyed by the week's Monday, weeks in order."""
    seg = segmenter
    weeks: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for record in records:
        weeks[week_start(record.received_at)].update(_terms(record, seg))
    return dict(sorted(weeks.items()))


def community_keyword_counts(
    records: Iterable[_Record],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> dict[str, Counter[str]]:
    """Keyword counts per community (records without a community are left out)."""
    seg = segmenter
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        community = getattr(record, "community", None)
        if community and _in_range(record, start, end):
            result[community].update(_terms(record, seg))
    return dict(result)


# -- surges ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Surge:
    """A keyword mentioned by many more appeals this week than last."""

    keyword: str
    this_week: int
    last_week: int
    community: str | None = None  # None: the whole district

    @property
    def increase(self) -> int:
        return self.this_week - self.last_week

    @property
    def ratio(self) -> float | None:
        """this ÷ last week; None when last week had none (a new topic, not a finite ratio)."""
        return self.this_week / self.last_week if self.last_week else None

    @property
    def label(self) -> str:
        """e.g. '停车难 本周 12 件，上周 4 件（×3.0）'."""
        times = f"（×{self.ratio:.1f}）" if self.ratio is not None else "（新增）"
        where = f"{self.community} " if self.community else ""
        return f"{where}{self.keyword} 本周 {self.this_week} 件，上周 {self.last_week} 件{times}"


def surges(
    records: Iterable[_Record],
    week_of: dt.date | dt.datetime,
    *,
    min_count: int = 5,
    min_increase: int = 3,
    min_ratio: float = 2.0,
    by_community: bool = False,
    segmenter: Segmenter | None = None,
) -> list[Surge]:
    """Keywords surging in the ISO week holding ``week_of`` against the week before.

    A surge needs all three: at least ``min_count`` appeals this week, at least ``min_increase``
    more than last week, and this ÷ last ≥ ``min_ratio`` (a keyword absent last week passes the
    ratio). The absolute thresholds keep 1 → 2 appeals, a doubling, out of the brief. With
    ``by_community`` each community is compared with itself. Largest increase first.
    """
    seg = segmenter
    this_monday = week_start(week_of)
    last_monday = this_monday - dt.timedelta(days=7)
    this_week: dict[str | None, Counter[str]] = defaultdict(Counter)
    last_week: dict[str | None, Counter[str]] = defaultdict(Counter)
    for record in records:
        monday = week_start(record.received_at)
        if monday not in (this_monday, last_monday):
            continue
        scope = getattr(record, "community", None) if by_community else None
        if by_community and not scope:
            continue
        bucket = this_week if monday == this_monday else last_week
        bucket[scope].update(_terms(record, seg))
    found: list[Surge] = []
    for scope, counts in this_week.items():
        found += _compare(counts, last_week.get(scope, Counter()), scope, min_count, min_increase, min_ratio)
    found.sort(key=lambda s: (-s.increase, -s.this_week, s.community or "", s.keyword))
    return found


def _compare(
    this_week: Counter[str],
    last_week: Counter[str],
    scope: str | None,
    min_count: int,
    min_increase: int,
    min_ratio: float,
) -> list[Surge]:
    found = []
    for word, now_count in this_week.items():
        prev = last_week.get(word, 0)
        if now_count < min_count or now_count - prev < min_increase:
            continue
        if prev and now_count / prev < min_ratio:
            continue
        found.append(Surge(word, now_count, prev, scope))
    return found


# -- repeats -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Repeat:
    """A place or phone with many appeals in the window."""

    value: str
    count: int
    keys: tuple[str, ...]
    first: dt.datetime
    last: dt.datetime


def repeats(
    records: Iterable[_Record],
    key: Callable[[Any], str | None],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
) -> list[Repeat]:
    """Values of ``key`` shared by ≥ ``min_count`` appeals received in the last ``days`` days.

    The window is the ``days`` calendar days ending today (today included) and not after ``now``,
    so "3 appeals in 30 days" reads the way a clerk counts on a calendar. Most appeals first.
    """
    today = local_date(now)
    first_day = today - dt.timedelta(days=days - 1)
    groups: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        if record.received_at > now:
            continue
        if local_date(record.received_at) < first_day:
            continue
        value = key(record)
        if value:
            groups[value].append(record)
    result = []
    for value, items in groups.items():
        if len(items) < min_count:
            continue
        items.sort(key=lambda r: r.received_at)
        result.append(
            Repeat(
                value,
                len(items),
                tuple(str(getattr(r, "key", "")) for r in items),
                items[0].received_at,
                items[-1].received_at,
            )
        )
    result.sort(key=lambda r: (-r.count, r.value))
    return result


def repeat_places(
    records: Iterable[_Record],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
    level: str = "grid",
) -> list[Repeat]:
    """Grids (or communities, ``level='community'``) with ≥ ``min_count`` appeals in ``days``."""
    if level not in ("grid", "community"):
        raise ValueError(f"level must be 'grid' or 'community', not {level!r}")
    return repeats(records, lambda r: getattr(r, level, None), now, days=days, min_count=min_count)


def repeat_phones(
    records: Iterable[_Record],
    now: dt.datetime,
    *,
    days: int = 30,
    min_count: int = 3,
) -> list[Repeat]:
    """Phones (normalised: spaces, dashes and +86 ignored) with ≥ ``min_count`` appeals."""
    return repeats(
        records,
        lambda r: normalise_phone(getattr(r, "phone", None)) or None,
        now,
        days=days,
        min_count=min_count,
    )


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
