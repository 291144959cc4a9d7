"""The Labelled vocabularies' two helpers: a code picked from a list, a stored code shown."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.appeals import AppealStatus
from laoshan_desk.domain.appeals.steps import SuspensionReason
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import chosen, label_of


def test_chosen_gives_the_member_or_the_message_beside_its_field() -> None:
    member = next(iter(SuspensionReason))
    assert chosen(SuspensionReason, member.value, "请选择挂起原因类别", field="reason_kind") is member
    for bad in ("", "no-such-code", member.label):  # the screen word is not a code
        with pytest.raises(ValidationError) as err:
            chosen(SuspensionReason, bad, "请选择挂起原因类别", field="reason_kind")
        assert (err.value.message, err.value.field) == ("请选择挂起原因类别", "reason_kind")


def test_label_of_shows_an_unknown_code_as_it_is_and_nothing_as_nothing() -> None:
    status = next(iter(AppealStatus))
    assert label_of(AppealStatus, status.value) == status.label
    assert label_of(AppealStatus, "written_by_a_newer_desk") == "written_by_a_newer_desk"
    assert label_of(AppealStatus, None) == label_of(AppealStatus, "") == ""
