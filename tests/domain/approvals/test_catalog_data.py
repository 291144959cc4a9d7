"""Tests of the approvals seed data in resources/data: catalog, menu templates, the hotel demo."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from stdnum.cn import uscc

from laoshan_desk.domain.approvals import (
    Classification,
    ItemProgress,
    ItemStatus,
    PlanItem,
    advance,
    find_cycle,
    load_catalog,
    load_menu_templates,
    move_node,
    schedule,
)
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.identifiers import normalize_phone, normalize_uscc

DATA = Path(__file__).resolve().parents[3] / "resources" / "data"
D = dt.date.fromisoformat
CAL = WorkCalendar()
APPROVAL_BUREAU = "区行政审批服务局"


@pytest.fixture(scope="module")
def raw_catalog() -> dict:
    return json.loads((DATA / "approval_catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return {i.code: i for i in load_catalog(DATA / "approval_catalog.json")}


@pytest.fixture(scope="module")
def templates(catalog):
    return {t.code: t for t in load_menu_templates(DATA / "menu_templates.json", catalog)}


@pytest.fixture(scope="module")
def demo() -> dict:
    return json.loads((DATA / "demo_hotel_project.json").read_text(encoding="utf-8"))


# -- catalog ---------------------------------------------------------------------------------
LIMIT_KINDS = {"working_days", "calendar_days", "none"}
ITEM_KEYS = {
    "code",
    "name",
    "department",
    "level",
    "stage",
    "statutory_days",
    "limit_kind",
    "limit_basis",
    "applicant_deadline_days",
    "committed_days",
    "materials",
    "legal_basis",
    "prerequisites",
    "pre_review",
    "site_inspection",
    "certificate",
    "fee",
}
OPTIONAL_KEYS = {
    "limit_note",
    "level_note",
    "applicant_deadline_kind",
    "applicant_deadline_anchor",
    "applicant_deadline_direction",
    "applicant_deadline_basis",
}
ARTICLE = re.compile(r"第[零一二三四五六七八九十百]+条")


def citations(row: dict) -> list[dict]:
    """Every citation object of an item: its legal basis, its limit's basis, its applicant deadline's."""
    found = list(row["legal_basis"])
    found += [row[k] for k in ("limit_basis", "applicant_deadline_basis") if row.get(k)]
    return found


def articles(row: dict, law: str) -> set[str]:
    """The articles an item's legal basis cites of one law (by its title inside 《》)."""
    cited: set[str] = set()
    for c in row["legal_basis"]:
        if c["text"].startswith(f"《{law}》"):
            cited |= set(ARTICLE.findall(c["text"]))
    return cited


def test_catalog_loads_84_items_and_7_menus(raw_catalog, catalog, templates):
    assert len(catalog) == 84
    codes = [row["code"] for row in raw_catalog["items"]]
    assert len(codes) == len(set(codes)) == 84
    assert len(templates) == 7


def test_catalog_fields(raw_catalog, catalog):
    for row in raw_catalog["items"]:
        assert ITEM_KEYS <= set(row) <= ITEM_KEYS | OPTIONAL_KEYS, row["code"]
        assert row["department"] in raw_catalog["departments"]
        assert row["level"] in {"district", "city"}, row["code"]
        assert isinstance(row["fee"], str)
    for item in catalog.values():
        assert 1 <= item.committed_days, item.code
        assert item.materials and item.legal_basis, item.code
        assert all(basis.startswith("《") for basis in item.legal_basis), item.code
    assert 10 <= len(raw_catalog["departments"]) <= 15


def test_every_limit_has_a_kind_from_the_allowed_set(raw_catalog, catalog):
    for row in raw_catalog["items"]:
        code, kind, days = row["code"], row["limit_kind"], row["statutory_days"]
        assert kind in LIMIT_KINDS, code
        if kind == "none":
            # No text sets the agency's limit: no figure is invented, and the note says why.
            assert days is None, code
            assert row.get("limit_note") or row["limit_basis"], code
            assert catalog[code].statutory_days == 0, code
        else:
            assert isinstance(days, int) and days >= 1, code
            assert row["limit_basis"], code  # a figure comes from a text
            assert row["committed_days"] <= days, code
        if kind == "calendar_days":
            # A promise in working days must not outrun a limit in calendar days: N working days
            # take at least N * 7 / 5 calendar days.
            assert row["committed_days"] * 7 <= days * 5, code


def test_working_days_only_where_the_text_says_so(raw_catalog):
    """A text that says plain 日 counts calendar days; 行政许可法 art. 82 turns only that law's own
    limits into working days (docs/rules/reference-data.md §limits)."""
    for row in raw_catalog["items"]:
        basis = row["limit_basis"]
        if not basis or row["limit_kind"] == "none" or not basis["verified"]:
            continue
        own_law = basis["text"].startswith("《中华人民共和国行政许可法》")
        says_working = "工作日" in basis["quote"]
        expected = "working_days" if own_law or says_working else "calendar_days"
        assert row["limit_kind"] == expected, row["code"]


def test_every_citation_has_verified_and_source(raw_catalog):
    for row in raw_catalog["items"]:
        for c in citations(row):
            assert c["text"].startswith("《"), row["code"]
            assert isinstance(c["verified"], bool), (row["code"], c["text"])
            assert isinstance(c["source"], str) and c["source"], (row["code"], c["text"])
            if c["verified"]:
                # Read in the law collection: the file and the very articles the citation names.
                assert re.fullmatch(r"LawRefBook/Laws: \S+\.md (第[^ ]+条)(、第[^ ]+条)*", c["source"]), c
                assert set(ARTICLE.findall(c["source"])) == set(ARTICLE.findall(c["text"])), c
            else:
                assert c.get("note"), (row["code"], c["text"])  # why it is not verified


def test_unverified_citations_are_the_texts_outside_the_collection(raw_catalog):
    unverified = {c["text"] for row in raw_catalog["items"] for c in citations(row) if not c["verified"]}
    assert unverified  # ministry rules, State Council documents, standards
    # National laws and State Council regulations the collection holds are all verified.
    for text in unverified:
        assert not text.startswith("《中华人民共和国") or "医疗机构" in text, text
    assert "《建设工程质量管理条例》第四十九条" not in unverified


# The eight wrong article numbers of the checks file, and SP083's, and the weak ones.
def test_sp003_does_not_cite_the_policy_article(raw_catalog):
    row = _row(raw_catalog, "SP003")
    assert "第八条" not in articles(row, "促进个体工商户发展条例")
    assert articles(row, "中华人民共和国市场主体登记管理条例")


def test_sp006_cites_the_national_regulation_only(raw_catalog):
    row = _row(raw_catalog, "SP006")
    assert not any("青岛市优化营商环境条例" in c["text"] for c in row["legal_basis"])
    assert articles(row, "优化营商环境条例") == {"第十九条"}


def test_sp046_does_not_cite_the_set_up_approval(raw_catalog):
    row = _row(raw_catalog, "SP046")
    assert "第九条" not in articles(row, "医疗机构管理条例")
    (clinic,) = [c for c in row["legal_basis"] if c["text"].startswith("《医疗机构管理条例》")]
    assert clinic["verified"] is False and "2022" in clinic["note"]  # the revision is not in the collection


@pytest.mark.parametrize(
    ("code", "law", "wrong", "right"),
    [
        ("SP053", "互联网上网服务营业场所管理条例", "第十二条", {"第八条", "第十条", "第十一条"}),
        ("SP054", "出版管理条例", "第三十七条", {"第三十五条"}),
        ("SP061", "易制毒化学品管理条例", "第十四条", {"第十七条"}),
        ("SP071", "中华人民共和国固体废物污染环境防治法", "第五十八条", {"第五十七条"}),
        ("SP077", "全民健身条例", "第三十三条", {"第三十二条"}),
        ("SP083", "取水许可和水资源费征收管理条例", "第二十一条", {"第十九条"}),
        ("SP064", "排污许可管理条例", "第十三条", {"第十二条"}),
        ("SP019", "中华人民共和国测绘法", "第二十三条", set()),
        ("SP025", "中华人民共和国人民防空法", "第二十二条", {"第二十三条"}),
    ],
)
def test_corrected_articles(raw_catalog, code, law, wrong, right):
    row = _row(raw_catalog, code)
    assert wrong not in articles(row, law)
    assert right <= articles(row, law)


def test_sp054_is_a_licence_not_a_filing(raw_catalog):
    # 出版管理条例 art. 35: retail needs the county-level department's licence.
    row = _row(raw_catalog, "SP054")
    assert "许可" in row["name"] and "备案" not in row["name"]
    assert row["limit_kind"] != "none"


def test_sp077_is_granted_by_the_approval_bureau(raw_catalog):
    # Seed part 1: 区行政审批局 … 第一时间出具许可证 for the swimming licence.
    assert _row(raw_catalog, "SP077")["department"] == APPROVAL_BUREAU


def test_sp040_is_filed_at_city_level(raw_catalog):
    # 医疗器械监督管理条例 art. 41: 向所在地设区的市级人民政府负责药品监督管理的部门备案.
    row = _row(raw_catalog, "SP040")
    assert row["level"] == "city"
    assert "市级" in row["level_note"]
    assert {r["code"] for r in raw_catalog["items"] if r["level"] == "city"} == {"SP040"}


# The eight wrong time limits of the checks file.
APPLICANT_DEADLINES = {
    # code: (days, kind, direction) the applicant's own deadline, named by the checks file
    "SP028": (15, "calendar_days", "after"),  # 建设工程质量管理条例 art. 49
    "SP029": (15, "calendar_days", "after"),  # 城镇燃气管理条例 art. 11
    "SP055": (15, "calendar_days", "after"),  # 艺术品经营管理办法 art. 5
    "SP058": (20, "calendar_days", "before"),  # 大型群众性活动安全管理条例 art. 13
    "SP059": (15, "calendar_days", "after"),  # 娱乐场所管理条例 art. 11
    "SP082": (20, "working_days", "after"),  # 生产安全事故应急预案管理办法 art. 26
}


@pytest.mark.parametrize("code", sorted(APPLICANT_DEADLINES))
def test_applicant_deadlines_are_kept_apart_from_the_agency_limit(raw_catalog, code):
    row = _row(raw_catalog, code)
    days, kind, direction = APPLICANT_DEADLINES[code]
    assert (row["applicant_deadline_days"], row["applicant_deadline_kind"]) == (days, kind)
    assert row["applicant_deadline_direction"] == direction
    assert row["applicant_deadline_anchor"]
    # No item's limit is the applicant's deadline put in the agency's place.
    assert row["statutory_days"] != days
    assert row["limit_basis"] is None or row["limit_basis"] != row["applicant_deadline_basis"]


def test_no_limit_is_an_applicant_deadline(raw_catalog):
    for row in raw_catalog["items"]:
        if row["applicant_deadline_days"] is None:
            assert "applicant_deadline_basis" not in row, row["code"]
            continue
        assert row["applicant_deadline_kind"] in LIMIT_KINDS - {"none"}, row["code"]
        assert row["applicant_deadline_direction"] in {"before", "after"}, row["code"]
        assert row["applicant_deadline_basis"]["text"].startswith("《"), row["code"]
        if row["limit_basis"]:
            assert row["limit_basis"]["quote"] != row["applicant_deadline_basis"]["quote"], row["code"]


@pytest.mark.parametrize(
    ("code", "days", "kind"),
    [
        ("SP007", None, "none"),  # 企业投资项目核准和备案管理条例 art. 13: 收到全部信息即为备案
        ("SP028", None, "none"),
        ("SP029", None, "none"),
        ("SP055", None, "none"),
        ("SP058", 7, "calendar_days"),  # art. 14: 自受理之日起7日内
        ("SP059", None, "none"),
        ("SP079", 90, "calendar_days"),  # 民办教育促进法 art. 17: 三个月
        ("SP082", 5, "working_days"),  # the agency checks within 5 working days
        ("SP083", 45, "working_days"),  # 取水许可 art. 19: 45个工作日
        ("SP053", 35, "working_days"),  # art. 11: 20 working days to set up + 15 for the final review
    ],
)
def test_corrected_limits(raw_catalog, code, days, kind):
    row = _row(raw_catalog, code)
    assert (row["statutory_days"], row["limit_kind"]) == (days, kind)


def test_corrected_limits_cite_the_sentence_that_sets_them(raw_catalog):
    assert "三个月" in _row(raw_catalog, "SP079")["limit_basis"]["quote"]
    sp058 = _row(raw_catalog, "SP058")
    assert sp058["limit_basis"]["text"] == "《大型群众性活动安全管理条例》第十四条"
    assert "5000" in sp058["level_note"]  # over 5,000 people the city police decide (art. 12)
    assert _row(raw_catalog, "SP083")["limit_basis"]["text"] == "《取水许可和水资源费征收管理条例》第十九条"
    assert "即为备案" in _row(raw_catalog, "SP007")["limit_basis"]["quote"]


def test_the_catalog_note_no_longer_says_every_limit_is_working_days(raw_catalog):
    assert "时限均为工作日" not in raw_catalog["note"]
    assert "calendar_days" in raw_catalog["note"] and "verified" in raw_catalog["note"]


def _row(raw_catalog: dict, code: str) -> dict:
    (row,) = [r for r in raw_catalog["items"] if r["code"] == code]
    return row


def test_catalog_prerequisites_exist_and_are_acyclic(catalog):
    for item in catalog.values():
        assert set(item.prerequisites) <= set(catalog), item.code
        assert item.code not in item.prerequisites
    assert find_cycle({c: i.prerequisites for c, i in catalog.items()}) is None


@pytest.mark.parametrize(
    "name",
    [
        "建筑工程施工许可证核发",
        "特殊建设工程消防设计审查",
        "特殊建设工程消防验收",
        "公众聚集场所投入使用、营业前消防安全检查",
        "房屋建筑和市政基础设施工程竣工验收备案",
        "企业设立登记（营业执照）",
        "食品经营许可",
        "公共场所卫生许可（住宿、沐浴、游泳、美容美发场所）",
        "特种行业许可证核发（旅馆业）",
        "经营高危险性体育项目许可（游泳）",
        "户外广告及招牌设施设置审批",
        "城镇污水排入排水管网许可",
        "建设项目环境影响登记表备案",
    ],
)
def test_catalog_has_the_hotel_case_items(catalog, name):
    assert name in {i.name for i in catalog.values()}


# -- templates --------------------------------------------------------------------------------
def test_templates_cover_the_usual_project_types(templates):
    names = {t.name for t in templates.values()}
    assert {"酒店开业", "餐饮店开业", "制造业工厂", "零售商店", "民宿", "健身游泳馆"} <= names
    for t in templates.values():
        assert t.entries and all(e.reason for e in t.entries), t.name
        assert t.codes(Classification.MUST_DO), t.name


def test_hotel_template_matches_the_seed(templates, catalog):
    hotel = templates["hotel_opening"]
    assert len(hotel.entries) == 58
    must = hotel.codes(Classification.MUST_DO)
    assert len(must) == 18
    assert Counter(e.classification for e in hotel.entries)[Classification.SELF_HANDLED] > 0
    assert Counter(e.classification for e in hotel.entries)[Classification.NOT_NEEDED] > 0
    departments = [catalog[c].department for c in hotel.codes()]
    # 48 of the 58 items belonged to departments other than the approval bureau (docs/rules.md §approvals-seed-case).
    assert sum(d != APPROVAL_BUREAU for d in departments) == 48
    # The must-do items span the bureau and the departments of the 9 team leaders.
    assert len({catalog[c].department for c in must}) == 9


# -- the demo hotel project -------------------------------------------------------------------
def test_demo_identity(demo, templates):
    assert demo["street"] in {"金家岭街道", "沙子口街道"}
    assert demo["project_type"] in templates
    start, target = D(demo["start_date"]), D(demo["target_date"])
    assert start == D("2026-02-27") and target.month == 6 and target.year == 2026
    # The menu was produced within 72 hours.
    assert (D(demo["menu_issued_on"]) - start).days <= 3


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


@pytest.mark.parametrize(
    "name",
    [
        "demo_hotel_project.json",
        "approval_catalog.json",
        "menu_templates.json",
        "organisation.json",
        "proxy_services.json",
    ],
)
def test_demo_identities_are_plainly_fictitious(name):
    texts = _strings(json.loads((DATA / name).read_text(encoding="utf-8")))
    joined = "\n".join(texts)
    # Any credit code passes the GB 32100 check (the desk accepts it) and has a registration-
    # authority part no real authority has (9199999…).
    for code in re.findall(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])", joined):
        assert uscc.is_valid(code) and code.startswith("9199999"), code
    # No mobile number at all; landlines are 7-digit Qingdao numbers, which cannot be real
    # (Qingdao numbers have 8 digits) but pass the desk's format check.
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", joined)
    for phone in re.findall(r"0532-?\d+", joined):
        assert re.fullmatch(r"0532-\d{7}", phone), phone
        assert normalize_phone(phone) == phone


def test_demo_enterprise_is_marked_as_an_example(demo):
    assert uscc.is_valid(demo["credit_code"]) and demo["credit_code"].startswith("9199999")
    assert normalize_uscc(demo["credit_code"]) == demo["credit_code"]
    assert "示例" in demo["enterprise"]
    assert "钓鱼台" not in json.dumps(demo, ensure_ascii=False)  # the seed hotel's brand


def test_demo_items_follow_the_template(demo, templates, catalog):
    hotel = templates[demo["project_type"]]
    assert [row["code"] for row in demo["items"]] == hotel.codes()
    assert [row["class"] for row in demo["items"]] == [e.classification.value for e in hotel.entries]
    for row in demo["items"]:
        assert row["reason"]
        assert set(row.get("after", [])) <= set(catalog)


def test_demo_gold_team(demo, catalog):
    team = demo["gold_team"]
    assert team["commander"]["title"] == "区长"
    assert team["deputy"]["name"]
    leaders = team["team_leaders"]
    assert len(leaders) == 9
    members = {m["name"]: m["department"] for m in team["members"]}
    must_rows = [row for row in demo["items"] if row["class"] == "must_do"]
    assert {row["department"] for row in must_rows} == {t["department"] for t in leaders}
    for row in must_rows:
        assert members[row["responsible"]] == catalog[row["code"]].department == row["department"]


def test_demo_task_force_log(demo):
    assert len(demo["meetings"]) == 13
    assert len(demo["site_visits"]) == 8
    assert len(demo["problems"]) >= 60
    start, target = D(demo["start_date"]), D(demo["target_date"])
    for entry in demo["meetings"] + demo["site_visits"]:
        assert start <= D(entry["date"]) < target
    for p in demo["problems"]:
        assert p["description"] and p["owner"]
        assert start <= D(p["raised_on"]) <= D(p["solved_on"]) < target


def _fire_code(demo, catalog) -> str:
    (code,) = [row["code"] for row in demo["items"] if catalog[row["code"]].name == "特殊建设工程消防验收"]
    return code


def test_demo_node_move(demo, catalog):
    (move,) = demo["node_moves"]
    assert move["code"] == _fire_code(demo, catalog)
    assert (move["from"], move["to"]) == ("2026-04-28", "2026-05-15")
    assert move["reason"]
    (row,) = [r for r in demo["items"] if r["code"] == move["code"]]
    assert row["fixed_finish"] == move["from"]


def test_demo_progress_replays_through_the_life_cycle(demo, catalog):
    must = {row["code"] for row in demo["items"] if row["class"] == "must_do"}
    finished = {}
    for entry in demo["progress"]:
        item = catalog[entry["code"]]
        progress = ItemProgress()
        for step in entry["steps"]:
            progress = advance(
                progress,
                step["status"],
                D(step["on"]),
                step["by"],
                pre_review=item.pre_review,
                site_inspection=item.site_inspection,
            )
        assert progress.status is ItemStatus.DONE
        finished[entry["code"]] = progress.finished_on
    assert set(finished) == must
    assert max(finished.values()) < D(demo["target_date"])
    # Fire acceptance passed on 12 May, 3 days before its moved node; the completion filing,
    # business licence and food licence were issued the same day.
    by_name = {catalog[c].name: d for c, d in finished.items()}
    for name in [
        "特殊建设工程消防验收",
        "房屋建筑和市政基础设施工程竣工验收备案",
        "企业设立登记（营业执照）",
        "食品经营许可",
    ]:
        assert by_name[name] == D("2026-05-12"), name
    # Nothing finished before what it waits for.
    for row in demo["items"]:
        if row["class"] != "must_do":
            continue
        for p in list(catalog[row["code"]].prerequisites) + row.get("after", []):
            if p in finished:
                assert finished[p] <= finished[row["code"]], (p, row["code"])


def _plan(demo, catalog, *, pin: bool = True, actuals: bool = False) -> list[PlanItem]:
    done = {e["code"]: e["steps"] for e in demo["progress"]}
    items = []
    for row in demo["items"]:
        item = catalog[row["code"]]
        extra = {}
        if pin and row.get("fixed_finish"):
            extra["fixed_finish"] = D(row["fixed_finish"])
        if actuals and row["code"] in done:
            extra["actual_start"] = D(done[row["code"]][0]["on"])
            extra["actual_finish"] = D(done[row["code"]][-1]["on"])
        prereqs = tuple(item.prerequisites) + tuple(row.get("after", []))
        items.append(PlanItem(row["code"], item.name, item.days, prereqs, row["class"], **extra))
    return items


def test_demo_schedule_is_feasible_before_and_after_the_move(demo, catalog):
    start, target = D(demo["start_date"]), D(demo["target_date"])
    fire = _fire_code(demo, catalog)
    planned = schedule(_plan(demo, catalog), start, target, CAL)
    assert planned.feasible and len(planned.items) == 18
    assert planned[fire].earliest_finish == D("2026-04-28")
    (move,) = demo["node_moves"]
    moved = move_node(_plan(demo, catalog), fire, D(move["to"]), move["reason"], start, target, CAL)
    assert moved.schedule.feasible
    assert moved.schedule.critical_path[0] == fire
    assert len(moved.dependents) >= 5
    for code in moved.dependents:
        assert moved.schedule[code].earliest_start > D("2026-05-15")
    actual = schedule(_plan(demo, catalog, actuals=True), start, target, CAL)
    assert actual.feasible and all(s.done for s in actual.items.values())
