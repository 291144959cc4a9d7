"""The alliance's numbers are desk settings: ranges and yellow-below-red checked in the service."""

from __future__ import annotations

import dataclasses

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import alliance, settings
from tests.alliance_support import NOW


def test_defaults_and_an_update_reach_the_alliance(db, admin, officer):
    s = alliance.settings(db, officer)
    assert (s.thresholds.yellow_after, s.thresholds.red_after, s.followup_workdays) == (10, 20, 20)
    changed = settings.update(
        db,
        admin,
        dataclasses.replace(settings.load(db), alliance_request_yellow_workdays=5, alliance_followup_workdays=30),
        now=NOW,
    )
    assert set(changed) == {"alliance_request_yellow_workdays", "alliance_followup_workdays"}
    s = alliance.settings(db, officer)
    assert (s.thresholds.yellow_after, s.followup_workdays) == (5, 30)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"alliance_request_yellow_workdays": 0}, "alliance_request_yellow_workdays"),
        ({"alliance_request_red_workdays": 251}, "alliance_request_red_workdays"),
        (
            {"alliance_request_yellow_workdays": 20, "alliance_request_red_workdays": 20},
            "alliance_request_red_workdays",
        ),
        ({"alliance_followup_workdays": 0}, "alliance_followup_workdays"),
    ],
)
def test_bad_numbers_are_refused(db, admin, changes, field):
    with pytest.raises(ValidationError) as caught:
        settings.update(db, admin, dataclasses.replace(settings.load(db), **changes), now=NOW)
    assert caught.value.field == field
