"""崂先办诉求: one function per thing a clerk does with an appeal, from intake to return visit.

Every write checks the permission, loads the appeal within the actor's scope (in SQL), checks
the status move with :func:`laoshan_desk.domain.appeals.check_transition`, records an
:class:`AppealEvent` (who, when, from, to, why), recomputes and stores the two clock limits,
and audits — all in one unit of work. Functions return plain dataclasses.

The actions are re-exported here (``from laoshan_desk.services import appeals as svc`` then
``svc.intake(...)``); the queue, statistics, exchange, SMS outbox and seed data are modules of
their own: ``from laoshan_desk.services.appeals import queue``.

    common       permissions, scoped loading, steps, clock limits, audit
    intake       受理, duplicates, numbers, dispatch suggestion
    handling     merge, dispatch, co-handling, return, respond, progress, finish, visit, close
    requests     suspension and extension requests and decisions
    supervision  督办 and the 督办单
    detail       one appeal for the detail screen
    proxy        帮代办 catalog and tasks
    attachments  attaching a file to an appeal
    queue        the queue's page and count (filtered in SQL)
    stats        一诉一考 figures, 未诉先办 hot spots, the work brief
    exchange     Excel import from 青诉即办, the ledger export
    sms          the SMS outbox
    seed         reference and demo data
"""

from __future__ import annotations

from laoshan_desk.services.appeals.attachments import attach, attach_in
from laoshan_desk.services.appeals.common import (
    ACTION_LABELS,
    APPROVE,
    EDIT,
    SUSPENSION_REASONS,
    VIEW,
    pinyin_initials,
    recompute_clock,
)
from laoshan_desk.services.appeals.detail import (
    AppealDetail,
    AttachmentRow,
    EventRow,
    ExtensionRow,
    SupervisionRow,
    SuspensionRow,
    VisitRow,
    actions_for,
    detail,
    full_phone,
    iter_ids,
    light_of,
)
from laoshan_desk.services.appeals.handling import (
    add_co_handlers,
    close,
    dispatch,
    finish,
    merge,
    progress,
    respond,
    return_appeal,
    visit,
)
from laoshan_desk.services.appeals.intake import (
    AppealRef,
    DuplicateRow,
    IntakeForm,
    Suggestion,
    find_possible_duplicates,
    intake,
    next_number,
    next_seq,
    suggest,
    suggestion_for,
    units_for_level,
    validate_intake,
)
from laoshan_desk.services.appeals.proxy import (
    ProxyServiceRow,
    ProxyTaskRow,
    finish_proxy_task,
    make_proxy_task,
    proxy_services,
    proxy_tasks,
)
from laoshan_desk.services.appeals.requests import (
    decide_extension,
    decide_suspension,
    pending_approvals,
    request_extension,
    request_suspension,
    resume,
)
from laoshan_desk.services.appeals.supervision import supervise, supervise_overdue, supervision_notice

__all__ = [
    "ACTION_LABELS",
    "APPROVE",
    "EDIT",
    "SUSPENSION_REASONS",
    "VIEW",
    "AppealDetail",
    "AppealRef",
    "AttachmentRow",
    "DuplicateRow",
    "EventRow",
    "ExtensionRow",
    "IntakeForm",
    "ProxyServiceRow",
    "ProxyTaskRow",
    "Suggestion",
    "SupervisionRow",
    "SuspensionRow",
    "VisitRow",
    "actions_for",
    "add_co_handlers",
    "attach",
    "attach_in",
    "close",
    "decide_extension",
    "decide_suspension",
    "detail",
    "dispatch",
    "find_possible_duplicates",
    "finish",
    "finish_proxy_task",
    "full_phone",
    "intake",
    "iter_ids",
    "light_of",
    "make_proxy_task",
    "merge",
    "next_number",
    "next_seq",
    "pending_approvals",
    "pinyin_initials",
    "progress",
    "proxy_services",
    "proxy_tasks",
    "recompute_clock",
    "request_extension",
    "request_suspension",
    "respond",
    "resume",
    "return_appeal",
    "suggest",
    "suggestion_for",
    "supervise",
    "supervise_overdue",
    "supervision_notice",
    "units_for_level",
    "validate_intake",
    "visit",
]
