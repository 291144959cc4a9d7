"""The preservation papers: 民事裁定书 (ruling), 协助执行通知书 (assistance notice), release ruling.

Plain data in (:class:`RulingData` and friends, filled by the service), PDF bytes out through
:mod:`laoshan_desk.documents.pdf`. The wording lives in ``reports/preservation/texts.json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache

from laoshan_desk.config import REPORTS
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table, amount_in_words, arabic_date, render
from laoshan_desk.domain.preservation import CaseKind, Decision, ReleaseReason

Block = str | Heading | Table | KeyValues  # what a Notice's body holds


@lru_cache(maxsize=1)
def texts() -> dict[str, str]:
    """The papers' wording, keyed by paragraph (``reports/preservation/texts.json``)."""
    loaded = json.loads((REPORTS / "preservation" / "texts.json").read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in loaded.items()}


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@dataclasses.dataclass(frozen=True)
class Line:
    """One asset on a paper: what, where, which measure and how much."""

    label: str
    institution: str
    number: str
    measure_label: str
    amount: Decimal
    term: str = ""
    keeps_use: bool = False  # sealed with the respondent keeping its use (活封)


@dataclasses.dataclass(frozen=True)
class RulingData:
    """The 民事裁定书: the application, the decision and (when granted) the plan's lines."""

    case_number: str
    kind: CaseKind
    kind_label: str
    cause: str
    applicant: str
    applicant_line: str
    respondent: str
    respondent_line: str
    received_at: dt.datetime
    claim: Decimal
    guarantee_label: str
    guarantee_amount: Decimal | None
    decision: Decision
    reasons: str
    amount: Decimal
    lines: tuple[Line, ...]
    judge: str
    ruled_on: dt.date
    clerk: str = ""  # the 书记员 who signs under the date


def _lines_table(lines: tuple[Line, ...], with_term: bool = False) -> Table:
    headers = ["序号", "财产", "开户行/登记机关", "账号/编号", "措施", "数额（元）"] + (["期限"] if with_term else [])
    rows = [
        [str(i), ln.label, ln.institution or "—", ln.number or "—", ln.measure_label, _yuan(ln.amount)]
        + ([ln.term] if with_term else [])
        for i, ln in enumerate(lines, 1)
    ]
    widths: list[float] = [6.0, 22.0, 22.0, 22.0, 8.0, 16.0] + ([16.0] if with_term else [])
    return Table(headers, rows, widths=widths)


def _court_paper(
    title: str,
    body: list[Block],
    number: str,
    *,
    signature: str,
    date: dt.date,
    subject: str,
    recipient: str = "",
    footer: str = "",
    clerk: str = "",
) -> bytes:
    """A court paper as the court prints it: the court's name in black without the red rule, the
    number under the title, signed, dated in Chinese numerals (二〇二六年十一月二十七日), the seal's
    place marked; a ruling adds its 书记员 line (``clerk``: the name)."""
    return render(
        Notice(
            title=title,
            body=body,
            issuer=texts()["court"],
            header_color="#000000",
            header_rule=False,
            doc_number=number,
            number_under_title=True,
            recipient=recipient,
            signature=signature,
            date=date,
            date_style="chinese",
            seal="（院印）",
            clerk=f"书记员　{clerk}" if clerk else "",
            footer=footer,
            subject=subject,
        )
    )


def ruling(data: RulingData) -> bytes:
    t = texts()
    body: list[Block] = [f"申请人：{data.applicant_line}", f"被申请人：{data.respondent_line}"]
    guarantee = (
        t["guarantee"].format(guarantee_label=data.guarantee_label, guarantee_amount=_yuan(data.guarantee_amount))
        if data.guarantee_amount
        else t["no_guarantee"]
    )
    body.append(
        t["application"].format(
            applicant=data.applicant,
            received=arabic_date(data.received_at.date()),
            kind_label=data.kind_label,
            respondent=data.respondent,
            claim=_yuan(data.claim),
            guarantee=guarantee,
        )
    )
    if not data.decision.grants:
        reasons = data.reasons.rstrip("。") + "。"
        body.append(t["review_refuse"].format(reasons=reasons))
        body.append(t["order_refuse"].format(applicant=data.applicant))
    else:
        articles = t["articles_pre_suit"] if data.kind is CaseKind.PRE_SUIT else t["articles_other"]
        body.append(t["review_grant"].format(articles=articles))
        body.append(t["order_grant"].format(respondent=data.respondent, amount=_yuan(data.amount)))
        body.append(_lines_table(data.lines))
        in_use = [ln.label for ln in data.lines if ln.keeps_use]
        if in_use:
            body.append(t["keep_use"].format(labels="、".join(in_use)))
        body.append(t["execute_now"])
        if data.kind is CaseKind.PRE_SUIT:
            body.append(t["lawsuit"])
        body.append(t["terms"])
    body.append(t["reconsider"])
    return _court_paper(
        t["ruling_title"],
        body,
        data.case_number,
        signature=f"{t['judge_title']}  {data.judge}",
        date=data.ruled_on,
        subject=f"{data.case_number} 民事裁定书",
        clerk=data.clerk,
    )


@dataclasses.dataclass(frozen=True)
class AssistanceData:
    """The 协助执行通知书 to one bank or registry: one asset, its exact amount and term."""

    case_number: str
    notice_number: str
    applicant: str
    respondent: str
    respondent_number: str
    cause: str
    recipient: str
    line: Line
    is_account: bool
    years: int
    start: dt.date
    expiry: dt.date
    judge: str
    issued_on: dt.date


def assistance_notice(data: AssistanceData) -> bytes:
    t = texts()
    values = dict(
        applicant=data.applicant,
        respondent=data.respondent,
        cause=data.cause,
        case_number=data.case_number,
        number=data.line.number or "—",
        amount=_yuan(data.line.amount),
        upper=amount_in_words(data.line.amount),
        years=data.years,
        start=arabic_date(data.start),
        expiry=arabic_date(data.expiry),
        label=data.line.label,
    )
    body: list[Block] = [t["notice_intro"].format(**values)]
    key = "notice_freeze" if data.is_account else "notice_seize_keep_use" if data.line.keeps_use else "notice_seize"
    body.append(t[key].format(**values))
    body.append(
        KeyValues(
            [
                ("被执行人", data.respondent),
                ("证件号码", data.respondent_number),
                ("财产", data.line.label),
                ("账号/编号", data.line.number or "—"),
                ("措施", data.line.measure_label),
                ("数额", f"{_yuan(data.line.amount)}元"),
                ("期限", f"{arabic_date(data.start)}至{arabic_date(data.expiry)}"),
            ]
        )
    )
    body.append(t["notice_close"])
    return _court_paper(
        t["notice_title"],
        body,
        data.notice_number,
        signature=t["court"],
        date=data.issued_on,
        subject=f"{data.notice_number} 协助执行通知书",
        recipient=f"{data.recipient}：",
        footer=f"承办人：{data.judge}　附：{data.case_number}民事裁定书",
    )


@dataclasses.dataclass(frozen=True)
class ReleaseData:
    """The release ruling: why, what it lifts and the funds it frees."""

    ruling_number: str
    case_number: str
    applicant: str
    applicant_line: str
    respondent: str
    respondent_line: str
    ruled_on: dt.date
    reason: ReleaseReason
    reason_label: str
    guarantees: str
    amount: Decimal
    lines: tuple[Line, ...]
    judge: str
    released_on: dt.date
    clerk: str = ""


def release_ruling(data: ReleaseData) -> bytes:
    t = texts()
    body: list[Block] = [f"申请人：{data.applicant_line}", f"被申请人：{data.respondent_line}"]
    body.append(
        t["release_intro"].format(
            applicant=data.applicant,
            respondent=data.respondent,
            ruled=arabic_date(data.ruled_on),
            case_number=data.case_number,
        )
    )
    if data.reason is ReleaseReason.GUARANTEE:
        body.append(t["release_guarantee"].format(guarantees=data.guarantees))
    else:
        body.append(t["release_other"].format(reason=data.reason_label))
    body.append(t["release_order"].format(respondent=data.respondent, amount=_yuan(data.amount)))
    body.append(_lines_table(data.lines))
    body.append(t["release_close"])
    return _court_paper(
        t["ruling_title"],
        body,
        data.ruling_number,
        signature=f"{t['judge_title']}  {data.judge}",
        date=data.released_on,
        subject=f"{data.ruling_number} 解除保全民事裁定书",
        clerk=data.clerk,
    )


__all__ = [
    "AssistanceData",
    "Line",
    "ReleaseData",
    "RulingData",
    "assistance_notice",
    "release_ruling",
    "ruling",
    "texts",
]
