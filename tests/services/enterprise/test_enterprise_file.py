"""一企一档: one enterprise's file with data from all four areas, each section for the roles that
may see it (the Company A view from the preservation demo, an approval project with its light, an
appeal naming it, alliance membership, honours, complaints, spot checks, policies pushed)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import alliance, approvals, enterprise, org, preservation
from laoshan_desk.services.alliance import policies as pol
from laoshan_desk.services.alliance import spotchecks as sc
from laoshan_desk.services.appeals import IntakeForm, intake
from laoshan_desk.services.preservation import seed as seed_preservation
from laoshan_desk.services.preservation.demo_names import COMPANY_A
from tests.alliance_support import at, fake_uscc

NOW = at(2023, 8, 31, 10)


@pytest.fixture
def company_a(db, admin, make_user):  # type: ignore[no-untyped-def]
    """Company A in every area, entered through each area's own services."""
    officer = make_user(Role.MARKET_OFFICER, username="shichang9")
    seed_preservation.load_demo(db, admin, now=NOW)
    company = max(preservation.list_respondents(db, admin), key=lambda r: r.cases)
    assert company.name == COMPANY_A
    code, name = company.number, company.name
    streets = org.units(db, "street")
    ref = alliance.save_member(
        db,
        officer,
        alliance.MemberForm(
            name, code, "王示例", dt.date(2023, 3, 15), "operation", "manufacturing", street_id=streets[0].id
        ),
        now=NOW,
    )
    alliance.add_honour(db, officer, alliance.HonourForm(ref.enterprise_id, "崂山质量奖", 2021), now=NOW)
    approvals.create_project(
        db,
        admin,
        approvals.ProjectInput(
            name="崂信示例总部大楼",
            enterprise=name,
            credit_code=code,
            street=streets[0].id,
            start_date=dt.date(2023, 8, 1),
            target_date=dt.date(2023, 12, 31),
            items=(approvals.OrderLine("SP001", reason="新设企业须办理营业执照"),),
        ),
        now=NOW,
    )
    intake(
        db,
        admin,
        IntakeForm(
            "development", "phone", "企业反映施工许可办理慢", street_id=streets[0].id, enterprise=name, uscc=code
        ),
        now=NOW,
    )
    alliance.register(
        db, officer, alliance.ComplaintForm("complaint", at(2023, 8, 1), "施工噪声扰民", "周示例", uscc=code), now=NOW
    )
    sc.record_batch(
        db,
        officer,
        sc.BatchForm(name, code, "other", "预拌混凝土", "LS2023-88", dt.date(2023, 8, 2), "示例检测中心"),
        now=NOW,
    )
    pid = pol.save_policy(
        db, officer, pol.PolicyForm("P1", "质量提升奖励", "区市场监管局", dt.date(2023, 3, 1), ("生产经营",)), now=NOW
    )
    pol.push(db, officer, pol.PushForm(ref.enterprise_id, (pid,)), now=NOW)
    return code, officer


def test_the_admin_sees_every_area(db, admin, company_a):
    code, _ = company_a
    f = enterprise.enterprise_file(db, admin, now=NOW, uscc=code)
    assert f.areas == ("approvals", "appeals", "preservation", "alliance")
    assert [p.name for p in f.approvals or ()] == ["崂信示例总部大楼"]
    assert f.approvals and f.approvals[0].light in set(Light)
    assert f.appeals is not None and f.appeals.total == 1
    p = f.preservation
    # The seed's Company A: 185 suits, 133 rulings, ¥608 million ruled, 29 accounts still frozen.
    assert p is not None and (p.as_respondent, p.rulings, p.accounts_frozen) == (185, 133, 29)
    assert p.amount_ruled == Decimal("608000000.00")
    a = f.alliance
    assert a is not None and a.member and a.complaints == 1 and a.spot_checks == 1 and a.policies_pushed == 1
    data = f.as_json()
    assert data["preservation"] == {
        "as_respondent": 185,
        "rulings": 133,
        "amount_ruled": "608000000.00",
        "accounts_frozen": 29,
    }
    assert data["alliance"]["honours"] == [{"level": "laoshan_award", "label": "崂山质量奖", "title": "", "year": 2021}]
    assert data["appeals"] == 1 and data["policies_pushed"] == 1
    assert data["approvals"] == [{"number": f.approvals[0].number, "light": f.approvals[0].light.value}]


@pytest.mark.parametrize(
    "role, areas",
    [
        (Role.WINDOW_CLERK, ("approvals", "appeals")),
        (Role.JUDGE, ("preservation",)),
        (Role.COURT_CLERK, ("preservation",)),
        (Role.MARKET_OFFICER, ("appeals", "alliance")),
        (Role.LEADER, ("approvals", "appeals", "preservation", "alliance")),
    ],
)
def test_each_role_sees_only_its_sections(db, make_user, company_a, role, areas):
    code, _ = company_a
    actor = make_user(role)
    f = enterprise.enterprise_file(db, actor, now=NOW, uscc=code)
    assert f.areas == areas
    data = f.as_json()
    assert ("preservation" in data) == ("preservation" in areas)
    assert ("alliance" in data) == ("alliance" in areas) == ("policies_pushed" in data)


def test_a_street_clerk_of_another_street_counts_only_its_own_appeals(db, make_user, company_a):
    code, _ = company_a
    other = org.units(db, "street")[1]
    actor = make_user(Role.STREET_CLERK, unit_id=other.id)
    f = enterprise.enterprise_file(db, actor, now=NOW, uscc=code)
    assert f.appeals is not None and f.appeals.total == 0
    assert f.approvals == ()  # projects of another street are not in its scope


def test_unknown_or_bad_codes(db, admin, company_a):
    with pytest.raises(NotFound):
        enterprise.enterprise_file(db, admin, now=NOW, uscc=fake_uscc(55))
    with pytest.raises(ValidationError):
        enterprise.enterprise_file(db, admin, now=NOW, uscc="not-a-code")


def test_the_summary_of_a_full_file_is_one_page_with_every_section(db, admin, company_a):
    import io

    from pypdf import PdfReader

    code, _ = company_a
    f = enterprise.enterprise_file(db, admin, now=NOW, uscc=code)
    paper = enterprise.enterprise_summary(db, admin, f.enterprise.id, now=NOW)
    reader = PdfReader(io.BytesIO(paper.pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text().replace("\n", "").replace(" ", "")
    for part in [
        "审批项目（1个）",
        "涉企诉求（1件）",
        "财产保全",
        "185件，保全裁定133件",
        "608,000,000.00元",
        "兴商护航联盟",
    ]:
        assert part in text, part
    assert paper.output.entity == "enterprise" and paper.output.entity_id == str(f.enterprise.id)
