"""The closed sets of words of 审批点菜单, as Labelled enums: the value is the code stored in the
database and printed in JSON, ``.label`` the Chinese word on screens, papers and the CLI."""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled

__all__ = [
    "Classification",
    "ItemStatus",
    "STATUS_FLOW",
    "ProjectStatus",
    "TeamRole",
    "LogKind",
    "DispatchBucket",
    "CertificateStatus",
    "LimitKind",
]


class Classification(Labelled):
    """How one ordered item is classified for a project; each comes with a reason, told to the
    applicant once (docs/rules.md §approvals-classification)."""

    MUST_DO = ("must_do", "必办")
    SELF_HANDLED = ("self_handled", "企业自办")
    NOT_NEEDED = ("not_needed", "无需办理")


class ItemStatus(Labelled):
    """Where a must-do item stands in its life cycle (docs/rules.md §approvals-tracking)."""

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


class ProjectStatus(Labelled):
    """A key project: in progress until it opens (or is closed without opening)."""

    ACTIVE = ("active", "推进中")
    OPENED = ("opened", "已开业")
    CLOSED = ("closed", "已关闭")


class TeamRole(Labelled):
    """The gold team (金牌团队) of one key project, in the order it is listed
    (docs/rules.md §approvals-gold-team)."""

    COMMANDER = ("commander", "指挥长")
    DEPUTY = ("deputy", "副指挥长")
    LEADER = ("leader", "施工队长")
    MEMBER = ("member", "战斗员")

    @property
    def rank(self) -> int:
        """0 for the commander … 3 for a member: the order of the team list."""
        return list(TeamRole).index(self)


class LogKind(Labelled):
    """What the task-force log (专班台账) records (docs/rules.md §approvals-task-force-log)."""

    MEETING = ("meeting", "专题会议")
    VISIT = ("visit", "现场踏勘")
    PROBLEM = ("problem", "问题")

    @property
    def title_label(self) -> str:
        """What the entry's title is called on the form: a meeting's name, a visit's place …"""
        if self is LogKind.MEETING:
            return "会议名称"
        if self is LogKind.VISIT:
            return "踏勘地点"
        return "问题描述"


class DispatchBucket(Labelled):
    """Why an item is on the morning call's list, most urgent first (docs/rules.md
    §approvals-dispatch)."""

    LATE = ("late", "已超期")
    INFEASIBLE = ("infeasible", "计划不可行")
    TODAY = ("today", "今日到期")
    SOON = ("soon", "2个工作日内到期")

    @property
    def urgency(self) -> int:
        """0 for late … 3 for due soon: the order of the dispatch list."""
        return list(DispatchBucket).index(self)


class CertificateStatus(Labelled):
    """What checking a printed certificate's code finds (docs/rules.md §approvals-certificates)."""

    GENUINE = ("genuine", "真实有效：证照由本系统出具且现行有效")
    REVOKED = ("revoked", "已撤销：证照曾由本系统出具，但已被撤销或注销，不再有效")
    UNKNOWN = ("unknown", "查无此证：本系统没有出具过该核验码对应的证照，请警惕伪造")


class LimitKind(Labelled):
    """How the text that sets an agency's time limit counts it (docs/rules.md §approvals-time-limits):
    working days, calendar days (a text that says plain 日), or no limit set by any text."""

    WORKING_DAYS = ("working_days", "工作日")
    CALENDAR_DAYS = ("calendar_days", "自然日")
    NONE = ("none", "无法定时限")

    def days_text(self, days: int) -> str:
        """``20个工作日``, ``30日（自然日）`` or ``无法定时限`` (never 0)."""
        if self is LimitKind.NONE or days <= 0:
            return LimitKind.NONE.label
        return f"{days}个工作日" if self is LimitKind.WORKING_DAYS else f"{days}日（自然日）"
