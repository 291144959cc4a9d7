"""The 崂先办 appeal (诉求) domain: its vocabularies, life cycle, rates, numbers and helpers.

What lives here, all pure Python (no Qt, no database):

* the vocabularies a clerk picks from — kind (民生/发展/执法), channel, handling level, status,
  satisfaction — each an ``Enum`` whose value is the stable English code stored in the database and
  whose ``label`` is the Chinese word on screens, imports and exports;
* the status life cycle: received → dispatched → responded → in progress → finished → visited →
  closed, plus returned, suspended and merged, and which moves are allowed;
* the two rates leaders judge units by (rules.md, "Appeals"): closure rate = finished ÷ received,
  satisfaction rate = (satisfied + basically satisfied) ÷ rated, shown with two decimals;
* the appeal number (LS + date + 4-digit serial), the SMS sent when an appeal is finished;
* a dispatch suggestion from the category, content and place;
* duplicate detection: the same phone or place with similar content within 7 days.

The clocks (4-hour response, 2/3/4 working-day completion) are in :mod:`laoshan_desk.domain.clocks`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import Labelled

__all__ = [
    "AppealKind",
    "Channel",
    "HandlingLevel",
    "AppealStatus",
    "Satisfaction",
    "ALLOWED_TRANSITIONS",
    "can_transition",
    "check_transition",
    "rate",
    "closure_rate",
    "satisfaction_rate",
    "satisfaction_rate_of",
    "quantize_rate",
    "format_rate",
    "APPEAL_NUMBER_PREFIX",
    "format_appeal_number",
    "parse_appeal_number",
    "is_appeal_number",
    "SMS_FINISHED_TEMPLATE",
    "finished_sms_text",
    "Place",
    "DispatchSuggestion",
    "DEFAULT_STREET_KEYWORDS",
    "suggest_dispatch",
    "AppealSnapshot",
    "DuplicateMatch",
    "DUPLICATE_WINDOW",
    "DEFAULT_SIMILARITY_THRESHOLD",
    "normalise_text",
    "normalise_phone",
    "content_similarity",
    "find_duplicates",
]


class AppealKind(Labelled):
    LIVELIHOOD = ("livelihood", "民生")
    DEVELOPMENT = ("development", "发展")
    # Raised by street offices and departments, not by citizens (seed part 2).
    ENFORCEMENT = ("enforcement", "执法")


class Channel(Labelled):
    WECHAT = ("wechat", "微信公众号")
    PHONE = ("phone", "电话")
    COUNTER = ("counter", "窗口")
    GRID = ("grid", "网格员")
    UNIT = ("unit", "街道部门提报")
    CITY = ("city", "青诉即办")


class HandlingLevel(Labelled):
    """Who must solve the appeal; the level fixes the completion limit (see clocks.py)."""

    COMMUNITY = ("community", "社区")  # community or village (社区/村)
    STREET = ("street", "街道")
    DEPARTMENT = ("department", "区直部门")


class AppealStatus(Labelled):
    RECEIVED = ("received", "已受理")
    DISPATCHED = ("dispatched", "已派单")
    RESPONDED = ("responded", "已响应")
    IN_PROGRESS = ("in_progress", "办理中")
    FINISHED = ("finished", "已办结")
    VISITED = ("visited", "已回访")
    CLOSED = ("closed", "已结案")
    RETURNED = ("returned", "已退单")
    SUSPENDED = ("suspended", "已挂起")
    MERGED = ("merged", "已合并")

    @property
    def is_finished(self) -> bool:
        """A finish time has been recorded: these count as finished in the closure rate."""
        return self in _FINISHED_STATUSES

    @property
    def is_terminal(self) -> bool:
        return not ALLOWED_TRANSITIONS[self]

    @property
    def clock_running(self) -> bool:
        """Whether the completion clock runs: not once finished, merged or while suspended."""
        return not (self.is_finished or self in (AppealStatus.MERGED, AppealStatus.SUSPENDED))


_FINISHED_STATUSES = frozenset({AppealStatus.FINISHED, AppealStatus.VISITED, AppealStatus.CLOSED})


class Satisfaction(Labelled):
    SATISFIED = ("satisfied", "满意")
    BASIC = ("basic", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")

    @property
    def counts_as_satisfied(self) -> bool:
        """Basically satisfied counts toward the satisfaction rate, as the seed's 99.37% does."""
        return self is not Satisfaction.DISSATISFIED


# -- life cycle --------------------------------------------------------------------------------
_S = AppealStatus
ALLOWED_TRANSITIONS: Mapping[AppealStatus, frozenset[AppealStatus]] = {
    # The hall dispatches it, or finds it repeats an open appeal and merges it.
    _S.RECEIVED: frozenset({_S.DISPATCHED, _S.MERGED}),
    # DISPATCHED → DISPATCHED is a reassignment (改派) to another unit.
    _S.DISPATCHED: frozenset({_S.DISPATCHED, _S.RESPONDED, _S.RETURNED, _S.MERGED}),
    # A unit may finish at once on a simple matter, or find out only now it is not theirs.
    _S.RESPONDED: frozenset({_S.IN_PROGRESS, _S.FINISHED, _S.SUSPENDED, _S.RETURNED, _S.MERGED}),
    _S.IN_PROGRESS: frozenset({_S.FINISHED, _S.SUSPENDED, _S.RETURNED}),
    # Resuming a suspension goes back to work; it never skips straight to finished unseen.
    _S.SUSPENDED: frozenset({_S.IN_PROGRESS}),
    # A returned appeal goes back to the hall, which dispatches it again or merges it.
    _S.RETURNED: frozenset({_S.DISPATCHED, _S.MERGED}),
    # Anonymous or unreachable appellants cannot be visited, so finished may close directly.
    _S.FINISHED: frozenset({_S.VISITED, _S.CLOSED}),
    # A dissatisfied appellant may have the appeal reopened (issue 5, "Handling").
    _S.VISITED: frozenset({_S.CLOSED, _S.IN_PROGRESS}),
    _S.CLOSED: frozenset(),
    _S.MERGED: frozenset(),
}
del _S


def can_transition(current: AppealStatus | str, target: AppealStatus | str) -> bool:
    """Whether an appeal in ``current`` may move to ``target``."""
    return AppealStatus(target) in ALLOWED_TRANSITIONS[AppealStatus(current)]


def check_transition(current: AppealStatus | str, target: AppealStatus | str) -> None:
    """Raise ValidationError (field ``status``) with a Chinese message when the move is refused."""
    cur, tgt = AppealStatus(current), AppealStatus(target)
    if tgt in ALLOWED_TRANSITIONS[cur]:
        return
    if cur.is_terminal:
        raise ValidationError(f"诉求{cur.label}，不能再变更状态", field="status")
    allowed = "、".join(s.label for s in AppealStatus if s in ALLOWED_TRANSITIONS[cur])
    raise ValidationError(f"诉求当前为“{cur.label}”，不能变为“{tgt.label}”（可变为：{allowed}）", field="status")


# -- rates -------------------------------------------------------------------------------------
def rate(numerator: int, denominator: int) -> Decimal | None:
    """``numerator ÷ denominator`` as an exact-as-possible Decimal fraction; None when nothing to
    divide by (a unit with no appeals has no rate, not 0% or 100%)."""
    if numerator < 0 or denominator < 0:
        raise ValueError("counts must not be negative")
    if numerator > denominator:
        raise ValueError(f"numerator {numerator} exceeds denominator {denominator}")
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def closure_rate(finished: int, received: int) -> Decimal | None:
    """结案率 = finished ÷ received (finished: a finish time is recorded)."""
    return rate(finished, received)


def satisfaction_rate(satisfied_or_basic: int, rated: int) -> Decimal | None:
    """满意率 = (satisfied + basically satisfied) ÷ appeals with a return-visit result."""
    return rate(satisfied_or_basic, rated)


def satisfaction_rate_of(results: Iterable[Satisfaction | str | None]) -> Decimal | None:
    """The satisfaction rate of a list of visit results; ``None`` entries (not visited) skipped."""
    good = rated = 0
    for result in results:
        if result is None or result == "":
            continue
        rated += 1
        good += Satisfaction(result).counts_as_satisfied
    return satisfaction_rate(good, rated)


def quantize_rate(value: Decimal | None, places: int = 4) -> Decimal | None:
    """A fraction rounded half-up to ``places`` decimals (4 → the percentage's two), e.g. for JSON.

    Rounding the fraction to 4 places and the percentage to 2 round at the same digit, so the
    command line's 0.9903 and the screen's 99.03% always agree.
    """
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_rate(value: Decimal | None, empty: str = "—") -> str:
    """A fraction as a percentage with two decimals, half-up: Decimal('0.990298') → '99.03%'."""
    if value is None:
        return empty
    percent = (value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{percent}%"


# -- appeal numbers ----------------------------------------------------------------------------
APPEAL_NUMBER_PREFIX = "LS"
_NUMBER_RE = re.compile(r"^LS(\d{4})(\d{2})(\d{2})(\d{4})$")


def format_appeal_number(day: dt.date, serial: int) -> str:
    """LS + YYYYMMDD of receipt + the day's 4-digit serial from 1: LS202611250001."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not 1 <= serial <= 9999:
        # About 120 appeals a day arrive; 9,999 leaves two orders of magnitude of room.
        raise ValidationError(f"当日诉求序号{serial}超出范围（1–9999）", field="number")
    return f"{APPEAL_NUMBER_PREFIX}{day:%Y%m%d}{serial:04d}"


def parse_appeal_number(number: str) -> tuple[dt.date, int]:
    """(day received, serial) of a desk appeal number; raises ValidationError when malformed."""
    match = _NUMBER_RE.match((number or "").strip().upper())
    if match:
        year, month, day, serial = (int(g) for g in match.groups())
        try:
            parsed = dt.date(year, month, day)
        except ValueError:
            parsed = None
        if parsed is not None and serial >= 1:
            return parsed, serial
    raise ValidationError(f"诉求编号“{number}”格式不正确，应为LS+8位日期+4位序号，如LS202611250001", field="number")


def is_appeal_number(number: str) -> bool:
    try:
        parse_appeal_number(number)
    except ValidationError:
        return False
    return True


# -- SMS ---------------------------------------------------------------------------------------
# Kept to one 70-character SMS segment for the usual unit names; the signature in 【】 is what
# carriers require of government senders.
SMS_FINISHED_TEMPLATE = (
    "【崂山区崂先办】{salutation}您好，您{received}反映的诉求（编号{number}）已由{unit}办结。"
    "我们将进行回访，请您对办理结果作出评价。感谢您对崂山区工作的支持！"
)


def finished_sms_text(
    number: str,
    received_at: dt.date | dt.datetime,
    unit_name: str | None = None,
    appellant: str | None = None,
) -> str:
    """The SMS queued in the outbox when an appeal is finished.

    ``appellant`` is the name as entered (the desk records no sex, so no 先生/女士); anonymous
    appeals get a plain greeting. Nothing else personal goes into the message.
    """
    day = received_at.date() if isinstance(received_at, dt.datetime) else received_at
    salutation = (appellant or "").strip()
    if salutation in ("匿名", "无"):
        salutation = ""
    return SMS_FINISHED_TEMPLATE.format(
        salutation=salutation,
        received=f"{day.month}月{day.day}日",
        number=number,
        unit=(unit_name or "").strip() or "承办单位",
    )


# -- dispatch suggestion -----------------------------------------------------------------------
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


# -- duplicates --------------------------------------------------------------------------------
DUPLICATE_WINDOW = dt.timedelta(days=7)
# Measured on short complaints (tests/domain/test_appeals.py): rewordings of one matter score
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
