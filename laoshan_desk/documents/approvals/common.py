"""What the approvals papers share: the issuing bureau, the light fills, date formats."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.lights import Light

ISSUER = "青岛市崂山区行政审批服务局"
LIGHT_FILLS = {Light.RED: "F8CBAD", Light.YELLOW: "FFE699", Light.GREEN: "C6EFCE", Light.GREY: None}


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _cn(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"
