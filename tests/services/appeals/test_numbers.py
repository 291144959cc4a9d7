"""Desk numbers and platform numbers live in separate spaces (docs/rules.md §appeals-intake): a
number imported from 青诉即办 that looks like the desk's never blocks or breaks intake."""

from __future__ import annotations

import dataclasses
import uuid

from laoshan_desk.domain.appeals import clocks
from laoshan_desk.services import appeals as svc
from laoshan_desk.store.models.appeals import Appeal
from tests.conftest import FIXED_NOW
from tests.services.appeals.conftest import intake_form

TODAY = f"LS{FIXED_NOW:%Y%m%d}"


def imported(db, place, *numbers):  # type: ignore[no-untyped-def]
    street = place[0]
    with db.session(write=True) as s:
        for i, number in enumerate(numbers, 1):
            s.add(
                Appeal(
                    id=uuid.uuid4(),
                    seq=10_000 + i,
                    number=number,
                    received_at=FIXED_NOW,
                    kind="livelihood",
                    channel="city",
                    status="received",
                    level="street",
                    content="自青诉即办导入的诉求",
                    street_id=street.id,
                    response_limit=clocks.response_limit(FIXED_NOW),
                    completion_limit=FIXED_NOW.date(),
                    source="import",
                    created_at=FIXED_NOW,
                    updated_at=FIXED_NOW,
                )
            )


def test_an_imported_last_serial_and_a_malformed_one_neither_block_nor_break_intake(db, admin, place):
    imported(db, place, f"{TODAY}9999", f"{TODAY}1ABC")
    first = svc.intake(db, admin, intake_form(place), now=FIXED_NOW)
    second = svc.intake(db, admin, intake_form(place), now=FIXED_NOW)
    assert (first.number, second.number) == (f"{TODAY}0001", f"{TODAY}0002")


def test_a_platform_number_equal_to_the_next_desk_number_is_stepped_over(db, admin, place):
    imported(db, place, f"{TODAY}0001", f"{TODAY}0002")
    numbers = [svc.intake(db, admin, intake_form(place), now=FIXED_NOW).number for _ in range(2)]
    assert numbers == [f"{TODAY}0003", f"{TODAY}0004"]
    form = dataclasses.replace(intake_form(place), received_at=FIXED_NOW)
    assert svc.intake(db, admin, form, now=FIXED_NOW).number == f"{TODAY}0005"
