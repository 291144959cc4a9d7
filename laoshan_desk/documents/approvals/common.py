"""What the approvals papers share: the issuing bureau, the light fills, date formats, and the
plain data of a project that the one-time notice and the reverse-schedule table print.

The services fill :class:`ProjectPaper` from their project view; this layer reads nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from laoshan_desk.domain.approvals import Classification, ItemSignal
from laoshan_desk.domain.lights import Light

ISSUER = "青岛市崂山区行政审批服务局"
# The branch offices sign with their city bureau's name; every other 区… department with the district's.
_FULL_NAMES = {"区公安分局": "青岛市公安局崂山分局", "区生态环境分局": "青岛市生态环境局崂山分局"}


def authority_name(department: str) -> str:
    """The full name an authority signs and heads a paper with: 区消防救援大队 → 青岛市崂山区消防
    救援大队; a name already in full stays; no department → the approvals bureau."""
    name = (department or "").strip()
    if not name:
        return ISSUER
    if name in _FULL_NAMES:
        return _FULL_NAMES[name]
    return "青岛市崂山" + name if name.startswith("区") else name


def statutory_end(limit_text: str, statutory_due: dt.date | None) -> dt.date | str:
    """The day an item's statutory limit ends (working or calendar days, as its text counts), or
    无法定时限 for an item that has none: never a made-up date; — when it is not known
    (docs/rules.md §approvals-time-limits). The wall chart and the bulletin print it alike."""
    if statutory_due is not None:
        return statutory_due
    return "无法定时限" if limit_text.startswith("无法定时限") else "—"


LIGHT_FILLS = {Light.RED: "F8CBAD", Light.YELLOW: "FFE699", Light.GREEN: "C6EFCE", Light.GREY: None}


def day_text(day: dt.date | None) -> str:
    """``2026-05-15``, or a dash for no date."""
    return day.isoformat() if day else "—"


def cn_day(day: dt.date | None) -> str:
    """``2026年5月15日``, or a dash for no date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


@dataclasses.dataclass(frozen=True)
class PaperItem:
    """One ordered item as the papers print it; the dates are those of the reverse schedule."""

    code: str
    name: str
    department: str
    responsible: str
    classification: Classification
    reason: str
    materials: tuple[str, ...]
    days: int
    prerequisites: tuple[str, ...]
    status_label: str
    done: bool
    finished_on: dt.date | None
    earliest_start: dt.date | None
    earliest_finish: dt.date | None
    latest_start: dt.date | None
    latest_finish: dt.date | None
    slack_days: int | None
    light: Light
    critical: bool
    pinned: bool
    limit_text: str = ""  # 法定7日（自然日），承诺3个工作日 / 无法定时限，承诺5个工作日
    statutory_due: dt.date | None = None  # None: no statutory limit, never a made-up date
    signal: ItemSignal = ItemSignal.NONE  # the light in words (domain.approvals.item_signal)

    @property
    def must_do(self) -> bool:
        return self.classification is Classification.MUST_DO

    @property
    def node_date(self) -> dt.date | None:
        """The node: the planned finish (pins and actual dates included)."""
        return self.earliest_finish


@dataclasses.dataclass(frozen=True)
class PaperMove:
    """A node moved, with its reason (the schedule's 节点调整记录)."""

    code: str
    name: str
    from_date: dt.date
    to_date: dt.date
    reason: str


@dataclasses.dataclass(frozen=True)
class ProjectPaper:
    """A project as its papers print it, with its schedule as of ``today``."""

    number: str
    name: str
    enterprise: str
    credit_code: str
    street_name: str
    contact_name: str
    contact_phone: str
    start_date: dt.date
    target_date: dt.date
    menu_issued_on: dt.date | None
    today: dt.date
    feasible: bool
    critical_path: tuple[str, ...]
    finish_date: dt.date | None
    items: tuple[PaperItem, ...]
    moves: tuple[PaperMove, ...] = ()
    notice_number: str = ""  # 崂审批告〔2026〕N号, handed out at intake

    @property
    def must_items(self) -> list[PaperItem]:
        return [i for i in self.items if i.must_do]

    @property
    def done_count(self) -> int:
        return sum(i.done for i in self.must_items)
