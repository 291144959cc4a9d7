"""Anti-counterfeiting requests: the 新希望六和-like case of July 2023, step order, lights, evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from laoshan_desk.domain.alliance.vocabulary import RequestStep
from laoshan_desk.domain.errors import ConflictError, PermissionDenied, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import attachments
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.store.models import AuditRecord
from tests.alliance_support import at

JULY = at(2023, 7, 31, 17)


def _open(db, officer, member_id, tmp_path):  # type: ignore[no-untyped-def]
    photo = tmp_path / "假冒包装.jpg"
    photo.write_bytes(b"\xff\xd8fake-jpeg")
    form = req_svc.RequestForm(
        member_id=member_id,
        brand="六和（示例）",
        products="冷冻禽肉制品（仿冒六和包装）",
        places="四川省成都市；重庆市",
        received_on=dt.date(2023, 7, 3),
        evidence=(photo,),
    )
    return req_svc.open_request(db, officer, form, now=JULY)


def test_officers_go_to_sichuan_and_chongqing_letters_numbered_evidence_outcome(db, officer, add_member, tmp_path):
    m = add_member(1, name="山东示例六和集团有限公司", industry="food")
    rid = _open(db, officer, m.id, tmp_path)
    steps = [
        req_svc.StepForm(rid, "assigned", dt.date(2023, 7, 4), officers="执法员甲、执法员乙", regions="四川、重庆"),
        req_svc.StepForm(rid, "letter", dt.date(2023, 7, 5), recipient="成都市市场监督管理局"),
        req_svc.StepForm(rid, "letter", dt.date(2023, 7, 5), recipient="重庆市市场监督管理局"),
        req_svc.StepForm(rid, "evidence", dt.date(2023, 7, 12), note="查获仿冒包装袋 3000 个"),
        req_svc.StepForm(rid, "outcome", dt.date(2023, 7, 28), outcome="case_filed"),
    ]
    for step in steps:
        req_svc.add_step(db, officer, step, now=JULY)
    d = req_svc.request_detail(db, officer, rid, now=JULY)
    assert d.row.number == "HH2023-001" and d.row.regions == "四川、重庆" and d.row.light is Light.GREY
    assert [s.step for s in d.steps] == [
        RequestStep.RECEIVED,
        RequestStep.ASSIGNED,
        RequestStep.LETTER,
        RequestStep.LETTER,
        RequestStep.EVIDENCE,
        RequestStep.OUTCOME,
    ]
    assert [s.letter_number for s in d.steps if s.letter_number] == ["崂市监协〔2023〕1号", "崂市监协〔2023〕2号"]
    assert d.next_steps == () and d.row.evidence == ("假冒包装.jpg",)
    assert d.row.age_workdays == 19  # received 3 Jul, closed 28 Jul
    with db.session() as s:
        summaries = s.scalars(select(AuditRecord.summary).where(AuditRecord.entity == "alliance_request")).all()
    assert len(summaries) == 6 and "崂市监协〔2023〕2号" in summaries[3]
    # The evidence file is in the desk's content store under its hash.
    assert attachments.path_of(hashlib.sha256(b"\xff\xd8fake-jpeg").hexdigest()).read_bytes() == b"\xff\xd8fake-jpeg"


def test_out_of_order_steps_stale_screens_and_roles(db, officer, leader, add_member, tmp_path):
    m = add_member(2)
    rid = _open(db, officer, m.id, tmp_path)
    with pytest.raises(ValidationError) as caught:
        req_svc.add_step(db, officer, req_svc.StepForm(rid, "letter", dt.date(2023, 7, 4), recipient="x"), now=JULY)
    assert caught.value.field == "step"
    with pytest.raises(ValidationError) as caught:
        req_svc.add_step(db, officer, req_svc.StepForm(rid, "assigned", dt.date(2023, 7, 4)), now=JULY)
    assert caught.value.field == "officers"
    v = req_svc.request_detail(db, officer, rid, now=JULY).row.version
    form = req_svc.StepForm(rid, "assigned", dt.date(2023, 7, 4), officers="甲", version=v)
    req_svc.add_step(db, officer, form, now=JULY)
    with pytest.raises(ConflictError):
        req_svc.add_step(db, officer, dataclasses.replace(form, officers="乙"), now=JULY)
    with pytest.raises(PermissionDenied):
        req_svc.add_step(db, leader, req_svc.StepForm(rid, "evidence", dt.date(2023, 7, 5)), now=JULY)
    assert req_svc.list_requests(db, leader, now=JULY)[0].number == "HH2023-001"


def test_open_requests_turn_yellow_then_red_by_the_settings(db, officer, add_member, tmp_path):
    m = add_member(3)
    rid = _open(db, officer, m.id, tmp_path)
    assert req_svc.request_detail(db, officer, rid, now=at(2023, 7, 14)).row.light is Light.GREEN  # 9 days
    assert req_svc.request_detail(db, officer, rid, now=at(2023, 7, 18)).row.light is Light.YELLOW  # 11
    assert req_svc.request_detail(db, officer, rid, now=at(2023, 8, 1)).row.light is Light.RED  # 21
    assert [r.id for r in req_svc.list_requests(db, officer, now=JULY, open_only=True)] == [rid]


def test_a_request_needs_its_fields(db, officer, add_member):
    m = add_member(4)
    base = req_svc.RequestForm(m.id, "品牌", "产品", "地点", dt.date(2023, 7, 3))
    for changes, field in [
        ({"brand": ""}, "brand"),
        ({"places": " "}, "places"),
        ({"received_on": dt.date(2023, 8, 3)}, "received_on"),
        ({"member_id": None}, "member"),
    ]:
        with pytest.raises(ValidationError) as caught:
            req_svc.open_request(db, officer, dataclasses.replace(base, **changes), now=JULY)
        assert caught.value.field == field
