"""What a clerk may do with an appeal now: the buttons of the detail screen, from its status,
the clerk's permissions and the requests waiting for a decision (docs/rules.md §appeals-handling).
"""

from __future__ import annotations

from collections.abc import Mapping

from laoshan_desk.domain.appeals.vocabulary import AppealStatus
from laoshan_desk.domain.labels import Labelled


class DetailAction(Labelled):
    """A button of the detail screen; the label is the button's text."""

    DISPATCH = ("dispatch", "派单")
    REASSIGN = ("reassign", "改派")
    RETURN = ("return", "退单")
    CO_HANDLE = ("co_handle", "吹哨报到")
    RESPOND = ("respond", "响应")
    PROGRESS = ("progress", "办理进展")
    SUSPEND = ("suspend", "申请挂起")
    RESUME = ("resume", "恢复办理")
    EXTEND = ("extend", "申请延期")
    FINISH = ("finish", "办结")
    VISIT = ("visit", "回访")
    CLOSE = ("close", "结案")
    MERGE = ("merge", "合并")
    SUPERVISE = ("supervise", "督办")
    APPROVE_EXTENSION = ("approve_extension", "审批延期")
    APPROVE_SUSPENSION = ("approve_suspension", "审批挂起")
    PROXY = ("proxy", "转帮代办")
    ATTACH = ("attach", "上传附件")
    PRINT_SUPERVISION = ("print_supervision", "打印督办单")


_A = DetailAction
_S = AppealStatus
_WORKING = (_A.PROGRESS, _A.FINISH, _A.SUSPEND, _A.EXTEND, _A.RETURN, _A.CO_HANDLE)
BY_STATUS: Mapping[AppealStatus, tuple[DetailAction, ...]] = {
    _S.RECEIVED: (_A.DISPATCH, _A.MERGE),
    _S.DISPATCHED: (_A.RESPOND, _A.REASSIGN, _A.RETURN, _A.CO_HANDLE),
    _S.RESPONDED: _WORKING,
    _S.IN_PROGRESS: _WORKING,
    _S.SUSPENDED: (_A.RESUME, _A.EXTEND),
    _S.RETURNED: (_A.DISPATCH, _A.MERGE),
    _S.FINISHED: (_A.VISIT, _A.CLOSE),
    _S.VISITED: (_A.CLOSE,),
}
# 转帮代办 is offered until the unit has acknowledged the appeal and is working on it.
_PROXY_STATUSES = frozenset({_S.RECEIVED, _S.DISPATCHED, _S.RESPONDED, _S.IN_PROGRESS})
del _A, _S


def available_actions(
    status: AppealStatus | str,
    *,
    may_edit: bool,
    may_approve: bool,
    pending_extension: bool = False,
    pending_suspension: bool = False,
    supervised: bool = False,
) -> tuple[DetailAction, ...]:
    """The buttons, in the order shown: the status's steps, then proxy, attach, approvals,
    supervision (running appeals only), and printing the last 督办单 once there is one."""
    state = AppealStatus(status)
    out: list[DetailAction] = []
    if may_edit:
        out += BY_STATUS.get(state, ())
        if state in _PROXY_STATUSES:
            out.append(DetailAction.PROXY)
        out.append(DetailAction.ATTACH)
    if may_approve:
        if pending_extension:
            out.append(DetailAction.APPROVE_EXTENSION)
        if pending_suspension:
            out.append(DetailAction.APPROVE_SUSPENSION)
    if (may_edit or may_approve) and state.clock_running:
        out.append(DetailAction.SUPERVISE)
    if supervised:
        out.append(DetailAction.PRINT_SUPERVISION)
    return tuple(dict.fromkeys(out))
