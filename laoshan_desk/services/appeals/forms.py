"""What the clerk fills in for each appeal action: one frozen dataclass per write.

A form for an existing appeal carries the ``version`` the screen showed; the service refuses it
with the stale-record message when the appeal has changed since (docs/design/conventions.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class IntakeForm:
    """受理: a new appeal; ``merge_into`` merges it at once into the open appeal it repeats.

    ``appeal_id`` is the id the appeal will have: filled in when the call is made (a new UUID), so
    that a street desk's appeal keeps its id at the district database (docs/hall.md).
    """

    kind: str
    channel: str
    content: str
    street_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    grid_id: uuid.UUID | None = None
    appellant: str = ""
    phone: str = ""
    enterprise: str = ""
    uscc: str = ""
    fast_lane: bool = False
    category: str = ""
    received_at: dt.datetime | None = None
    attachments: tuple[Path, ...] = ()
    merge_into: uuid.UUID | None = None
    appeal_id: uuid.UUID | None = None


@dataclasses.dataclass(frozen=True)
class NoteForm:
    """A step with an optional note: 响应, 办理进展, 恢复办理, 结案."""

    appeal_id: uuid.UUID
    version: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class DispatchForm:
    """派单, or 改派 when the appeal is already dispatched (then the note is required)."""

    appeal_id: uuid.UUID
    version: int
    level: str
    unit_id: uuid.UUID | None
    note: str = ""
    co_units: Sequence[uuid.UUID] = ()


@dataclasses.dataclass(frozen=True)
class CoHandleForm:
    """吹哨报到: departments summoned to help."""

    appeal_id: uuid.UUID
    version: int
    unit_ids: Sequence[uuid.UUID]
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ReturnForm:
    """退单, with its reason."""

    appeal_id: uuid.UUID
    version: int
    reason: str


@dataclasses.dataclass(frozen=True)
class MergeForm:
    """合并 into the open appeal this one repeats."""

    appeal_id: uuid.UUID
    version: int
    into_id: uuid.UUID


@dataclasses.dataclass(frozen=True)
class FinishForm:
    """办结, with the result. ``sms_id`` (the appellant's SMS, if one is queued) is made before the
    call (services/uow.fill_id), so the call replayed at the district queues the same message."""

    appeal_id: uuid.UUID
    version: int
    result: str
    sms_id: uuid.UUID | None = None


@dataclasses.dataclass(frozen=True)
class VisitForm:
    """回访: the appellant's verdict; a dissatisfied one may reopen the appeal."""

    appeal_id: uuid.UUID
    version: int
    result: str
    note: str = ""
    reopen: bool = False


@dataclasses.dataclass(frozen=True)
class SuspensionRequestForm:
    """申请挂起: the reason's kind (SuspensionReason) and the reason."""

    appeal_id: uuid.UUID
    version: int
    reason_kind: str
    reason: str
    request_id: uuid.UUID | None = None  # the request's id, made when the call is made


@dataclasses.dataclass(frozen=True)
class ExtensionRequestForm:
    """申请延期: the date asked for (None: not chosen yet) and why."""

    appeal_id: uuid.UUID
    version: int
    until: dt.date | None
    reason: str
    request_id: uuid.UUID | None = None  # the request's id, made when the call is made


@dataclasses.dataclass(frozen=True)
class DecisionForm:
    """A leader's decision on an extension or suspension request (a refusal needs a note);
    ``version`` is the appeal's, as the screen showed it."""

    request_id: uuid.UUID
    version: int
    approve: bool
    note: str = ""


@dataclasses.dataclass(frozen=True)
class SuperviseForm:
    """督办 by hand; empty texts take the standard wording."""

    appeal_id: uuid.UUID
    version: int
    reason: str = ""
    demand: str = ""


@dataclasses.dataclass(frozen=True)
class ProxyTaskForm:
    """转帮代办: the service the appeal becomes a task of."""

    appeal_id: uuid.UUID
    version: int
    service_id: uuid.UUID | None
    note: str = ""
    task_id: uuid.UUID | None = None  # the task's id, made when the call is made


@dataclasses.dataclass(frozen=True)
class ProxyDoneForm:
    """帮代办任务办完: the materials received."""

    task_id: uuid.UUID
    materials_received: Sequence[str] = ()
    note: str = ""


@dataclasses.dataclass(frozen=True)
class SmsRetryForm:
    """重发短信: put a failed or given-up message back in the queue. The message keeps its id
    everywhere (a street desk's 办结 queued it under the id the call made), so the call replayed
    at the district re-queues the same message."""

    message_id: uuid.UUID


@dataclasses.dataclass(frozen=True)
class AttachForm:
    """上传附件: a file to attach to the appeal. ``attachment_id`` is made before the call (see
    services/uow.fill_id), so the call replayed at the district makes the same row."""

    appeal_id: uuid.UUID
    version: int
    path: Path
    attachment_id: uuid.UUID | None = None
