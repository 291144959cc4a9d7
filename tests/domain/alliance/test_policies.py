"""Policy matching by lifecycle stage, industry and honours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.alliance.policies import EnterpriseProfile, PolicyFacts, match_policies
from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage, PolicyLine

S, I, H = LifecycleStage, Industry, HonourLevel


def policy(code: str, stages=(S.OPERATION,), industries=(), honours=(), day=dt.date(2023, 3, 1), active=True):
    return PolicyFacts(
        code=code,
        title=f"政策{code}",
        issued_on=day,
        stages=frozenset(stages),
        industries=frozenset(industries),
        honours=frozenset(honours),
        lines=frozenset({PolicyLine.QUALITY}),
        amount=Decimal("100000.00"),
        active=active,
    )


LIBRARY = [
    policy("P1"),  # every operating enterprise
    policy("P2", industries=[I.TEA]),  # tea only
    policy("P3", honours=[H.LAOSHAN_AWARD, H.MAYOR_AWARD]),  # holders of either award
    policy("P4", stages=[S.MARKET_ENTRY]),
    policy("P5", stages=[S.OPERATION, S.GROWTH], industries=[I.TEA], honours=[H.WELL_KNOWN_TRADEMARK]),
    policy("P6", active=False),
    policy("P7", day=dt.date(2023, 9, 1)),
]


def codes(profile: EnterpriseProfile) -> list[str]:
    return [m.code for m in match_policies(profile, LIBRARY)]


def test_stage_industry_and_honours_all_count():
    tea = EnterpriseProfile(S.OPERATION, I.TEA, frozenset({H.WELL_KNOWN_TRADEMARK}))
    assert codes(tea) == ["P5", "P2", "P7", "P1"]


def test_an_honour_asked_for_must_be_held():
    plain = EnterpriseProfile(S.OPERATION, I.APPLIANCE)
    assert codes(plain) == ["P7", "P1"]
    awarded = EnterpriseProfile(S.OPERATION, I.APPLIANCE, frozenset({H.MAYOR_AWARD}))
    assert codes(awarded) == ["P3", "P7", "P1"]


def test_stage_decides_first_and_inactive_policies_never_match():
    assert codes(EnterpriseProfile(S.MARKET_ENTRY, I.TEA)) == ["P4"]
    assert codes(EnterpriseProfile(S.EXIT, I.TEA)) == []


def test_reasons_say_why():
    match = match_policies(EnterpriseProfile(S.GROWTH, I.TEA, frozenset({H.WELL_KNOWN_TRADEMARK})), LIBRARY)[0]
    assert match.code == "P5"
    assert match.reasons == ("生命周期：提升发展", "行业：茶叶", "荣誉：中国驰名商标")


@given(
    stage=st.sampled_from(list(S)),
    industry=st.sampled_from(list(I)),
    honours=st.frozensets(st.sampled_from(list(H)), max_size=3),
)
def test_every_match_satisfies_every_condition_and_nothing_fitting_is_missed(stage, industry, honours):
    profile = EnterpriseProfile(stage, industry, honours)
    found = {m.code for m in match_policies(profile, LIBRARY)}
    for p in LIBRARY:
        fits = (
            p.active
            and stage in p.stages
            and (not p.industries or industry in p.industries)
            and (not p.honours or bool(p.honours & honours))
        )
        assert (p.code in found) == fits
