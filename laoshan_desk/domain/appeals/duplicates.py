"""Duplicate detection: an appeal with the same phone or place and similar content within 7 days
is shown to the clerk before saving (merging stays the clerk's decision)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

DUPLICATE_WINDOW = dt.timedelta(days=7)
# Measured on short complaints (tests/domain/appeals/test_appeals.py): rewordings of one matter score
# about 0.24–0.4 on character bigrams, different matters from the same place about 0.15 (they
# share the place words, 小区门口, 青山村). 0.2 sits between; a false alarm only costs the clerk a
# glance, since merging is always the clerk's own decision.
DEFAULT_SIMILARITY_THRESHOLD = 0.2


@dataclass(frozen=True)
class AppealSnapshot:
    """What duplicate detection needs of an appeal; ``key`` is its id or number."""

    key: str
    received_at: dt.datetime
    content: str
    phone: str | None = None
    grid: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class DuplicateMatch:
    other: AppealSnapshot
    similarity: float
    reasons: tuple[str, ...] = field(default=())  # 同一电话 / 同一网格 / 同一社区


def normalise_text(text: str) -> str:
    """NFKC (full-width → half-width), lower case, letters and digits only (CJK kept)."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if ch.isalnum())


def normalise_phone(phone: str | None) -> str:
    """Digits only, without a +86/86 country prefix, so '138 0532-0000' forms compare equal."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone or "") if ch.isdigit())
    if digits.startswith("86") and len(digits) == 13:  # +86 mobile
        digits = digits[2:]
    return digits


def _bigrams(text: str) -> frozenset[str]:
    if len(text) < 2:
        return frozenset(text)  # one character: compare characters, never divide by nothing
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def content_similarity(a: str, b: str) -> float:
    """Jaccard similarity of the character bigrams of two texts, 0.0–1.0.

    Bigrams suit Chinese without segmentation: a reworded complaint shares most of its two-
    character words (垃圾, 清运, 门口). Punctuation and spacing are ignored; two empty texts are
    not similar (nothing says they are about the same thing).
    """
    x, y = _bigrams(normalise_text(a)), _bigrams(normalise_text(b))
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)


def _same_place(a: AppealSnapshot, b: AppealSnapshot) -> str | None:
    if a.grid and b.grid:
        return "同一网格" if a.grid == b.grid else None
    # Without a grid on one side, the community is the finest place both share.
    if a.community and b.community and a.community == b.community:
        return "同一社区"
    return None


def find_duplicates(
    new: AppealSnapshot,
    existing: Iterable[AppealSnapshot],
    *,
    threshold: float = DEFAULT_SIMILARITY_THRESHOLD,
    window: dt.timedelta = DUPLICATE_WINDOW,
) -> list[DuplicateMatch]:
    """Earlier (or later, when importing out of order) appeals the clerk should see before saving.

    A match has the same phone, or the same place (grid; community when a grid is missing), AND
    content similarity ≥ ``threshold``, AND was received within ``window`` (7 days) of ``new``.
    Best matches first. ``new`` itself (same key) is skipped.
    """
    phone = normalise_phone(new.phone)
    matches: list[DuplicateMatch] = []
    for other in existing:
        if other.key == new.key:
            continue
        if abs(other.received_at - new.received_at) > window:
            continue
        reasons: list[str] = []
        if phone and phone == normalise_phone(other.phone):
            reasons.append("同一电话")
        place = _same_place(new, other)
        if place:
            reasons.append(place)
        if not reasons:
            continue
        similarity = content_similarity(new.content, other.content)
        if similarity >= threshold:
            matches.append(DuplicateMatch(other, similarity, tuple(reasons)))
    matches.sort(key=lambda m: (-m.similarity, m.other.received_at))
    return matches
