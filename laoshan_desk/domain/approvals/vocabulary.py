"""The closed sets of words of 审批点菜单, as Labelled enums: the code stored, the label shown."""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled

__all__ = ["Classification", "ItemStatus", "STATUS_FLOW"]


class Classification(Labelled):
    """How one ordered item is classified for a project; each comes with a reason (一次告知)."""

    MUST_DO = ("must_do", "必办")
    SELF_HANDLED = ("self_handled", "企业自办")
    NOT_NEEDED = ("not_needed", "无需办理")


class ItemStatus(Labelled):
    NOT_STARTED = ("not_started", "未启动")
    PRE_REVIEW = ("pre_review", "预审中")
    ACCEPTED = ("accepted", "已受理")
    INSPECTION = ("inspection", "踏勘验收")
    DONE = ("done", "已销号")

    @property
    def step(self) -> int:
        """Position in the flow (0 = not started, 4 = done), for ordering and progress bars."""
        return STATUS_FLOW.index(self)

    @property
    def is_done(self) -> bool:
        return self is ItemStatus.DONE


STATUS_FLOW: tuple[ItemStatus, ...] = (
    ItemStatus.NOT_STARTED,
    ItemStatus.PRE_REVIEW,
    ItemStatus.ACCEPTED,
    ItemStatus.INSPECTION,
    ItemStatus.DONE,
)
