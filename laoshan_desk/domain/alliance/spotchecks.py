"""Spot-check rules (监督抽检): no fee, no repeated sampling by a lower level, conformity rates.

Product Quality Law art. 15 (docs/rules/alliance.md §alliance-spot-checks): a spot check takes its samples
without charge and charges the enterprise no inspection fee; "products sampled by the state are
not sampled again by local bodies; products sampled by a higher level are not sampled again by a
lower one". The law names no period; the desk reads "again" as within the same calendar year
(the plans are yearly) for the same enterprise and product, and *warns* — the clerk may still go
on (a complaint may justify it) by confirming, and the confirmation is audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from laoshan_desk.domain.alliance.vocabulary import SamplingLevel, SpotProduct, SpotResult
from laoshan_desk.domain.errors import ValidationError

__all__ = [
    "PriorBatch",
    "check_no_fee",
    "conformity_rate",
    "repeat_sampling_warning",
]


@dataclasses.dataclass(frozen=True)
class PriorBatch:
    """A batch already sampled, as the repeated-sampling check needs it."""

    uscc: str
    product: SpotProduct
    level: SamplingLevel
    sampled_on: dt.date
    batch_number: str = ""


def repeat_sampling_warning(
    *,
    uscc: str,
    product: SpotProduct,
    level: SamplingLevel,
    sampled_on: dt.date,
    prior: Iterable[PriorBatch],
) -> str | None:
    """The warning to show when a higher level sampled the same product of the same enterprise in
    the same year, or None. Batches of the same or a lower level do not warn."""
    higher = [
        p
        for p in prior
        if p.uscc == uscc
        and p.product is product
        and p.level.height > level.height
        and p.sampled_on.year == sampled_on.year
    ]
    if not higher:
        return None
    top = max(higher, key=lambda p: (p.level.height, p.sampled_on))
    number = f"（批号 {top.batch_number}）" if top.batch_number else ""
    return (
        f"{top.level.label}监督抽查已于 {top.sampled_on:%Y-%m-%d} 抽检该企业的{product.label}{number}，"
        f"依《产品质量法》第十五条，{level.label}不得另行重复抽查"
    )


def check_no_fee(fee: Decimal | None) -> None:
    """A spot check charges nothing (Product Quality Law art. 15): any fee is refused."""
    if fee is not None and fee != 0:
        raise ValidationError("监督抽查不得向被检查人收取检验费用（《产品质量法》第十五条）", field="fee")


def conformity_rate(results: Iterable[SpotResult]) -> Decimal | None:
    """Conforming ÷ batches with a result, as a fraction (None when no result is in yet)."""
    done = [r for r in results if r is not SpotResult.PENDING]
    if not done:
        return None
    good = sum(1 for r in done if r is SpotResult.CONFORMING)
    return Decimal(good) / Decimal(len(done))
