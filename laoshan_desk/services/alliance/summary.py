"""The alliance's part of an enterprise's file (一企一档): membership, honours, complaints, spot
checks, requests, policies pushed and awards paid, by the enterprise's id in the shared table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, or_, select

from laoshan_desk.domain.alliance.vocabulary import AwardStatus, Industry, LifecycleStage, SpotResult
from laoshan_desk.services.alliance.common import VIEW
from laoshan_desk.services.alliance.members import HonourRow, honours_of
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import (
    AllianceAward,
    AllianceComplaint,
    AllianceMember,
    AlliancePolicyPush,
    AllianceRequest,
    AllianceSpotBatch,
)
from laoshan_desk.store.models.enterprises import Enterprise


@dataclasses.dataclass(frozen=True)
class MemberSummary:
    member: bool
    member_id: uuid.UUID | None
    liaison_name: str
    member_since: dt.date | None
    pledge_signed_on: dt.date | None
    stage: LifecycleStage | None
    industry: Industry | None
    honours: tuple[HonourRow, ...]
    complaints: int
    open_complaints: int
    spot_checks: int
    nonconforming: int
    requests: int
    policies_pushed: int
    awards_paid: Decimal


def member_summary(db: Database, actor: Actor, enterprise_id: uuid.UUID, *, now: dt.datetime) -> MemberSummary:
    """Counts by the enterprise's id (and its USCC for complaints typed before it was on file)."""
    actor.require(VIEW)
    del now  # nothing here depends on the hour; kept so every file section is asked alike
    with db.session() as s:
        e = s.get(Enterprise, enterprise_id)
        m = s.scalars(select(AllianceMember).where(AllianceMember.enterprise_id == enterprise_id)).first()
        about = [AllianceComplaint.enterprise_id == enterprise_id]
        if e is not None and e.uscc:
            about.append(AllianceComplaint.uscc == e.uscc)
        complaints = s.scalar(select(func.count()).select_from(AllianceComplaint).where(or_(*about))) or 0
        open_ = (
            s.scalar(
                select(func.count())
                .select_from(AllianceComplaint)
                .where(or_(*about), AllianceComplaint.finished_at.is_(None))
            )
            or 0
        )
        batches = s.scalar(
            select(func.count()).select_from(AllianceSpotBatch).where(AllianceSpotBatch.enterprise_id == enterprise_id)
        )
        bad = s.scalar(
            select(func.count())
            .select_from(AllianceSpotBatch)
            .where(
                AllianceSpotBatch.enterprise_id == enterprise_id,
                AllianceSpotBatch.result == SpotResult.NONCONFORMING.value,
            )
        )
        requests = 0
        if m is not None:
            requests = (
                s.scalar(select(func.count()).select_from(AllianceRequest).where(AllianceRequest.member_id == m.id))
                or 0
            )
        pushed = s.scalar(
            select(func.count())
            .select_from(AlliancePolicyPush)
            .where(AlliancePolicyPush.enterprise_id == enterprise_id)
        )
        paid = s.scalar(
            select(func.coalesce(func.sum(AllianceAward.amount), 0)).where(
                AllianceAward.enterprise_id == enterprise_id, AllianceAward.status == AwardStatus.PAID.value
            )
        )
        honours = honours_of(s, [enterprise_id]).get(enterprise_id, ())
    return MemberSummary(
        member=m is not None,
        member_id=m.id if m else None,
        liaison_name=m.liaison_name if m else "",
        member_since=m.member_since if m else None,
        pledge_signed_on=m.pledge_signed_on if m else None,
        stage=LifecycleStage(m.stage) if m else None,
        industry=Industry(m.industry) if m else None,
        honours=honours,
        complaints=int(complaints),
        open_complaints=int(open_),
        spot_checks=int(batches or 0),
        nonconforming=int(bad or 0),
        requests=int(requests),
        policies_pushed=int(pushed or 0),
        awards_paid=Decimal(paid or 0).quantize(Decimal("0.01")),
    )
