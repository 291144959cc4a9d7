"""What the plan is computed from: money, the respondent's assets, guarantees, the excess rule.

Money is ``Decimal`` quantised to fen (0.01), at most what the database's ``Numeric(16, 2)``
holds; the searches work in integer fen (:func:`_cents`) so that no rounding can make a plan
cover by a fraction. :func:`yes_no` reads the 是/否 of a form or an imported sheet.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TypeVar

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation.vocabulary import AccountKind, AssetType, GuaranteeType, Measure

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# Numeric(16, 2): fourteen digits before the point.
MAX_AMOUNT = Decimal("99999999999999.99")

E = TypeVar("E", bound=enum.Enum)


def money(value: object, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """A yuan amount as Decimal with two places; '1,200,000.00', 5 and Decimal all accepted."""
    if isinstance(value, bool) or value is None:
        raise ValidationError("金额不能为空", field=field)
    try:
        # str() first: a float's repr is what the person meant (0.1, not 0.1000000000000000055).
        amount = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"金额格式错误：{value}", field=field) from None
    if not amount.is_finite():
        raise ValidationError(f"金额格式错误：{value}", field=field)
    if amount < 0 and not allow_negative:
        raise ValidationError("金额不能为负数", field=field)
    if abs(amount) > MAX_AMOUNT:
        raise ValidationError(f"金额过大：{value}", field=field)
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


_YES = ("是", "y", "yes", "true", "1", "经营", "经营使用", "√")
_NO = ("否", "n", "no", "false", "0", "", "未使用", "×")


def yes_no(value: object, field: str) -> bool:
    """是/否 (and the words an export uses for them) as a bool; anything else is refused."""
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"“{value}”应填写“是”或“否”", field=field)


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def _yuan(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def _fmt(amount: Decimal | int) -> str:
    """Amounts in notes: 1,200,000.00 (cents given as int are converted first)."""
    if isinstance(amount, int):
        amount = _yuan(amount)
    return f"{amount:,.2f}"


def member(cls: type[E], value: object, field: str, what: str) -> E:
    """``value`` as a member of ``cls`` (a member or its code), or "{what}无效" beside ``field``."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"{what}无效：{value}", field=field) from None


@dataclass(frozen=True)
class Asset:
    """One asset of the respondent, typed in or imported from the online asset inquiry.

    ``value`` is the balance of an account or the assessed value of anything else.
    ``in_operational_use`` is ignored for accounts: their harm is given by their kind.
    ``indivisible`` marks real estate that cannot be sealed in part (its use is not divisible, or
    dividing it would seriously reduce its value: 《财产保全规定》第十五条).
    ``disputed`` marks the disputed property itself (争议标的物): a release on the respondent's
    guarantee needs the applicant's consent for it (《财产保全规定》第二十二条).
    """

    id: str
    type: AssetType
    account_kind: AccountKind | None = None
    value: Decimal = ZERO
    in_operational_use: bool = False
    protected: bool = False
    description: str = ""
    protected_reason: str = ""
    indivisible: bool = False
    disputed: bool = False

    def __post_init__(self) -> None:
        if not str(self.id).strip():
            raise ValidationError("财产编号不能为空", field="assets.id")
        object.__setattr__(self, "id", str(self.id).strip())
        kind = member(AssetType, self.type, "assets.type", "财产类型")
        object.__setattr__(self, "type", kind)
        object.__setattr__(self, "value", money(self.value, field="assets.value"))
        if kind is AssetType.ACCOUNT:
            if self.account_kind is None:
                raise ValidationError(
                    f"账户“{self.id}”须注明账户性质（基本户、一般户、专用户或农民工工资专户）",
                    field="assets.account_kind",
                )
            account = member(AccountKind, self.account_kind, "assets.account_kind", "账户性质")
            object.__setattr__(self, "account_kind", account)
        elif self.account_kind is not None:
            raise ValidationError(f"财产“{self.id}”不是账户，不应填写账户性质", field="assets.account_kind")
        object.__setattr__(self, "in_operational_use", bool(self.in_operational_use))
        object.__setattr__(self, "protected", bool(self.protected))
        object.__setattr__(self, "indivisible", bool(self.indivisible))
        object.__setattr__(self, "disputed", bool(self.disputed))

    @property
    def label(self) -> str:
        """How notes name the asset: its description, else its kind and id."""
        if self.description:
            return self.description
        kind = self.account_kind.label if self.account_kind else self.type.label
        return f"{kind}{self.id}"

    @property
    def is_account(self) -> bool:
        return self.type is AssetType.ACCOUNT

    @property
    def measure(self) -> Measure:
        return self.type.measure

    @property
    def keeps_use(self) -> bool:
        """Sealed in the respondent's custody with continued use (活封): a thing in operational use
        (《财产保全规定》第十三条, docs/rules.md §preservation-plan)."""
        return not self.is_account and self.in_operational_use


@dataclass(frozen=True)
class Guarantee:
    """A guarantee given for the respondent (by it or a third party) that replaces preservation.

    Not the applicant's own guarantee for the application (see
    :func:`applicant_guarantee_required`): this one reduces what must be preserved
    (CPL art. 107, 《财产保全规定》第二十二条; docs/rules.md §preservation-release).
    """

    type: GuaranteeType
    amount: Decimal
    valid_until: dt.date
    issuer: str = ""  # the bank or insurer
    number: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", member(GuaranteeType, self.type, "guarantees.type", "担保类型"))
        object.__setattr__(self, "amount", money(self.amount, field="guarantees.amount"))
        if isinstance(self.valid_until, dt.datetime):
            object.__setattr__(self, "valid_until", self.valid_until.date())
        if not isinstance(self.valid_until, dt.date):
            raise ValidationError("担保有效期应为日期", field="guarantees.valid_until")

    def is_valid_on(self, day: dt.date) -> bool:
        # The guarantee's last day still counts: it is valid *until* that day inclusive.
        return self.valid_until >= day


def valid_guarantee_total(guarantees: Iterable[Guarantee], as_of: dt.date) -> Decimal:
    """Sum of the guarantees still valid on ``as_of``."""
    return sum((g.amount for g in guarantees if g.is_valid_on(as_of)), ZERO).quantize(CENT)


@dataclass(frozen=True)
class ExcessRule:
    """When a preserved value "clearly exceeds" what is needed (明显超标的额; docs/rules.md §preservation-plan).

    Clear excess: more than ``ratio`` times the need *and* more than ``margin`` yuan over it. The
    first spares large cases from quibbles over a whole asset's rounding; the second spares small
    ones from a ratio that a single vehicle would break. Both are court settings.
    """

    ratio: Decimal = Decimal("1.2")
    margin: Decimal = Decimal("10000")

    def clearly_exceeds(self, value: Decimal, need: Decimal) -> bool:
        return value > need and value > need * self.ratio and value > need + self.margin

    def clearly_exceeds_cents(self, value: int, need: int) -> bool:
        return self.clearly_exceeds(Decimal(value) / 100, Decimal(need) / 100)
