"""Checked inputs: amounts (never a traceback), 是/否, the words of an asset export, party numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation import (
    AccountKind,
    AssetType,
    PartyKind,
    asset_kind_from_word,
    check_party_number,
    money,
    shown_number,
    yes_no,
)
from laoshan_desk.services.preservation.seed import resident_id, uscc

TODAY = dt.date(2026, 11, 25)  # the domain never reads the clock: every check is given its day


@pytest.mark.parametrize("text", ["1e400", "100000000000000", "-1e30"])
def test_an_amount_too_large_for_the_database_is_a_message(text) -> None:
    with pytest.raises(ValidationError) as err:
        money(text, field="claim_amount", allow_negative=True)
    assert err.value.field == "claim_amount" and "金额过大" in err.value.message


def test_the_largest_amount_the_database_holds_is_accepted() -> None:
    assert money("99,999,999,999,999.99") == Decimal("99999999999999.99")


@pytest.mark.parametrize(("value", "expected"), [("是", True), ("否", False), ("", False), (None, False), (True, True)])
def test_yes_no(value, expected) -> None:
    assert yes_no(value, "in_operational_use") is expected


def test_yes_no_refuses_anything_else() -> None:
    with pytest.raises(ValidationError) as err:
        yes_no("maybe", "in_operational_use")
    assert err.value.field == "in_operational_use"


def test_asset_kind_words() -> None:
    assert asset_kind_from_word("基本户") == (AssetType.ACCOUNT, AccountKind.BASIC)
    assert asset_kind_from_word(" 房产 ") == (AssetType.REAL_ESTATE, None)
    assert asset_kind_from_word("wage") == (AssetType.ACCOUNT, AccountKind.WAGE)
    assert asset_kind_from_word("飞机") is None


def test_party_numbers() -> None:
    person = resident_id(dt.date(1980, 5, 6), 123)
    assert check_party_number(person, "张建华", today=TODAY) == (PartyKind.PERSON, person)
    assert check_party_number(uscc("MA3C51111").lower(), "青岛乙贸易有限公司", today=TODAY) == (
        PartyKind.ENTERPRISE,
        uscc("MA3C51111"),
    )
    assert shown_number(PartyKind.PERSON, person) == person[:6] + "********" + person[-4:]
    assert shown_number("enterprise", uscc("MA3C51111")) == uscc("MA3C51111")
    with pytest.raises(ValidationError) as err:
        check_party_number(" ", field="applicant_id_number", today=TODAY)
    assert err.value.field == "applicant_id_number"
