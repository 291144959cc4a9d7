"""The catalog (事项库) and menu templates (点菜单模板) as read from ``resources/data`` and from the
admin's Excel import, with the checks that keep the catalog usable: unique codes, known
prerequisites, no prerequisite cycle, committed limit below the statutory one."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from laoshan_desk.domain.approvals.vocabulary import Classification, LimitKind
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.graph import cycle_message, find_cycle

__all__ = [
    "CatalogItem",
    "parse_catalog_item",
    "parse_catalog",
    "check_graph",
    "validate_catalog",
    "load_catalog",
    "TemplateEntry",
    "MenuTemplate",
    "parse_menu_templates",
    "load_menu_templates",
]


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
    limit_kind: LimitKind = LimitKind.WORKING_DAYS
    level: str = "district"  # district | city: who decides (the city for some, e.g. SP058 above 5,000)
    unverified: tuple[str, ...] = ()  # the citations of legal_basis not verified against the law text

    @property
    def statutory_text(self) -> str:
        """The statutory limit in words: 20个工作日, 30日（自然日）, 无法定时限."""
        return self.limit_kind.days_text(self.statutory_days)

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
    """approval_catalog.json may give each citation as {"text", "verified", "source"}; Excel as text."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [v.get("text") if isinstance(v, Mapping) else v for v in value]
    return value


def _unverified(data: Mapping[str, object]) -> tuple[str, ...]:
    """The texts of the citations marked ``verified: false`` (or given without the flag as a
    dict), plus those an ``unverified`` list names (a form or a stored row)."""
    out: list[str] = []
    basis = data.get("legal_basis")
    if isinstance(basis, Sequence) and not isinstance(basis, str):
        out += [str(v.get("text") or "").strip() for v in basis if isinstance(v, Mapping) and not v.get("verified")]
    given = data.get("unverified")
    if isinstance(given, Sequence) and not isinstance(given, str):
        out += [str(v).strip() for v in given]
    return tuple(dict.fromkeys(t for t in out if t))


def _limit_kind(value: object, code: str) -> LimitKind:
    """The kind of limit from its code (JSON, a form) or its word (Excel: 工作日, 自然日, 日, 无)."""
    if value is None or value == "":
        return LimitKind.WORKING_DAYS
    text = str(value).strip()
    words = {kind.label: kind for kind in LimitKind} | {"日": LimitKind.CALENDAR_DAYS, "无": LimitKind.NONE}
    try:
        return LimitKind(text)
    except ValueError:
        pass
    if text in words:
        return words[text]
    raise ValidationError(f"事项 {code} 的时限类型应为 工作日、自然日 或 无法定时限：{text[:20]!r}", field="limit_kind")


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
    # docs/rules.md §approvals-time-limits: a limit of kind "none" (no text sets the agency's
    # limit) has no statutory days; it is kept as 0 and bounds nothing.
    kind = _limit_kind(data.get("limit_kind"), code)
    no_limit = kind is LimitKind.NONE and data.get("statutory_days") in (None, 0, "")
    statutory = 0 if no_limit else _as_int(data.get("statutory_days"), "法定时限", code)
    if kind is not LimitKind.NONE and statutory < 1:
        raise ValidationError(f"事项 {code} 有法定时限时，天数须至少为 1；没有法定时限请选“无”", field="statutory_days")
    if kind is LimitKind.NONE:
        statutory = 0
    committed = _as_int(data.get("committed_days"), "承诺时限", code)
    if committed < 1:
        raise ValidationError(f"事项 {code} 的承诺时限须至少为 1 个工作日", field="committed_days")
    # The promise is in working days; N working days take at least N × 7 / 5 calendar days.
    if statutory and kind is LimitKind.WORKING_DAYS and committed > statutory:
        raise ValidationError(
            f"事项 {code} 的承诺时限（{committed}个工作日）不能超过法定时限（{statutory}个工作日）",
            field="committed_days",
        )
    if statutory and kind is LimitKind.CALENDAR_DAYS and committed * 7 > statutory * 5:
        raise ValidationError(
            f"事项 {code} 的承诺时限（{committed}个工作日）放不进法定时限（{statutory}日，自然日）",
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
        limit_kind=kind,
        level=str(data.get("level") or "district").strip(),
        unverified=_unverified(data),
    )


def check_graph(prerequisites: Mapping[str, Sequence[str]]) -> None:
    """Raise ValidationError unless every prerequisite is another item of the catalog and no
    chain of them closes a cycle (docs/rules.md §approvals-catalog).

    ``prerequisites`` maps each catalog code to the codes it waits for: the whole catalog, with
    an edited or imported item already in it. The one check of the catalog's graph, for the seed
    file, the admin's edits and the Excel import alike.
    """
    for code, prereqs in prerequisites.items():
        for prereq in prereqs:
            if prereq == code:
                raise ValidationError(f"事项 {code} 不能以自身为前置事项", field="prerequisites")
            if prereq not in prerequisites:
                raise ValidationError(f"事项 {code} 的前置事项 {prereq} 不在事项库中", field="prerequisites")
    cycle = find_cycle(prerequisites)
    if cycle:
        raise ValidationError(cycle_message(cycle), field="prerequisites", code="prerequisite_cycle")


def validate_catalog(items: Sequence[CatalogItem]) -> None:
    """Raise ValidationError unless codes are unique and :func:`check_graph` holds."""
    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            raise ValidationError(f"事项编码 {item.code} 重复", field="code")
        seen.add(item.code)
    check_graph({item.code: item.prerequisites for item in items})


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


def _mappings(value: object) -> list[Mapping[str, object]]:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [v for v in value if isinstance(v, Mapping)]
    return []


def _classification(text: str) -> Classification:
    member = Classification.from_label(text)
    assert isinstance(member, Classification)
    return member


def parse_menu_templates(data: Mapping[str, object], catalog_codes: Iterable[str] | None = None) -> list[MenuTemplate]:
    """Menu templates from menu_templates.json; with ``catalog_codes``, refuses unknown items."""
    known = set(catalog_codes) if catalog_codes is not None else None
    templates: list[MenuTemplate] = []
    for raw in _mappings(data.get("templates")):
        code = str(raw.get("code") or "").strip()
        name = str(raw.get("name") or "").strip()
        if not code or not name:
            raise ValidationError("点菜单模板须有编码和名称")
        entries: list[TemplateEntry] = []
        seen: set[str] = set()
        for row in _mappings(raw.get("items")):
            item_code = str(row.get("code") or "").strip().upper()
            if item_code in seen:
                raise ValidationError(f"模板“{name}”中事项 {item_code} 重复")
            if known is not None and item_code not in known:
                raise ValidationError(f"模板“{name}”中的事项 {item_code} 不在事项库中")
            seen.add(item_code)
            entries.append(
                TemplateEntry(
                    item_code,
                    _classification(str(row.get("class") or "")),
                    str(row.get("reason") or "").strip(),
                )
            )
        templates.append(MenuTemplate(code, name, str(raw.get("description") or ""), tuple(entries)))
    return templates


def load_menu_templates(path: str | Path, catalog_codes: Iterable[str] | None = None) -> list[MenuTemplate]:
    return parse_menu_templates(json.loads(Path(path).read_text(encoding="utf-8")), catalog_codes)
