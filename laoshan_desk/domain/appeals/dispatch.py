"""The dispatch suggestion (派单建议): which level and unit should handle an appeal, from its
category, content and place. The clerk confirms or changes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from laoshan_desk.domain.appeals.duplicates import normalise_text
from laoshan_desk.domain.appeals.vocabulary import HandlingLevel


@dataclass(frozen=True)
class Place:
    """Where the appeal is, as picked from the organisation tree (names or codes)."""

    street: str | None = None
    community: str | None = None
    grid: str | None = None


@dataclass(frozen=True)
class DispatchSuggestion:
    """A suggested handling level and unit; the clerk confirms or changes it.

    ``unit`` is the department key from the keyword table for the department level, the
    street for the street level, the community for the community level; ``None`` when the place
    is not known well enough to name one.
    """

    level: HandlingLevel
    unit: str | None
    matched: tuple[str, ...] = ()
    reason: str = ""


# Matters a community cannot settle alone but that need no district department: the street's
# own offices (综合执法中队, 城建办, 征迁办) handle them. Callers may pass their own list.
DEFAULT_STREET_KEYWORDS: tuple[str, ...] = (
    "占道经营",
    "违章搭建",
    "违建",
    "私搭乱建",
    "征地",
    "拆迁",
    "征迁",
    "安置",
    "工地",
    "渣土",
    "夜间施工",
    "露天烧烤",
    "流动摊贩",
)


def _matches(text: str, keywords: Iterable[str]) -> list[str]:
    return [k for k in dict.fromkeys(k.strip() for k in keywords) if k and k in text]


def suggest_dispatch(
    content: str,
    place: Place | None,
    department_keywords: Mapping[str, Iterable[str]],
    *,
    category: str | None = None,
    street_keywords: Iterable[str] = DEFAULT_STREET_KEYWORDS,
) -> DispatchSuggestion:
    """Suggest where an appeal should go, from its category, content and place.

    Precedence, most specialised first (a specialised body can solve what a community cannot):

    1. a department whose keywords (``department_keywords``: department key → keywords, e.g. the
       ``category_keywords`` of organisation.json) occur in the category or content → district
       department level. A keyword in the clerk-chosen category weighs more than one in free text
       (counts 3); ties go to more matched characters, then to the table's order;
    2. a street-level keyword (``street_keywords``) → street level, the place's street;
    3. otherwise the community (village) of the place, at community level — matters are settled
       closest to home first and that level has the shortest clock; with no community known, the
       street; with no place at all, the street level without a unit.
    """
    text = normalise_text(content)
    cat = normalise_text(category or "")
    best: tuple[tuple[int, int], str, list[str]] | None = None
    for key, keywords in department_keywords.items():
        words = list(keywords)
        in_cat = _matches(cat, words) if cat else []
        in_text = _matches(text, words)
        hits = list(dict.fromkeys(in_cat + in_text))
        if not hits:
            continue
        score = (3 * len(in_cat) + len(in_text), sum(len(h) for h in hits))
        if best is None or score > best[0]:  # strict: the earlier entry keeps a tie
            best = (score, key, hits)
    if best is not None:
        _, key, hits = best
        return DispatchSuggestion(
            HandlingLevel.DEPARTMENT, key, tuple(hits), f"涉及“{'、'.join(hits)}”，建议由区直部门承办"
        )

    street_hits = _matches(cat + text, street_keywords)
    street = place.street if place else None
    community = place.community if place else None
    if street_hits:
        return DispatchSuggestion(
            HandlingLevel.STREET,
            street,
            tuple(street_hits),
            f"涉及“{'、'.join(street_hits)}”，建议由街道承办",
        )
    if community:
        return DispatchSuggestion(HandlingLevel.COMMUNITY, community, (), "属地社区（村）就近办理")
    return DispatchSuggestion(HandlingLevel.STREET, street, (), "未选择社区（村），建议由街道承办")
