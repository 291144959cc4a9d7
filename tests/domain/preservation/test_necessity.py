"""Step 1: is the claim safe without preservation; the applicant's guarantee."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.preservation import (
    CaseKind,
    Solvency,
    applicant_guarantee_required,
    assess_necessity,
)
from tests.domain.preservation.builders import D

# -- step 1 ----------------------------------------------------------------------------------


def test_necessity_claim_safe_without_preservation() -> None:
    advice = assess_necessity(
        D("1000000"),
        Solvency(
            net_assets=D("50000000"), taxes_paid=D("3000000"), employees=420, going_concern=True, transfer_risk=False
        ),
    )
    assert advice.claim_appears_safe
    assert any("净资产" in r for r in advice.reasons)
    assert advice.concerns == ()


@pytest.mark.parametrize(
    ("solvency", "fragment"),
    [
        (
            Solvency(net_assets=D("50000000"), taxes_paid=D("1"), employees=5, going_concern=True, transfer_risk=True),
            "转移",
        ),
        (
            Solvency(net_assets=D("1500000"), taxes_paid=D("1"), employees=5, going_concern=True, transfer_risk=False),
            "不足",
        ),
        (Solvency(), "未填写"),
        (Solvency(net_assets=D("50000000"), employees=5, going_concern=False, transfer_risk=False), "经营异常"),
    ],
)
def test_necessity_not_safe(solvency, fragment) -> None:
    advice = assess_necessity(D("1000000"), solvency)
    assert not advice.claim_appears_safe
    assert any(fragment in c for c in advice.concerns)


def test_applicant_guarantee_required() -> None:
    assert applicant_guarantee_required("pre_suit", "1000000") == D("1000000.00")
    assert applicant_guarantee_required(CaseKind.IN_SUIT, "1000000") == D("300000.00")
    assert applicant_guarantee_required("pre_enforcement", "1000000") is None


def test_in_suit_guarantee_is_thirty_percent_rounded_down_to_the_fen() -> None:
    # At most 30% of the amount requested: 1,000,000.05 x 30% = 300,000.015, so 300,000.01 —
    # rounding up would ask the applicant for more than the provisions allow.
    assert applicant_guarantee_required(CaseKind.IN_SUIT, "1000000.05") == D("300000.01")
    assert applicant_guarantee_required(CaseKind.IN_SUIT, "0.05") == D("0.01")
    assert applicant_guarantee_required(CaseKind.IN_SUIT, "333.33") == D("99.99")
    assert CaseKind.PRE_SUIT.label == "诉前财产保全"
