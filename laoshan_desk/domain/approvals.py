"""The approval "order menu" (审批点菜单) domain: vocabularies, item life cycle, catalog, certificates.

What lives here, all pure Python (no Qt, no database):

* how an ordered item is classified for a project — must-do / self-handled / not needed
  (必办 / 企业自办 / 无需办理) — and the Chinese words for it on screens, notices and exports;
* the life cycle of a must-do item: not started → pre-review → accepted → inspection/acceptance →
  done (ticked off, 销号), and which moves a clerk may make;
* the catalog item and menu template records as read from ``resources/data`` (and from the admin's
  Excel import), with the checks that keep the catalog usable: unique codes, known prerequisites,
  no prerequisite cycle, committed limit below the statutory one;
* the verification code printed (as text and QR code) on a certificate, and its check.

The reverse schedule, lights, cascade and "ready to issue" are in :mod:`laoshan_desk.domain.schedule`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import Labelled

__all__ = [
    "Classification",
    "ItemStatus",
    "STATUS_FLOW",
    "applicable_steps",
    "next_statuses",
    "can_transition",
    "check_transition",
    "StatusStep",
    "ItemProgress",
    "advance",
    "CatalogItem",
    "parse_catalog_item",
    "parse_catalog",
    "validate_catalog",
    "load_catalog",
    "TemplateEntry",
    "MenuTemplate",
    "parse_menu_templates",
    "load_menu_templates",
    "VERIFICATION_CODE_LENGTH",
    "verification_code",
    "format_verification_code",
    "normalise_verification_code",
    "check_verification_code",
]


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


# -- life cycle --------------------------------------------------------------------------------
def applicable_steps(*, pre_review: bool = True, site_inspection: bool = True) -> tuple[ItemStatus, ...]:
    """The statuses an item passes through, given whether it has pre-review and site inspection.

    An item without pre-review (e.g. a plain filing) goes straight from not started to accepted; one
    without site inspection or acceptance goes from accepted to done.
    """
    return tuple(
        s
        for s in STATUS_FLOW
        if not (s is ItemStatus.PRE_REVIEW and not pre_review)
        and not (s is ItemStatus.INSPECTION and not site_inspection)
    )


def next_statuses(
    current: ItemStatus | str, *, pre_review: bool = True, site_inspection: bool = True
) -> tuple[ItemStatus, ...]:
    """The statuses a clerk may move the item to: the next applicable step only.

    Forward one step only, so that every date the weekly bulletin reports (accepted on, inspected
    on) is really recorded; steps that do not apply to the item are skipped. A mistaken step is
    undone by an admin correction, not by moving backwards here.
    """
    cur = ItemStatus(current)
    steps = applicable_steps(pre_review=pre_review, site_inspection=site_inspection)
    if cur not in steps:
        # The catalog changed under an item (e.g. pre-review dropped while it was in pre-review):
        # let it continue with the next step that still applies.
        later = [s for s in steps if s.step > cur.step]
        return tuple(later[:1])
    index = steps.index(cur)
    return steps[index + 1 : index + 2]


def can_transition(
    current: ItemStatus | str,
    target: ItemStatus | str,
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
) -> bool:
    """Whether an item in ``current`` may move to ``target``."""
    return ItemStatus(target) in next_statuses(current, pre_review=pre_review, site_inspection=site_inspection)


def check_transition(
    current: ItemStatus | str,
    target: ItemStatus | str,
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Raise ValidationError with a Chinese message when the move is refused.

    Ticking off (done) needs the date it was finished: lights, on-time rates and the cascade all
    count from it. No step may be dated after ``today`` when ``today`` is given.
    """
    cur, tgt = ItemStatus(current), ItemStatus(target)
    if cur is ItemStatus.DONE:
        raise ValidationError("事项已销号，不能再变更状态", field="status")
    allowed = next_statuses(cur, pre_review=pre_review, site_inspection=site_inspection)
    if tgt not in allowed:
        choices = "、".join(s.label for s in allowed) or "无"
        raise ValidationError(f"事项当前为“{cur.label}”，不能变为“{tgt.label}”（可变为：{choices}）", field="status")
    if tgt is ItemStatus.DONE and on is None:
        raise ValidationError("销号须填写办结日期", field="on")
    if on is not None and today is not None and on > today:
        raise ValidationError(f"{tgt.label}日期 {on.isoformat()} 不能晚于今天 {today.isoformat()}", field="on")


@dataclass(frozen=True)
class StatusStep:
    """One recorded move: to which status, on which day, by whom."""

    status: ItemStatus
    on: dt.date
    by: str = ""


@dataclass(frozen=True)
class ItemProgress:
    """Where one must-do item stands, with the dated steps that brought it there."""

    status: ItemStatus = ItemStatus.NOT_STARTED
    steps: tuple[StatusStep, ...] = ()

    def date_of(self, status: ItemStatus | str) -> dt.date | None:
        """The day the item reached ``status``, or None."""
        wanted = ItemStatus(status)
        for step in self.steps:
            if step.status is wanted:
                return step.on
        return None

    @property
    def started_on(self) -> dt.date | None:
        """The first recorded step: the actual start shown on the wall chart."""
        return self.steps[0].on if self.steps else None

    @property
    def finished_on(self) -> dt.date | None:
        return self.date_of(ItemStatus.DONE)

    @property
    def pre_reviewed(self) -> bool:
        """Materials have been looked at by the department: in or past pre-review."""
        return self.status.step >= ItemStatus.PRE_REVIEW.step


def advance(
    progress: ItemProgress,
    target: ItemStatus | str,
    on: dt.date,
    by: str = "",
    *,
    pre_review: bool = True,
    site_inspection: bool = True,
    today: dt.date | None = None,
) -> ItemProgress:
    """The progress after moving to ``target`` on ``on``; refuses what check_transition refuses.

    Steps may share a day (the hotel's licences were accepted and issued the same day) but not go
    back in time, so the recorded dates always read in order.
    """
    tgt = ItemStatus(target)
    check_transition(
        progress.status,
        tgt,
        pre_review=pre_review,
        site_inspection=site_inspection,
        on=on,
        today=today,
    )
    if progress.steps and on < progress.steps[-1].on:
        last = progress.steps[-1]
        raise ValidationError(
            f"{tgt.label}日期 {on.isoformat()} 不能早于{last.status.label}日期 {last.on.isoformat()}",
            field="on",
        )
    return replace(progress, status=tgt, steps=progress.steps + (StatusStep(tgt, on, by),))


# -- catalog -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CatalogItem:
    """One kind of approval in the district's full menu (事项库), as in approval_catalog.json."""

    code: str
    name: str
    department: str
    statutory_days: int
    committed_days: int
    materials: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    pre_review: bool = True
    site_inspection: bool = False
    certificate: str | None = None
    fee: Decimal = Decimal("0.00")
    stage: str = ""

    @property
    def days(self) -> int:
        """The days a schedule plans with: the committed limit, the one the district promises."""
        return self.committed_days


def _as_int(value: object, label: str, code: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(f"事项 {code} 的{label}应为整数：{value!r}") from None
    return value


def _as_text_list(value: object, label: str, code: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # Excel cells hold lists as text separated by Chinese or Latin separators.
        parts = value.replace("；", ";").replace("，", ";").replace(",", ";").replace("\n", ";")
        return tuple(p.strip() for p in parts.split(";") if p.strip())
    if isinstance(value, Iterable):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise ValidationError(f"事项 {code} 的{label}格式不正确")


def _citation_texts(value: object) -> object:
    """approval_catalog.json gives each citation as {"text", "verified", "source"}; Excel as text."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [v.get("text") if isinstance(v, Mapping) else v for v in value]
    return value


def parse_catalog_item(data: Mapping[str, object]) -> CatalogItem:
    """A CatalogItem from one JSON object (or Excel row turned into a dict); checks each field."""
    code = str(data.get("code") or "").strip().upper()
    if not code:
        raise ValidationError("事项编码不能为空", field="code")
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValidationError(f"事项 {code} 的名称不能为空", field="name")
    department = str(data.get("department") or "").strip()
    if not department:
        raise ValidationError(f"事项 {code} 的实施部门不能为空", field="department")
    # docs/rules/reference-data.md §limits: "none" means no text sets the agency's limit; kept as 0.
    no_limit = data.get("limit_kind") == "none" and data.get("statutory_days") is None
    statutory = 0 if no_limit else _as_int(data.get("statutory_days"), "法定时限", code)
    committed = _as_int(data.get("committed_days"), "承诺时限", code)
    if committed < 1:
        raise ValidationError(f"事项 {code} 的承诺时限须至少为 1 个工作日", field="committed_days")
    if statutory and committed > statutory:
        raise ValidationError(
            f"事项 {code} 的承诺时限（{committed}个工作日）不能超过法定时限（{statutory}个工作日）",
            field="committed_days",
        )
    try:
        fee = Decimal(str(data.get("fee") if data.get("fee") is not None else "0.00")).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValidationError(f"事项 {code} 的收费金额格式不正确：{data.get('fee')!r}", field="fee") from None
    if fee < 0:
        raise ValidationError(f"事项 {code} 的收费金额不能为负数", field="fee")
    certificate = data.get("certificate")
    return CatalogItem(
        code=code,
        name=name,
        department=department,
        statutory_days=statutory,
        committed_days=committed,
        materials=_as_text_list(data.get("materials"), "申请材料", code),
        legal_basis=_as_text_list(_citation_texts(data.get("legal_basis")), "设定依据", code),
        prerequisites=tuple(p.upper() for p in _as_text_list(data.get("prerequisites"), "前置事项", code)),
        pre_review=bool(data.get("pre_review", True)),
        site_inspection=bool(data.get("site_inspection", False)),
        certificate=str(certificate).strip() if certificate else None,
        fee=fee,
        stage=str(data.get("stage") or "").strip(),
    )


def validate_catalog(items: Sequence[CatalogItem]) -> None:
    """Raise ValidationError unless codes are unique, prerequisites exist and form no cycle."""
    from laoshan_desk.domain.schedule import cycle_message, find_cycle  # schedule imports us

    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            raise ValidationError(f"事项编码 {item.code} 重复", field="code")
        seen.add(item.code)
    for item in items:
        for prereq in item.prerequisites:
            if prereq not in seen:
                raise ValidationError(f"事项 {item.code} 的前置事项 {prereq} 不在事项库中", field="prerequisites")
    cycle = find_cycle({item.code: item.prerequisites for item in items})
    if cycle:
        raise ValidationError(cycle_message(cycle), field="prerequisites", code="prerequisite_cycle")


def parse_catalog(data: Mapping[str, object] | Sequence[Mapping[str, object]]) -> list[CatalogItem]:
    """Catalog items from approval_catalog.json's content (``{"items": [...]}`` or a bare list)."""
    rows = data.get("items") if isinstance(data, Mapping) else data
    if not isinstance(rows, Sequence):
        raise ValidationError("事项库文件格式不正确：缺少 items 列表")
    items = [parse_catalog_item(row) for row in rows]
    validate_catalog(items)
    return items


def load_catalog(path: str | Path) -> list[CatalogItem]:
    """Read and check a catalog JSON file (the seed in resources/data, or an admin's export)."""
    return parse_catalog(json.loads(Path(path).read_text(encoding="utf-8")))


@dataclass(frozen=True)
class TemplateEntry:
    """One pre-selected item of a menu template, with its default classification and reason."""

    code: str
    classification: Classification
    reason: str = ""


@dataclass(frozen=True)
class MenuTemplate:
    """A set menu (套餐) for one kind of project, e.g. 酒店开业."""

    code: str
    name: str
    description: str = ""
    entries: tuple[TemplateEntry, ...] = field(default_factory=tuple)

    def codes(self, classification: Classification | str | None = None) -> list[str]:
        """Item codes in menu order, optionally only those of one classification."""
        wanted = Classification(classification) if classification is not None else None
        return [e.code for e in self.entries if wanted is None or e.classification is wanted]


def parse_menu_templates(data: Mapping[str, object], catalog_codes: Iterable[str] | None = None) -> list[MenuTemplate]:
    """Menu templates from menu_templates.json; with ``catalog_codes``, refuses unknown items."""
    known = set(catalog_codes) if catalog_codes is not None else None
    templates: list[MenuTemplate] = []
    for raw in data.get("templates") or []:
        code = str(raw.get("code") or "").strip()
        name = str(raw.get("name") or "").strip()
        if not code or not name:
            raise ValidationError("点菜单模板须有编码和名称")
        entries: list[TemplateEntry] = []
        seen: set[str] = set()
        for row in raw.get("items") or []:
            item_code = str(row.get("code") or "").strip().upper()
            if item_code in seen:
                raise ValidationError(f"模板“{name}”中事项 {item_code} 重复")
            if known is not None and item_code not in known:
                raise ValidationError(f"模板“{name}”中的事项 {item_code} 不在事项库中")
            seen.add(item_code)
            entries.append(
                TemplateEntry(
                    item_code,
                    Classification.from_label(str(row.get("class") or "")),
                    str(row.get("reason") or "").strip(),
                )
            )
        templates.append(MenuTemplate(code, name, str(raw.get("description") or ""), tuple(entries)))
    return templates


def load_menu_templates(path: str | Path, catalog_codes: Iterable[str] | None = None) -> list[MenuTemplate]:
    return parse_menu_templates(json.loads(Path(path).read_text(encoding="utf-8")), catalog_codes)


# -- certificate verification code -------------------------------------------------------------
# Crockford's base32: no I, L, O or U, so a clerk reading a code aloud or typing it from paper
# cannot confuse 1/I/L or 0/O; lower case and those look-alikes are folded on input.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FOLD = str.maketrans({"O": "0", "I": "1", "L": "1"})
VERIFICATION_CODE_LENGTH = 12  # 60 bits: guessing one valid code is hopeless
_DOMAIN_TAG = "laoshan-desk/certificate/v1"  # changing the scheme later changes this tag


def _secret_bytes(secret: bytes | str) -> bytes:
    key = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if not key:
        raise ValueError("verification secret must not be empty")
    return key


def verification_code(secret: bytes | str, certificate_id: str | int, item_code: str, credit_code: str) -> str:
    """The 12-character code printed on a certificate (compact form, no hyphens).

    HMAC-SHA256 keyed with the desk's secret over the certificate id, the item code and the
    enterprise's USCC, so a code cannot be made without the secret and does not carry over to
    another enterprise or item. The fields are joined with a unit separator so that no two
    different triples give the same message.
    """
    message = "\x1f".join(
        [_DOMAIN_TAG, str(certificate_id).strip(), item_code.strip().upper(), credit_code.strip().upper()]
    ).encode("utf-8")
    digest = hmac.new(_secret_bytes(secret), message, hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * VERIFICATION_CODE_LENGTH)
    chars = []
    for _ in range(VERIFICATION_CODE_LENGTH):
        chars.append(_ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def format_verification_code(code: str) -> str:
    """``ABCD-EFGH-JKMN``: groups of four, as printed under the QR code."""
    compact = normalise_verification_code(code)
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def normalise_verification_code(text: str) -> str:
    """The compact upper-case form of a typed code; ValidationError when it cannot be one."""
    compact = "".join(ch for ch in (text or "").upper() if ch not in " -_\t").translate(_FOLD)
    if len(compact) != VERIFICATION_CODE_LENGTH or any(ch not in _ALPHABET for ch in compact):
        raise ValidationError(
            f"核验码应为 {VERIFICATION_CODE_LENGTH} 位字母数字（如 ABCD-EFGH-JKMN）：{text!r}",
            field="code",
        )
    return compact


def check_verification_code(
    code: str, secret: bytes | str, certificate_id: str | int, item_code: str, credit_code: str
) -> bool:
    """Whether ``code`` is the one issued for this certificate (typing slips folded, see above)."""
    try:
        compact = normalise_verification_code(code)
    except ValidationError:
        return False
    expected = verification_code(secret, certificate_id, item_code, credit_code)
    return hmac.compare_digest(compact, expected)
