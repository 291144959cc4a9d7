"""Issue 9, reference data: demo data plainly fictitious — no phone number that could belong to
someone real. The convention (docs/rules/reference-data.md §demo): China has no reserved fictitious
range for mobile numbers, so a demo uses none; landlines are seven-digit Qingdao numbers. Written
from the rule by the pres9 audit: the appeals demo's numbers are 0532-555 4xxx, the alliance's
0532-555 3xxx."""

from __future__ import annotations

import re

from sqlalchemy import select

from laoshan_desk.services.alliance import seed as seed_alliance
from laoshan_desk.services.appeals.seed import demo as seed_appeals
from laoshan_desk.store.models.alliance import AllianceComplaint, AllianceMember
from laoshan_desk.store.models.appeals import Appeal

MOBILE = re.compile(r"1[3-9]\d{9}")


def _no_mobile(phones: list[str]) -> None:
    phones = [p for p in phones if p]
    assert phones, "the demo should have phone numbers to check"
    assert not [p for p in phones if MOBILE.fullmatch(p)][:3]


def test_the_appeals_demo_has_no_mobile_numbers(db, admin, fixed_now):
    seed_appeals.load_demo(db, admin, 40, now=fixed_now)
    with db.session() as s:
        _no_mobile(list(s.scalars(select(Appeal.phone))))


def test_the_alliance_demo_has_no_mobile_numbers(db, admin, fixed_now):
    seed_alliance.load_demo(db, admin, now=fixed_now)
    with db.session() as s:
        phones = list(s.scalars(select(AllianceMember.liaison_phone)))
        phones += list(s.scalars(select(AllianceComplaint.phone)))
    _no_mobile(phones)
