"""Policy matching (政策匹配): which of the library's policies fit an enterprise, and why.

A policy names the lifecycle stages it serves (市场准入 / 生产经营 / 提升发展 / 有序退出), the
industries it is for (none: every industry) and the honours it asks for (none: no honour
needed; several: any one of them). An enterprise matches when its stage is one of the
policy's, its industry is one of the policy's (or the policy names none), and it holds one of
the honours asked for (or none is asked). docs/rules/alliance.md §alliance-policies.

Matches are ordered so that the most specific come first: policies that name the enterprise's
industry and honours before policies for everyone, newer before older.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage, PolicyLine

__all__ = ["EnterpriseProfile", "PolicyFacts", "PolicyMatch", "match_policies"]


@dataclasses.dataclass(frozen=True)
class EnterpriseProfile:
    stage: LifecycleStage
    industry: Industry
    honours: frozenset[HonourLevel] = frozenset()


@dataclasses.dataclass(frozen=True)
class PolicyFacts:
    code: str
    title: str
    issued_on: dt.date
    stages: frozenset[LifecycleStage]
    industries: frozenset[Industry] = frozenset()
    honours: frozenset[HonourLevel] = frozenset()
    lines: frozenset[PolicyLine] = frozenset()
    amount: Decimal | None = None
    active: bool = True


@dataclasses.dataclass(frozen=True)
class PolicyMatch:
    code: str
    title: str
    reasons: tuple[str, ...]
    score: int


def _match(profile: EnterpriseProfile, policy: PolicyFacts) -> PolicyMatch | None:
    if not policy.active or profile.stage not in policy.stages:
        return None
    if policy.industries and profile.industry not in policy.industries:
        return None
    held = policy.honours & profile.honours
    if policy.honours and not held:
        return None
    reasons = [f"生命周期：{profile.stage.label}"]
    score = 0
    if policy.industries:
        reasons.append(f"行业：{profile.industry.label}")
        score += 2
    if held:
        best = min(held, key=lambda h: h.rank)
        reasons.append(f"荣誉：{best.label}")
        score += 3
    return PolicyMatch(policy.code, policy.title, tuple(reasons), score)


def match_policies(profile: EnterpriseProfile, policies: Iterable[PolicyFacts]) -> list[PolicyMatch]:
    """Every active policy that fits ``profile``, most specific first, then newest, then by code."""
    found: list[tuple[PolicyMatch, dt.date]] = []
    for policy in policies:
        m = _match(profile, policy)
        if m is not None:
            found.append((m, policy.issued_on))
    found.sort(key=lambda pair: (-pair[0].score, -pair[1].toordinal(), pair[0].code))
    return [m for m, _ in found]
