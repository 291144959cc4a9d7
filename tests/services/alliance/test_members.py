"""Members and honours through the services: the enterprise table keyed by USCC, versions, roles."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ConflictError, PermissionDenied, ValidationError
from laoshan_desk.services import alliance, enterprise_registry
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.store.models.enterprises import Enterprise
from tests.alliance_support import NOW, fake_uscc


def test_joining_records_the_enterprise_once_and_audits(db, officer, add_member):
    ref = add_member(1, name="青岛示例茶业有限公司", pledge_signed_on=dt.date(2023, 4, 1))
    rows = alliance.list_members(db, officer)
    assert [r.name for r in rows] == ["青岛示例茶业有限公司"]
    row = rows[0]
    assert row.uscc == fake_uscc(1) and row.pledge_text == "已签署（2023-04-01）"
    found = enterprise_registry.find(db, officer, fake_uscc(1).lower())
    assert found.id == ref.enterprise_id and found.initials == "qdslcyyxgs"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Enterprise)) == 1
        audit = s.scalars(select(AuditRecord).where(AuditRecord.entity == "alliance_member")).one()
        assert audit.action == "create" and "青岛示例茶业有限公司" in audit.summary


def test_the_same_uscc_joins_once_and_a_stale_edit_is_refused(db, officer, add_member):
    ref = add_member(2)
    row = alliance.member(db, officer, ref.id)
    form = alliance.MemberForm(
        name=row.name,
        uscc=row.uscc,
        liaison_name="李示例",
        member_since=row.member_since,
        stage=row.stage.value,
        industry=row.industry.value,
        member_id=row.id,
        version=row.version,
    )
    alliance.save_member(db, officer, form, now=NOW)
    assert alliance.member(db, officer, ref.id).liaison_name == "李示例"
    with pytest.raises(ConflictError):
        alliance.save_member(db, officer, dataclasses.replace(form, liaison_name="张示例"), now=NOW)
    assert alliance.member(db, officer, ref.id).liaison_name == "李示例"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"uscc": "91370212MA3U8KW28X"}, "uscc"),
        ({"uscc": "", "no_uscc_reason": ""}, "uscc"),
        ({"name": "  "}, "name"),
        ({"name": "名" * 201}, "name"),
        ({"liaison": ""}, "liaison_name"),
        ({"member_since": dt.date(2027, 1, 1)}, "member_since"),
        ({"member_since": dt.date(1900, 1, 1)}, "member_since"),
        ({"stage": "成长"}, "stage"),
        ({"liaison_phone": "12345"}, "liaison_phone"),
    ],
)
def test_bad_input_names_its_field(add_member, changes, field):
    with pytest.raises(ValidationError) as caught:
        add_member(3, **changes)
    assert caught.value.field == field


def test_an_enterprise_without_uscc_is_recorded_with_its_reason(db, officer, add_member):
    ref = add_member(4, name="崂山示例茶社", uscc="", no_uscc_reason="个体工商户，尚未换发代码")
    with db.session() as s:
        e = s.get(Enterprise, ref.enterprise_id)
        assert e is not None and e.uscc is None and "尚未换发" in (e.no_uscc_reason or "")


def test_honours_are_recorded_with_level_and_year_and_sorted_highest_first(db, officer, add_member):
    ref = add_member(5)
    alliance.add_honour(db, officer, alliance.HonourForm(ref.enterprise_id, "崂山质量奖", 2022), now=NOW)
    alliance.add_honour(db, officer, alliance.HonourForm(ref.enterprise_id, "中国驰名商标", 2019, "崂山示例"), now=NOW)
    with pytest.raises(ValidationError):
        alliance.add_honour(db, officer, alliance.HonourForm(ref.enterprise_id, "崂山质量奖", 2022), now=NOW)
    with pytest.raises(ValidationError):
        alliance.add_honour(db, officer, alliance.HonourForm(ref.enterprise_id, "崂山质量奖", 2030), now=NOW)
    row = alliance.member(db, officer, ref.id)
    assert row.honours_text == "中国驰名商标、崂山质量奖"
    alliance.remove_honour(db, officer, row.honours[1].id, now=NOW)
    assert [h.level.label for h in alliance.member(db, officer, ref.id).honours] == ["中国驰名商标"]


def test_roles_leader_reads_window_clerk_sees_nothing(db, leader, clerk, add_member):
    add_member(6)
    assert len(alliance.list_members(db, leader)) == 1
    with pytest.raises(PermissionDenied):
        alliance.save_member(
            db,
            leader,
            alliance.MemberForm("青岛示例7号", fake_uscc(7), "王", dt.date(2023, 1, 1), "operation", "tea"),
            now=NOW,
        )
    with pytest.raises(PermissionDenied):
        alliance.list_members(db, clerk)
    # The window clerk may still find an enterprise (it sees approvals and appeals).
    assert enterprise_registry.search(db, clerk, "qdsl")


def test_search_by_uscc_prefix_initials_and_name(db, officer, add_member):
    add_member(8, name="青岛示例海产有限公司", industry="seafood")
    add_member(9, name="崂山示例矿泉水有限公司", industry="beverage")
    by = lambda text: [r.name for r in enterprise_registry.search(db, officer, text)]  # noqa: E731
    assert by(fake_uscc(9)) == ["崂山示例矿泉水有限公司"]
    assert by("91999999DM") == ["崂山示例矿泉水有限公司", "青岛示例海产有限公司"]
    assert by("lssl") == ["崂山示例矿泉水有限公司"]
    assert by("海产") == ["青岛示例海产有限公司"]
    assert by("%") == [] and by("") == []
    assert [r.name for r in alliance.list_members(db, officer, industry="seafood")] == ["青岛示例海产有限公司"]
