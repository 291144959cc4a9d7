"""The appeal's vocabularies (kind, channel, handling level, status, satisfaction) and its life cycle.

Each vocabulary is a ``Labelled`` enum: the value is the stable English code stored in the
database, ``label`` the Chinese word on screens, imports and exports. The status life cycle:
received → dispatched → responded → in progress → finished → visited → closed, plus returned,
suspended and merged; :data:`ALLOWED_TRANSITIONS` says which moves are allowed.
"""

from __future__ import annotations

from collections.abc import Mapping

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import Labelled


class AppealKind(Labelled):
    LIVELIHOOD = ("livelihood", "民生")
    DEVELOPMENT = ("development", "发展")
    # Raised by street offices and departments, not by citizens (docs/rules.md §appeals-kinds).
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

    @property
    def unit_kinds(self) -> tuple[str, ...]:
        """The organisation-tree kinds of unit an appeal of this level is sent to."""
        return _UNIT_KINDS[self]


_UNIT_KINDS = {
    HandlingLevel.COMMUNITY: ("community", "village"),
    HandlingLevel.STREET: ("street",),
    HandlingLevel.DEPARTMENT: ("department",),
}


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

    @property
    def awaiting_response(self) -> bool:
        """Whether the 4-hour response clock can run: the appeal has not reached a unit that
        acknowledged it (received, dispatched, or returned to the hall)."""
        return self in (AppealStatus.RECEIVED, AppealStatus.DISPATCHED, AppealStatus.RETURNED)

    @property
    def is_open(self) -> bool:
        """Still to be finished: running, or suspended (未办结)."""
        return self.clock_running or self is AppealStatus.SUSPENDED


_FINISHED_STATUSES = frozenset({AppealStatus.FINISHED, AppealStatus.VISITED, AppealStatus.CLOSED})

# The groups as stored codes, for SQL filters (store/queries/appeals/) and the services.
RUNNING_CODES: tuple[str, ...] = tuple(s.value for s in AppealStatus if s.clock_running)
AWAITING_RESPONSE_CODES: tuple[str, ...] = tuple(s.value for s in AppealStatus if s.awaiting_response)
OPEN_CODES: tuple[str, ...] = tuple(s.value for s in AppealStatus if s.is_open)
FINISHED_CODES: tuple[str, ...] = tuple(s.value for s in AppealStatus if s.is_finished)


class Satisfaction(Labelled):
    SATISFIED = ("satisfied", "满意")
    BASIC = ("basic", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")

    @property
    def counts_as_satisfied(self) -> bool:
        """Basically satisfied counts toward the satisfaction rate, as the seed's 99.37% does."""
        return self is not Satisfaction.DISSATISFIED


SATISFIED_CODES: tuple[str, ...] = tuple(s.value for s in Satisfaction if s.counts_as_satisfied)


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
    # A dissatisfied appellant may have the appeal reopened (docs/rules.md §appeals-handling).
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
