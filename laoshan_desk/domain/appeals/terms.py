"""The terms of an appeal: what its text is about, found once when the appeal is written.

Hot spots (未诉先办, docs/rules.md §appeals-hotspots) must read as problems — 停车难, 燃气异味,
拖欠工资 — not as the words every appeal is written with (不上, 我家, 楼上, 住户, 已有, 讲解).
So the terms are chosen by part of speech (``jieba.posseg``) as well as by a stop-word list:

* nouns and noun-like words (n, nz, nt, nl, ng, vn, an; not place or person names, which
  say where and who, not what), at least two characters with a letter in them;
* verb-object phrases: a verb (or verbal noun) of two or more characters directly followed by
  such a noun (堵塞 + 消防通道 → 堵塞消防通道, 检修 + 暖气 → 检修暖气);
* place names are known as such (the organisation tree's streets and communities, and their
  stems), so 王家麦岛 is a place, not a topic;
* minus the stop words (``resources/data/stopwords.txt``: boilerplate and words of every
  appeal) — and with the local dictionary (``resources/data/appeal_userdict.txt``) so that
  垃圾清运, 噪音扰民, 占道经营 stay one word.

Each term counts once per appeal. The service segments each appeal when it is written and stores
its terms (:func:`encode`), so that the analysis is a count over stored terms. jieba cuts text at
punctuation before it segments, so the terms of a text are those of its clauses; clauses repeat
across appeals (请尽快处理。), and each is segmented once (a bounded cache).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba
import jieba.posseg

__all__ = [
    "DATA_DIR",
    "STOPWORDS_FILE",
    "USERDICT_FILE",
    "MAX_TERMS",
    "load_stopwords",
    "bundled_stopwords",
    "Segmenter",
    "default_segmenter",
    "keywords",
    "encode",
    "decode",
]

DATA_DIR = Path(__file__).resolve().parents[3] / "resources" / "data"
STOPWORDS_FILE = DATA_DIR / "stopwords.txt"
USERDICT_FILE = DATA_DIR / "appeal_userdict.txt"
PLACES_FILE = DATA_DIR / "organisation.json"  # streets, communities, villages and grids
_PLACE_SUFFIXES = ("街道", "社区", "村", "居委会")
MAX_TERMS = 40  # an appeal of 4,000 characters still stores a short line of terms
MAX_TERM_LENGTH = 16

NOUNS = frozenset({"n", "nz", "nt", "nl", "ng", "nw", "vn", "an"})
VERBS = frozenset({"v", "vd", "vi"})
_CLAUSES = re.compile(r"[^\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")


def load_stopwords(path: Path | str | None = None) -> frozenset[str]:
    """Stop words, one a line; blank lines and lines starting with # are skipped."""
    text = Path(path or STOPWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def bundled_stopwords() -> frozenset[str]:
    """The bundled stop words, read once (stored terms are checked against them again when
    counted, so a word added to the list later leaves the hot spots at once)."""
    return load_stopwords()


def load_places(path: Path | str | None = None) -> frozenset[str]:
    """The district's place names and their stems (海尔路社区 and 海尔路, 青山村 and 青山): the
    segmenter knows them as place names, so they are never taken for a topic."""
    data = json.loads(Path(path or PLACES_FILE).read_text(encoding="utf-8"))
    names: set[str] = set()
    for street in data.get("streets", []):
        names.add(street["name"])
        for community in street.get("communities", []):
            names.add(community["name"])
    for name in list(names):
        for suffix in _PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                names.add(name[: -len(suffix)])
    return frozenset(names)


def _is_word(token: str) -> bool:
    # One-character tokens are mostly particles (的, 了) or fragments; numbers (3, 14度 split as
    # 14 / 度) say nothing about the topic.
    return 2 <= len(token) <= MAX_TERM_LENGTH and any(ch.isalpha() for ch in token)


class Segmenter:
    """A jieba tokenizer of its own (the global one stays untouched) with our dictionary."""

    _CACHE_LIMIT = 200_000

    def __init__(
        self,
        userdict: Path | str | None = USERDICT_FILE,
        stopwords: Iterable[str] | None = None,
        places: Iterable[str] | None = None,
    ) -> None:
        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG to stderr
        self._tokenizer = jieba.Tokenizer()
        if userdict is not None:
            self._tokenizer.load_userdict(str(userdict))
        for name in load_places() if places is None else places:
            self._tokenizer.add_word(name, 2000, "ns")
        self._pos = jieba.posseg.POSTokenizer(self._tokenizer)
        self.stopwords = frozenset(stopwords) if stopwords is not None else bundled_stopwords()
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def _clause(self, clause: str) -> tuple[str, ...]:
        cached = self._cache.get(clause)
        if cached is not None:
            return cached
        with self._lock:  # jieba's tokenizer is not documented as thread-safe
            # HMM off: the dictionary decides (ten times faster, and new words are what the
            # user dictionary is for).
            pairs = [(p.word, p.flag) for p in self._pos.lcut(clause, HMM=False)]
        out: list[str] = []
        verb: str | None = None
        for raw, flag in pairs:
            word = raw.strip().lower()
            if not _is_word(word) or word in self.stopwords:
                verb = None
                continue
            if flag in NOUNS:
                if verb is not None and len(verb) + len(word) <= MAX_TERM_LENGTH:
                    out.append(verb + word)
                out.append(word)
                # A verbal noun (检修, 供热) may take an object of its own: 检修 + 暖气.
                verb = word if flag == "vn" else None
            elif flag in VERBS:
                verb = word
            else:
                verb = None
        terms = tuple(dict.fromkeys(out))
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        self._cache[clause] = terms
        return terms

    def keywords(self, text: str | None) -> tuple[str, ...]:
        """Distinct terms of ``text`` in order of first appearance (at most :data:`MAX_TERMS`)."""
        found: dict[str, None] = {}
        for clause in _CLAUSES.split(text or ""):
            if clause:
                found.update(dict.fromkeys(self._clause(clause)))
                if len(found) >= MAX_TERMS:
                    break
        return tuple(found)[:MAX_TERMS]


_default: Segmenter | None = None
_default_lock = threading.Lock()


def default_segmenter() -> Segmenter:
    """The shared segmenter with the bundled dictionary and stop words (built on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Segmenter()
        return _default


def keywords(text: str | None, segmenter: Segmenter | None = None) -> tuple[str, ...]:
    """Distinct terms of one appeal's text."""
    return (segmenter or default_segmenter()).keywords(text)


def encode(terms: Iterable[str]) -> str:
    """Terms as stored on the appeal: one line, separated by spaces (terms hold none)."""
    return " ".join(t for t in terms if t and " " not in t)


def decode(stored: str | None) -> tuple[str, ...]:
    return tuple(stored.split()) if stored else ()
