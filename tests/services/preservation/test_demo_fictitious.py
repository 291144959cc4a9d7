"""Issue 9, reference data: the preservation demo is plainly fictitious — no credit code or phone
number that could belong to someone real (docs/rules/reference-data.md §demo): every USCC has the
division 999999 (no registration authority) and a valid check character, no mobile number at
all, every landline a seven-digit Qingdao number (0532-555 xxxx; Qingdao's have eight)."""

from __future__ import annotations

import re

from sqlalchemy import select

from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc
from laoshan_desk.domain.preservation import PartyKind
from laoshan_desk.services.preservation import seed as seed_preservation
from laoshan_desk.store.models.preservation import PresCase, PresParty


def test_the_preservation_demo_has_no_real_looking_credit_code_or_phone(db, admin, fixed_now):
    seed_preservation.load_demo(db, admin, now=fixed_now)
    with db.session() as s:
        parties = s.execute(select(PresParty.kind, PresParty.id_number, PresParty.phone)).all()
        applicant_phones = s.scalars(select(PresCase.applicant_phone)).all()
    enterprises = [n for kind, n, _p in parties if kind == PartyKind.ENTERPRISE.value]
    assert len(enterprises) > 10
    for number in enterprises:
        assert number.startswith("91999999") and normalize_uscc(number) == number, number
    phones = [p for _k, _n, p in parties if p] + [p for p in applicant_phones if p]
    assert phones
    for phone in phones:
        assert not re.fullmatch(r"1[3-9]\d{9}", phone), phone
        assert re.fullmatch(r"0532-555\d{4}", phone) and normalize_phone(phone) == phone, phone


def test_demo_rulings_name_two_people_a_judge_and_a_filing_clerk(db, admin, fixed_now):
    """A ruling is signed by the 审判员 who decided and the 书记员 who registered the case: two
    people. The demo once made both the same (the demo judge registered every case)."""
    seed_preservation.load_demo(db, admin, now=fixed_now)
    with db.session() as s:
        ruled = s.execute(
            select(PresCase.decided_by, PresCase.registered_by).where(PresCase.decided_by.is_not(None))
        ).all()
    assert len(ruled) > 100  # company A's 185 and the ordinary cases
    for judge, clerk in ruled:
        assert clerk and judge and clerk != judge, (judge, clerk)
