"""崂先办诉求: one function per thing a clerk does with an appeal, from intake to return visit.

Every write checks the permission, loads the appeal within the actor's scope (in SQL), checks
the version the screen showed and the status move (:func:`laoshan_desk.domain.appeals.check_transition`),
records an :class:`AppealEvent` (who, when, from, to, why), recomputes and stores the two clock
limits, and audits — all in one unit of work. Writes take a frozen form (:mod:`.forms`) and
``now`` keyword-only; functions return plain dataclasses.

The actions are re-exported here (``from laoshan_desk.services import appeals as svc`` then
``svc.intake(...)``); the queue, statistics, exchange, SMS outbox and seed data are modules of
their own: ``from laoshan_desk.services.appeals import queue``.

    common       permissions, scoped loading, version check, steps, clock limits, audit
    forms        what the clerk fills in, one dataclass per write
    intake       受理, duplicates, numbers, dispatch suggestion
    handling     merge, dispatch, co-handling, return, respond, progress, finish, visit, close
    requests     suspension and extension requests and decisions
    supervision  督办 and the 督办单
    detail       one appeal for the detail screen
    proxy        帮代办 catalog and tasks
    attachments  attaching a file to an appeal, reading it back
    queue        the queue's page and count (filtered in SQL)
    stats        一诉一考 figures, 未诉先办 hot spots, the work brief
    exchange     Excel import from 青诉即办, the ledger export
    sms          the SMS outbox
    seed         reference and demo data
"""

from __future__ import annotations

from laoshan_desk.services.appeals.attachments import attach, attachment_bytes
from laoshan_desk.services.appeals.common import APPROVE, EDIT, VIEW
from laoshan_desk.services.appeals.detail import (
    AppealDetail,
    AttachmentRow,
    EventRow,
    ExtensionRow,
    SupervisionRow,
    SuspensionRow,
    VisitRow,
    detail,
    full_phone,
)
from laoshan_desk.services.appeals.forms import (
    AttachForm,
    CoHandleForm,
    DecisionForm,
    DispatchForm,
    ExtensionRequestForm,
    FinishForm,
    IntakeForm,
    MergeForm,
    NoteForm,
    ProxyDoneForm,
    ProxyTaskForm,
    ReturnForm,
    SmsRetryForm,
    SuperviseForm,
    SuspensionRequestForm,
    VisitForm,
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
    Suggestion,
    find_possible_duplicates,
    intake,
    suggestion_for,
    units_for_level,
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
    PendingRequest,
    decide_extension,
    decide_suspension,
    pending_approvals,
    request_extension,
    request_suspension,
    resume,
)
from laoshan_desk.services.appeals.sms import gateway_configured
from laoshan_desk.services.appeals.supervision import supervise, supervise_overdue, supervision_notice

__all__ = [
    "gateway_configured",
    "APPROVE",
    "EDIT",
    "VIEW",
    "AppealDetail",
    "AppealRef",
    "AttachForm",
    "AttachmentRow",
    "CoHandleForm",
    "DecisionForm",
    "DispatchForm",
    "DuplicateRow",
    "EventRow",
    "ExtensionRequestForm",
    "ExtensionRow",
    "FinishForm",
    "IntakeForm",
    "MergeForm",
    "NoteForm",
    "PendingRequest",
    "ProxyDoneForm",
    "ProxyServiceRow",
    "ProxyTaskForm",
    "ProxyTaskRow",
    "ReturnForm",
    "SmsRetryForm",
    "SuperviseForm",
    "Suggestion",
    "SupervisionRow",
    "SuspensionRequestForm",
    "SuspensionRow",
    "VisitForm",
    "VisitRow",
    "add_co_handlers",
    "attach",
    "attachment_bytes",
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
    "make_proxy_task",
    "merge",
    "pending_approvals",
    "progress",
    "proxy_services",
    "proxy_tasks",
    "request_extension",
    "request_suspension",
    "respond",
    "resume",
    "return_appeal",
    "suggestion_for",
    "supervise",
    "supervise_overdue",
    "supervision_notice",
    "units_for_level",
    "visit",
]
