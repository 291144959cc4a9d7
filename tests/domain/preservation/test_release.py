"""Release on a guarantee: the most harmful measures lifted first."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.preservation import (
    Asset,
    Guarantee,
    Measure,
    Selection,
    release_advice,
    release_ruling_number,
)
from tests.domain.preservation.builders import AS_OF, D, account, thing

# -- release on a guarantee ------------------------------------------------------------------


def test_release_advice_frees_the_most_harmful_first() -> None:
    assets = [account("b", "basic", "500000"), account("g", "general", "500000"), thing("car", "vehicle", "300000")]
    current = [
        Selection("car", Measure.SEIZE, D("300000")),
        Selection("g", Measure.FREEZE, D("500000")),
        Selection("b", Measure.FREEZE, D("200000")),
    ]
    bond = Guarantee("performance_bond", D("400000"), dt.date(2024, 1, 1))
    advice = release_advice(current, assets, D("1000000"), [bond], as_of=AS_OF)
    assert advice.need == D("600000.00")
    released = {s.asset_id: s.amount for s in advice.release}
    assert released == {"b": D("200000"), "g": D("200000")}
    assert advice.freed == D("400000.00")
    assert sum(s.amount for s in advice.keep) == D("600000")


def test_release_advice_sufficient_guarantee_releases_everything() -> None:
    assets = [account("g", "general", "500000"), thing("car", "vehicle", "300000")]
    current = [Selection("car", Measure.SEIZE, D("300000")), Selection("g", Measure.FREEZE, D("500000"))]
    bond = Guarantee("performance_bond", D("900000"), dt.date(2024, 1, 1))
    advice = release_advice(current, assets, D("800000"), [bond], as_of=AS_OF)
    assert advice.keep == () and advice.freed == D("800000.00")


def test_release_ruling_numbers():
    assert release_ruling_number("（2026）鲁0212财保12号", 1) == "（2026）鲁0212财保12号之一"
    assert release_ruling_number("（2026）鲁0212民初5号之一", 1) == "（2026）鲁0212民初5号之二"
    assert release_ruling_number("（2026）鲁0212民初5号之一", 10) == "（2026）鲁0212民初5号之十一"


# -- the disputed property (《财产保全规定》第二十二条, second sentence) -----------------------------

ART_22_SECOND = "被保全人请求对作为争议标的的财产解除保全的，须经申请保全人同意"


def test_the_disputed_property_stays_without_the_applicants_consent_the_rest_is_released() -> None:
    # A guarantee covering the whole claim: every measure could go; the disputed house may not
    # without the applicant's consent, the vehicle is released as on any sufficient guarantee.
    assets = [thing("h", "real_estate", "600000", disputed=True), thing("car", "vehicle", "300000")]
    current = [Selection("h", Measure.SEIZE, D("600000")), Selection("car", Measure.SEIZE, D("300000"))]
    bond = Guarantee("performance_bond", D("900000"), dt.date(2024, 1, 1))
    advice = release_advice(current, assets, D("900000"), [bond], as_of=AS_OF)
    assert [s.asset_id for s in advice.release] == ["car"] and advice.freed == D("300000.00")
    assert [s.asset_id for s in advice.keep] == ["h"] and [s.asset_id for s in advice.withheld] == ["h"]
    assert len(advice.consent_needed) == 1
    assert ART_22_SECOND in advice.consent_needed[0] and "第二十二条" in advice.consent_needed[0]
    assert advice.consent_needed[0] in advice.notes

    consented = release_advice(current, assets, D("900000"), [bond], as_of=AS_OF, applicant_consent=True)
    assert {s.asset_id for s in consented.release} == {"h", "car"} and consented.freed == D("900000.00")
    assert consented.keep == () and consented.withheld == () and consented.consent_needed == ()


def test_a_disputed_account_is_not_reduced_without_consent_and_the_cover_goes_elsewhere() -> None:
    # Need after the bond: 200,000. The disputed general account (frozen 500,000) would be cut
    # first (accounts harm more); without consent it stays whole and the vehicle is released.
    disputed = Asset("g", "account", "general", D("500000"), disputed=True)
    assets = [disputed, thing("car", "vehicle", "300000")]
    current = [Selection("g", Measure.FREEZE, D("500000")), Selection("car", Measure.SEIZE, D("300000"))]
    bond = Guarantee("performance_bond", D("600000"), dt.date(2024, 1, 1))
    advice = release_advice(current, assets, D("800000"), [bond], as_of=AS_OF)
    assert {s.asset_id: s.amount for s in advice.release} == {"car": D("300000")}
    assert {s.asset_id: s.amount for s in advice.keep} == {"g": D("500000")}
    consented = release_advice(current, assets, D("800000"), [bond], as_of=AS_OF, applicant_consent=True)
    # With consent the account goes first, whole; the vehicle (300,000 > the 100,000 left spare)
    # is a whole asset and stays.
    assert {s.asset_id: s.amount for s in consented.release} == {"g": D("500000")}
    assert {s.asset_id: s.amount for s in consented.keep} == {"car": D("300000")}


def test_property_not_disputed_needs_no_consent() -> None:
    assets = [thing("h", "real_estate", "600000")]
    current = [Selection("h", Measure.SEIZE, D("600000"))]
    bond = Guarantee("performance_bond", D("600000"), dt.date(2024, 1, 1))
    advice = release_advice(current, assets, D("600000"), [bond], as_of=AS_OF)
    assert [s.asset_id for s in advice.release] == ["h"] and advice.consent_needed == ()
