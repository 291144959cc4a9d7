"""Reference data: the district's organisation, loaded idempotently and editable by admins."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, org
from tests.conftest import FIXED_NOW


def test_reference_counts(db):
    counts = org.counts(db)
    assert counts["streets"] == 5 and counts["communities"] == 168
    assert counts["grids"] == 863 and counts["departments"] == 62
    assert counts["approval_departments"] >= 9
    names = {u.name for u in org.units(db, "street")}
    assert names == {"中韩街道", "沙子口街道", "王哥庄街道", "北宅街道", "金家岭街道"}


def test_loading_again_adds_nothing(db, admin):
    assert org.load_reference(db, admin, now=FIXED_NOW) == {
        "streets": 0,
        "communities": 0,
        "grids": 0,
        "departments": 0,
    }


def test_rename_is_audited_and_validated(db, admin, make_user):
    street = org.units(db, "street")[0]
    with pytest.raises(ValidationError):
        org.rename_unit(db, admin, org.RenameForm(street.id, "  "), now=FIXED_NOW)
    org.rename_unit(db, admin, org.RenameForm(street.id, "中韩街道办事处"), now=FIXED_NOW)
    assert org.find_unit(db, "中韩街道办事处") is not None
    rows, _ = audit.page(db, admin, limit=1)
    assert rows[0].before == {"name": street.name}
    with pytest.raises(PermissionDenied):
        org.rename_unit(db, make_user(Role.LEADER), org.RenameForm(street.id, "x"), now=FIXED_NOW)


def test_grids_hang_under_communities(db):
    street = org.units(db, "street")[0]
    community = org.units(db, "community", parent_id=street.id)[0]
    grids = org.grids(db, community.id)
    assert grids and all(g.community_id == community.id for g in grids)


def test_loading_a_changed_tree_moves_and_deactivates_and_keeps_the_kinds(db, admin, tmp_path):
    """A database loaded from the old file, then from a file where one community moved street and
    one is gone: the moved one keeps its row under its new street, the gone one is deactivated
    with its grids (not deleted), the change is audited; codes keep their kind, villages made
    communities keep the flag."""
    import json

    from sqlalchemy import select

    from laoshan_desk.store.models import AuditRecord, Grid, Unit

    data = json.loads(org.ORG_FILE.read_text(encoding="utf-8"))
    first, second = data["streets"][0], data["streets"][1]
    moved = first["communities"].pop(0)
    gone = first["communities"].pop(0)
    second["communities"].append(moved)
    path = tmp_path / "organisation.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    counts = org.load_reference(db, admin, path, now=FIXED_NOW)
    assert (counts["moved"], counts["deactivated"]) == (1, 1)
    with db.session() as s:
        m = s.scalar(select(Unit).where(Unit.code == moved["code"]))
        g = s.scalar(select(Unit).where(Unit.code == gone["code"]))
        street2 = s.scalar(select(Unit).where(Unit.code == second["code"]))
        assert m is not None and street2 is not None and m.street_id == street2.id and m.active
        assert g is not None and not g.active
        assert not any(s.scalars(select(Grid.active).where(Grid.community_id == g.id)))
        assert street2.code_kind == "statistical" and m.code_kind == data["code_kind"]
        assert m.former_village == bool(moved.get("former_village"))
        summary = s.scalars(select(AuditRecord.summary).where(AuditRecord.entity == "organisation")).all()
    assert any("迁移 1 个" in t and "停用 1 个" in t for t in summary)
    assert gone["name"] not in {u.name for u in org.units(db, "community")}
    assert org.load_reference(db, admin, path, now=FIXED_NOW) == {
        "streets": 0,
        "communities": 0,
        "grids": 0,
        "departments": 0,
    }
