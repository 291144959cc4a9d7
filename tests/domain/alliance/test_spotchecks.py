"""Product Quality Law art. 15 in the spot checks: no fee, the repeated-sampling warning, rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.alliance.spotchecks import PriorBatch, check_no_fee, conformity_rate, repeat_sampling_warning
from laoshan_desk.domain.alliance.vocabulary import SamplingLevel, SpotProduct, SpotResult
from laoshan_desk.domain.errors import ValidationError

USCC = "91370212MA3U8KW28P"
OTHER = "91370212MA3C8LX2Q0"


def prior(level: SamplingLevel, day: dt.date, uscc: str = USCC, product: SpotProduct = SpotProduct.LAOSHAN_TEA):
    return PriorBatch(uscc, product, level, day, batch_number="SC2026-07")


def test_a_district_batch_after_a_provincial_one_warns():
    warning = repeat_sampling_warning(
        uscc=USCC,
        product=SpotProduct.LAOSHAN_TEA,
        level=SamplingLevel.DISTRICT,
        sampled_on=dt.date(2026, 9, 10),
        prior=[prior(SamplingLevel.PROVINCIAL, dt.date(2026, 5, 6))],
    )
    assert warning is not None
    assert "省级" in warning and "2026-05-06" in warning and "第十五条" in warning and "SC2026-07" in warning


@pytest.mark.parametrize(
    "earlier, note",
    [
        (prior(SamplingLevel.DISTRICT, dt.date(2026, 5, 6)), "same level"),
        (prior(SamplingLevel.PROVINCIAL, dt.date(2025, 12, 30)), "last year"),
        (prior(SamplingLevel.NATIONAL, dt.date(2026, 5, 6), uscc=OTHER), "another enterprise"),
        (prior(SamplingLevel.NATIONAL, dt.date(2026, 5, 6), product=SpotProduct.MINERAL_WATER), "another product"),
    ],
)
def test_no_warning_when_nothing_higher_sampled_the_same_thing_this_year(earlier: PriorBatch, note: str):
    assert (
        repeat_sampling_warning(
            uscc=USCC,
            product=SpotProduct.LAOSHAN_TEA,
            level=SamplingLevel.DISTRICT,
            sampled_on=dt.date(2026, 9, 10),
            prior=[earlier],
        )
        is None
    ), note


def test_a_higher_level_may_sample_after_a_lower_one():
    assert (
        repeat_sampling_warning(
            uscc=USCC,
            product=SpotProduct.LAOSHAN_TEA,
            level=SamplingLevel.PROVINCIAL,
            sampled_on=dt.date(2026, 9, 10),
            prior=[prior(SamplingLevel.DISTRICT, dt.date(2026, 5, 6))],
        )
        is None
    )


def test_the_warning_names_the_highest_level_that_sampled():
    warning = repeat_sampling_warning(
        uscc=USCC,
        product=SpotProduct.LAOSHAN_TEA,
        level=SamplingLevel.DISTRICT,
        sampled_on=dt.date(2026, 9, 10),
        prior=[prior(SamplingLevel.CITY, dt.date(2026, 8, 1)), prior(SamplingLevel.NATIONAL, dt.date(2026, 3, 1))],
    )
    assert warning is not None and warning.startswith("国家")


@given(
    new=st.sampled_from(list(SamplingLevel)),
    old=st.sampled_from(list(SamplingLevel)),
    month=st.integers(1, 12),
)
def test_warns_exactly_when_the_earlier_level_is_higher(new: SamplingLevel, old: SamplingLevel, month: int):
    warning = repeat_sampling_warning(
        uscc=USCC,
        product=SpotProduct.SEAFOOD,
        level=new,
        sampled_on=dt.date(2026, 12, 1),
        prior=[prior(old, dt.date(2026, month, 1), product=SpotProduct.SEAFOOD)],
    )
    assert (warning is not None) == (old.height > new.height)


def test_a_fee_is_refused_and_none_or_zero_passes():
    check_no_fee(None)
    check_no_fee(Decimal("0.00"))
    with pytest.raises(ValidationError) as caught:
        check_no_fee(Decimal("120.00"))
    assert caught.value.field == "fee" and "不得" in caught.value.message


def test_conformity_rate_ignores_batches_still_in_the_lab():
    results = [SpotResult.CONFORMING] * 9 + [SpotResult.NONCONFORMING, SpotResult.PENDING]
    assert conformity_rate(results) == Decimal("0.9")
    assert conformity_rate([SpotResult.PENDING]) is None
