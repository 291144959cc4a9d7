"""Release on a guarantee: the most harmful measures lifted first."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.preservation import (
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
