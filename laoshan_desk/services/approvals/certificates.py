"""Certificates (证照) printed for finished items, and checking a printed one by its code.

The verification code is an HMAC of the certificate number, item code and the holder's USCC
keyed with the desk's secret (:func:`laoshan_desk.domain.approvals.verification_code`); the
secret is made once per database and kept in the settings table. A code is checked by looking
it up *and* recomputing it from the stored fields, so a row edited behind the desk's back no
longer verifies (docs/rules.md §approvals-certificates). Certificate numbers come from the number
series ``approval_certificate``, so two counters never print the same number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.documents import approvals as docs
from laoshan_desk.domain.approvals import (
    CertificateStatus,
    ItemStatus,
    check_verification_code,
    format_verification_code,
    normalise_verification_code,
    verification_code,
)
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services.approvals.common import EDIT, VIEW, NoCertificate, load_item, load_project
from laoshan_desk.services.approvals.inputs import IssueForm, RevokeForm, cleaned
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store import numbers
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Setting
from laoshan_desk.store.models.approvals import ApprovalProject, Certificate, ProjectItem

__all__ = [
    "ISSUER",
    "CertificateInfo",
    "Verdict",
    "issue_certificate",
    "get_certificate",
    "revoke",
    "verify",
    "certificate_pdf",
]

SECRET_KEY = "approvals.certificate_secret"
ISSUER = docs.ISSUER
SERIES = "approval_certificate"  # the number series of certificate numbers (store/numbers.py)


def _secret(session: Session, *, create: bool) -> str | None:
    row = session.get(Setting, SECRET_KEY)
    if row is not None:
        return str(row.value)
    if not create:
        return None
    value = secrets.token_hex(32)
    session.add(Setting(key=SECRET_KEY, value=value))
    session.flush()
    return value


@dataclasses.dataclass(frozen=True)
class CertificateInfo:
    """A certificate as the desk shows it."""

    id: uuid.UUID
    number: str
    verification_code: str
    title: str
    holder: str
    credit_code: str
    item_code: str
    item_name: str
    department: str
    project_name: str
    project_number: str
    issued_on: dt.date
    issued_by: str
    revoked: bool
    revoked_reason: str
    address: str = ""

    @property
    def code_display(self) -> str:
        return format_verification_code(self.verification_code)


@dataclasses.dataclass(frozen=True)
class Verdict:
    """What checking a code found, with the certificate when there is one."""

    status: CertificateStatus
    code: str
    certificate: CertificateInfo | None = None

    @property
    def message(self) -> str:
        return self.status.label

    @property
    def genuine(self) -> bool:
        return self.status is CertificateStatus.GENUINE


def _info(session: Session, c: Certificate) -> CertificateInfo:
    item = session.get(ProjectItem, c.item_id)
    project = session.get(ApprovalProject, c.project_id)
    return CertificateInfo(
        id=c.id,
        number=c.number,
        verification_code=c.verification_code,
        title=c.title,
        holder=c.holder,
        credit_code=c.credit_code,
        item_code=c.item_code,
        item_name=item.name if item else c.item_code,
        department=c.department,
        project_name=project.name if project else "",
        project_number=project.number if project else "",
        issued_on=c.issued_on,
        issued_by=c.issued_by,
        revoked=c.revoked_at is not None,
        revoked_reason=c.revoked_reason,
        address=project.address if project else "",
    )


def issue_certificate(db: Database, actor: Actor, form: IssueForm, *, now: dt.datetime) -> CertificateInfo:
    """Issue the licence of a ticked-off item: number, verification code, audit. One current
    certificate per item: issuing again returns the one already issued."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        item, project = load_item(s, actor, form.item_id, own_department=True)
        if item.status != ItemStatus.DONE.value:
            raise ValidationError(f"事项“{item.name}”尚未销号，不能出具证照")
        if not item.certificate:
            raise NoCertificate(f"事项“{item.name}”不颁发证照（办结即可）")
        current = s.scalar(select(Certificate).where(Certificate.item_id == item.id, Certificate.revoked_at.is_(None)))
        if current is not None:
            return _info(s, current)
        day = form.issued_on or now.date()
        serial = numbers.allocate(s, SERIES, floor=s.scalar(select(func.count()).select_from(Certificate)) or 0)
        number = f"崂审证〔{day.year}〕{serial:05d}号"
        secret = _secret(s, create=True)
        assert secret is not None
        code = verification_code(secret, number, item.code, project.credit_code)
        cert = Certificate(
            id=uuid.uuid4(),
            number=number,
            verification_code=code,
            project_id=project.id,
            item_id=item.id,
            item_code=item.code,
            title=item.certificate,
            holder=project.enterprise,
            credit_code=project.credit_code,
            department=item.department,
            issued_on=day,
            issued_at=now,
            issued_by=actor.full_name or actor.username,
        )
        s.add(cert)
        s.flush()
        work.audit(
            "create",
            "approval_certificate",
            cert.id,
            f"{project.number} 出具证照 {number}：{item.certificate}（{project.enterprise}）"[:300],
            after={"number": number, "item": item.code, "holder": project.enterprise},
        )
        return _info(s, cert)


def get_certificate(db: Database, actor: Actor, certificate_id: uuid.UUID) -> CertificateInfo:
    actor.require(VIEW)
    with db.session() as session:
        c = session.get(Certificate, certificate_id)
        if c is None:
            raise NotFound("证照不存在")
        load_project(session, actor, c.project_id)
        return _info(session, c)


def revoke(db: Database, actor: Actor, form: RevokeForm, *, now: dt.datetime) -> None:
    """Revoke or cancel a certificate with a reason: its code then verifies as revoked."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    text = (form.reason or "").strip()
    if not text:
        raise ValidationError("请填写撤销原因", field="reason")
    with unit_of_work(db, actor, now=now) as work:
        c = work.session.get(Certificate, form.certificate_id)
        if c is None:
            raise NotFound("证照不存在")
        load_project(work.session, actor, c.project_id)
        if c.revoked_at is not None:
            raise ValidationError(f"证照 {c.number} 已于 {c.revoked_at:%Y-%m-%d} 撤销")
        c.revoked_at, c.revoked_by, c.revoked_reason = now, actor.username, text[:300]
        work.audit(
            "update",
            "approval_certificate",
            c.id,
            f"撤销证照 {c.number}：{text}"[:300],
            after={"revoked": True, "reason": text},
        )


def verify(db: Database, actor: Actor, code: str) -> Verdict:
    """Is a printed certificate genuine and current? Whoever sees the tab may ask (it is what
    the QR code is for).

    Raises ValidationError when ``code`` cannot be a verification code at all (wrong length or
    characters), so a typing slip is told apart from an unknown certificate.
    """
    actor.require(VIEW)
    compact = normalise_verification_code(code)
    with db.session() as session:
        c = session.scalar(select(Certificate).where(Certificate.verification_code == compact))
        secret = _secret(session, create=False)
        if (
            c is None
            or secret is None
            or not check_verification_code(compact, secret, c.number, c.item_code, c.credit_code)
        ):
            return Verdict(CertificateStatus.UNKNOWN, compact)
        info = _info(session, c)
        return Verdict(CertificateStatus.REVOKED if info.revoked else CertificateStatus.GENUINE, compact, info)


def certificate_paper(info: CertificateInfo) -> docs.CertificatePaper:
    return docs.CertificatePaper(
        number=info.number,
        title=info.title,
        holder=info.holder,
        credit_code=info.credit_code,
        address=info.address,
        item_name=info.item_name,
        department=info.department,
        issued_on=info.issued_on,
        verification_code=info.verification_code,
        project_name=info.project_name,
        project_number=info.project_number,
        revoked=info.revoked,
        revoked_reason=info.revoked_reason,
    )


def certificate_pdf(db: Database, actor: Actor, certificate_id: uuid.UUID) -> bytes:
    """The licence PDF with the QR code (the preview records it when printed or saved)."""
    return docs.certificate_pdf(certificate_paper(get_certificate(db, actor, certificate_id)))
