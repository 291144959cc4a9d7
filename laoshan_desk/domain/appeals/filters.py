"""The choices of the appeal queue's filter bar: whose appeals, which status group, which light."""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled


class QueueScope(Labelled):
    MINE = ("mine", "我的待办")
    UNIT = ("unit", "本单位")
    ALL = ("all", "全部可见")


class StatusGroup(Labelled):
    """Pseudo-statuses of the status filter, offered before the statuses themselves."""

    OPEN = ("open", "未办结（全部）")
    FINISHED = ("finished", "已办结（全部）")


class LightFilter(Labelled):
    """The light filter; the values are :class:`laoshan_desk.domain.lights.Light` codes."""

    RED = ("red", "红灯（超期）")
    YELLOW = ("yellow", "黄灯（临期）")
    GREEN = ("green", "绿灯（正常）")
    GREY = ("grey", "无计时")
