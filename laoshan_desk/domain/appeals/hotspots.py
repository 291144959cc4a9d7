"""未诉先办 — "act before the appeal": finding problems in the appeals before more arrive.

Pure functions over lists of plain records (anything with ``received_at`` and ``content``, and
optionally ``key``, ``community``, ``grid``, ``phone``; :class:`AppealRecord` is the reference
shape):

* hot topics: keywords by Chinese word segmentation (jieba, with the local user dictionary
  ``resources/data/appeal_userdict.txt`` so that 垃圾清运, 噪音扰民, 占道经营 stay one word, and the
  stop-word list ``resources/data/stopwords.txt`` so that 反映, 小区, 希望 do not top every list);
* keyword counts per week and per community;
* week-on-week surges (this week against last, with ratio and absolute thresholds);
* places and phones that appeal again and again (≥ 3 appeals in N days).

A keyword counts once per appeal (an appeal that says 噪音 five times is still one appeal about
noise), so every count here reads "appeals mentioning it". Weeks are ISO weeks, Monday first, in
Asia/Shanghai; datetimes must be timezone-aware.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import jieba

from laoshan_desk.domain.appeals.clocks import local_date
from laoshan_desk.domain.appeals.duplicates import normalise_phone

__all__ = [
    "DATA_DIR",
    "STOPWORDS_FILE",
    "USERDICT_FILE",
    "AppealRecord",
    "Segmenter",
    "Surge",
    "Repeat",
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
]

DATA_DIR = Path(__file__).resolve().parents[3] / "resources" / "data"
STOPWORDS_FILE = DATA_DIR / "stopwords.txt"
USERDICT_FILE = DATA_DIR / "appeal_userdict.txt"


class _Record(Protocol):
    @property
    def received_at(self) -> dt.datetime: ...
    @property
    def content(self) -> str: ...


@dataclass(frozen=True)
class AppealRecord:
    """The fields hot-spot analysis reads from an appeal."""

    key: str
    received_at: dt.datetime
    content: str
    street: str | None = None
    community: str | None = None
    grid: str | None = None
    phone: str | None = None


# -- segmentation ------------------------------------------------------------------------------
def load_stopwords(path: Path | str | None = None) -> frozenset[str]:
    """Stop words, one a line; blank lines and lines starting with # are skipped."""
    text = Path(path or STOPWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_word(token: str) -> bool:
    # One-character tokens are mostly particles (的, 了) or fragments; numbers and punctuation
    # (3, 14度 split as 14 / 度, ，) say nothing about the topic.
    if len(token) < 2:
        return False
    return any(ch.isalpha() for ch in token)


class Segmenter:
    """A jieba tokenizer of its own (the global one stays untouched) with our dictionary.

    Results are cached per text, because the same week's appeals are counted by several views.
    """

    _CACHE_LIMIT = 200_000

    def __init__(
        self,
        userdict: Path | str | None = USERDICT_FILE,
        stopwords: Iterable[str] | None = None,
    ) -> None:
        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG to stderr
        self._tokenizer = jieba.Tokenizer()
        if userdict is not None:
            self._tokenizer.load_userdict(str(userdict))
        self.stopwords = frozenset(stopwords) if stopwords is not None else load_stopwords()
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def keywords(self, text: str) -> tuple[str, ...]:
        """Distinct keywords of ``text`` in order of first appearance."""
        text = text or ""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        with self._lock:  # jieba's tokenizer is not documented as thread-safe
            tokens = self._tokenizer.lcut(text)
        words = tuple(
            dict.fromkeys(
                t.strip().lower() for t in tokens if _is_word(t.strip()) and t.strip().lower() not in self.stopwords
            )
        )
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = words
        return words


_default: Segmenter | None = None
_default_lock = threading.Lock()


def default_segmenter() -> Segmenter:
    """The shared segmenter with the bundled dictionary and stop words (built on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Segmenter()
        return _default


def keywords(text: str, segmenter: Segmenter | None = None) -> tuple[str, ...]:
    """Distinct keywords of one appeal's content."""
    return (segmenter or default_segmenter()).keywords(text)


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
    seg = segmenter or default_segmenter()
    counts: Counter[str] = Counter()
    for record in records:
        if _in_range(record, start, end):
            counts.update(seg.keywords(record.content))
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
    seg = segmenter or default_segmenter()
    weeks: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for record in records:
        weeks[week_start(record.received_at)].update(seg.keywords(record.content))
    return dict(sorted(weeks.items()))


def community_keyword_counts(
    records: Iterable[_Record],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    segmenter: Segmenter | None = None,
) -> dict[str, Counter[str]]:
    """Keyword counts per community (records without a community are left out)."""
    seg = segmenter or default_segmenter()
    result: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        community = getattr(record, "community", None)
        if community and _in_range(record, start, end):
            result[community].update(seg.keywords(record.content))
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
    seg = segmenter or default_segmenter()
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
        bucket[scope].update(seg.keywords(record.content))
    found: list[Surge] = []
    for scope, counts in this_week.items():
        before = last_week.get(scope, Counter())
        for word, now_count in counts.items():
            prev = before.get(word, 0)
            if now_count < min_count or now_count - prev < min_increase:
                continue
            if prev and now_count / prev < min_ratio:
                continue
            found.append(Surge(word, now_count, prev, scope))
    found.sort(key=lambda s: (-s.increase, -s.this_week, s.community or "", s.keyword))
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
