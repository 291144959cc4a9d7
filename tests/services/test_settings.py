"""Admin settings: one typed object, the ranges enforced in the service, every change audited."""

from __future__ import annotations

import dataclasses

import pytest

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, settings
from tests.conftest import FIXED_NOW


def test_a_new_database_has_the_defaults(db):
    assert settings.load(db) == settings.Settings()
    assert settings.load(db).renewal_reminder_days == 30


def test_a_change_is_stored_and_audited_with_before_and_after(db, admin):
    changed = settings.update(db, admin, dataclasses.replace(settings.load(db), idle_lock_minutes=5), now=FIXED_NOW)
    assert changed == ["idle_lock_minutes"] and settings.load(db).idle_lock_minutes == 5
    records, _total = audit.page(db, admin, action="update")
    rows = [r for r in records if r.entity == "setting" and r.entity_id == "idle_lock_minutes"]
    assert rows and rows[0].before == {"value": 15} and rows[0].after == {"value": 5}
    assert settings.update(db, admin, settings.load(db), now=FIXED_NOW) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("renewal_reminder_days", 6),
        ("renewal_reminder_days", 91),
        ("lockout_attempts", 0),
        ("idle_lock_minutes", 10**9),
    ],
)
def test_the_service_refuses_a_value_out_of_range(db, admin, name, value):
    wrong = dataclasses.replace(settings.Settings(), **{name: value})
    with pytest.raises(ValidationError) as refused:
        settings.update(db, admin, wrong, now=FIXED_NOW)
    assert refused.value.field == name and "之间" in refused.value.message
    assert settings.load(db) == settings.Settings()


def test_only_the_admin_changes_settings(db, make_user):
    leader = make_user(Role.LEADER)
    with pytest.raises(PermissionDenied):
        settings.update(db, leader, dataclasses.replace(settings.Settings(), lockout_minutes=30), now=FIXED_NOW)
