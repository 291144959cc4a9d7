"""Reference data: the district's organisation, loaded idempotently and editable by admins."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, org


def test_reference_counts(db):
    counts = org.counts(db)
    assert counts["streets"] == 5 and counts["communities"] == 168
    assert counts["grids"] == 863 and counts["departments"] == 62
    assert counts["approval_departments"] >= 9
    names = {u.name for u in org.units(db, "street")}
    assert names == {"中韩街道", "沙子口街道", "王哥庄街道", "北宅街道", "金家岭街道"}


def test_loading_again_adds_nothing(db, admin):
    assert org.load_reference(db, admin) == {"streets": 0, "communities": 0, "grids": 0, "departments": 0}


def test_rename_is_audited_and_validated(db, admin, make_user):
    street = org.units(db, "street")[0]
    with pytest.raises(ValidationError):
        org.rename_unit(db, admin, street.id, "  ")
    org.rename_unit(db, admin, street.id, "中韩街道办事处")
    assert org.find_unit(db, "中韩街道办事处") is not None
    rows, _ = audit.page(db, admin, limit=1)
    assert rows[0].before == {"name": street.name}
    with pytest.raises(PermissionDenied):
        org.rename_unit(db, make_user(Role.LEADER), street.id, "x")


def test_grids_hang_under_communities(db):
    street = org.units(db, "street")[0]
    community = org.units(db, "community", parent_id=street.id)[0]
    grids = org.grids(db, community.id)
    assert grids and all(g.community_id == community.id for g in grids)
