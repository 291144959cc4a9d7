"""Plans the domain tests share: the worked example of docs/rules.md §approvals-reverse-schedule
and a miniature of the hotel."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.approvals import PlanItem, schedule
from laoshan_desk.domain.calendar import WorkCalendar

D = dt.date.fromisoformat
CAL = WorkCalendar()  # 2026 is published: 25 Sep and 1–7 Oct off, Sat 10 Oct a working day


def example_items() -> list[PlanItem]:
    return [
        PlanItem("A", "事项A", 10),
        PlanItem("B", "事项B", 5),
        PlanItem("C", "事项C", 3, ("A", "B")),
        PlanItem("D", "事项D", 1, ("C",)),
        PlanItem("E", "事项E", 2, ("C",)),
    ]


def example():
    return schedule(example_items(), D("2026-09-21"), D("2026-10-20"), CAL)


FIRE_PIN = D("2026-04-28")


def fire_case(pin: dt.date | None = FIRE_PIN) -> list[PlanItem]:
    """A miniature of the hotel: fire acceptance pinned, three items waiting on it."""
    return [
        PlanItem("FIRE", "消防验收", 10, fixed_finish=pin),
        PlanItem("FILING", "竣工验收备案", 3, ("FIRE",)),
        PlanItem("LICENCE", "营业执照", 1, ("FIRE",)),
        PlanItem("FOOD", "食品经营许可", 5, ("LICENCE",)),
        PlanItem("SIGN", "户外招牌", 5),
    ]


HOTEL_START, HOTEL_TARGET = D("2026-02-27"), D("2026-06-05")
