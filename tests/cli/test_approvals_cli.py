"""``laoshan-desk approvals plan``, ``verify`` and ``report weekly``, as a scheduled job runs them."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from laoshan_desk.cli import main
from laoshan_desk.domain import timeutil
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject

USCC = "91370212MA3U8KW28P"
EXAMPLE = {
    "project": "示例项目",
    "enterprise": "青岛示例有限公司",
    "credit_code": USCC,
    "street": "沙子口街道",
    "start_date": "2026-09-21",
    "target_date": "2026-10-20",
    "items": [
        {"code": "A", "name": "事项A", "class": "must_do", "days": 10},
        {"code": "B", "name": "事项B", "class": "must_do", "days": 5},
        {"code": "C", "name": "事项C", "class": "must_do", "days": 3, "after": ["A", "B"]},
        {"code": "D", "name": "事项D", "class": "must_do", "days": 1, "after": ["C"]},
        {"code": "E", "name": "事项E", "class": "must_do", "days": 2, "after": ["C"]},
        {"code": "SP002", "class": "not_needed"},
    ],
}
EXPECTED = {
    "A": ["2026-09-21", "2026-10-10", "2026-09-22", "2026-10-12", 1],
    "B": ["2026-09-21", "2026-09-28", "2026-09-30", "2026-10-12", 6],
    "C": ["2026-10-12", "2026-10-14", "2026-10-13", "2026-10-15", 1],
    "D": ["2026-10-15", "2026-10-15", "2026-10-19", "2026-10-19", 2],
    "E": ["2026-10-15", "2026-10-16", "2026-10-16", "2026-10-19", 1],
}


@pytest.fixture
def url(db):  # type: ignore[no-untyped-def]
    return db.url


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(timeutil, "now", lambda: dt.datetime(2026, 10, 14, 9, 0, tzinfo=timeutil.TZ))


def run(capsys, *argv):  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def projects(url: str) -> int:
    db = Database(url)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(ApprovalProject)) or 0
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "change, words",
    [
        ({"target_date": "9999-12-31"}, "1949"),
        ({"start_date": "0001-01-01"}, "1949"),
        ({"items": [{"code": "A", "name": "事项A", "class": "must_do", "days": 1_000_000}]}, "3650"),
    ],
)
def test_plan_refuses_far_dates_and_huge_counts(tmp_path, capsys, url, change, words):
    """Dates bounded to 1949–2100 and a time limit to 3650 days: one line on stderr, exit 2,
    nothing stored."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({**EXAMPLE, **change}, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--db", url, "approvals", "plan", str(path))
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert projects(url) == 0


def test_plan_text_speaks_chinese_and_json_keeps_codes(tmp_path, capsys, url):
    """The text output names lights by colour (红/黄/绿) and classes by their words; the JSON keeps
    the codes. On 14 Oct A and B are past their latest finish (红)."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    code, text, err = run(capsys, "--db", url, "approvals", "plan", str(path))
    assert code == 0, err
    lines = {line.split()[0]: line.split() for line in text.splitlines()[3:]}
    assert lines["A"][6] == "红" and lines["B"][6] == "红"
    assert "（无需办理）" in lines["SP002"][-1]
    for code_word in ("green", "red", "yellow", "grey", "not_needed", "must_do"):
        assert code_word not in text
    path.write_text(json.dumps({**EXAMPLE, "project": "示例项目二"}, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", url, "approvals", "plan", str(path), "--json")
    items = {r["code"]: r for r in json.loads(out)["items"]}
    assert items["A"]["light"] == "red" and items["SP002"]["class"] == "not_needed"
    colour = {"red": "红", "yellow": "黄", "green": "绿"}
    for code_, row in items.items():
        if row["earliest_start"] is not None:
            assert lines[code_][6] == colour[row["light"]], code_


def test_plan_prints_the_worked_example(tmp_path, capsys, url):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", url, "approvals", "plan", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["project_id", "feasible", "critical_path", "items", "provisional_years"]
    # on 14 Oct A (on the critical path) is past its latest finish: the plan is no longer feasible
    assert data["feasible"] is False and data["critical_path"] == ["A", "C", "E"]
    rows = {r["code"]: r for r in data["items"]}
    assert [r["code"] for r in data["items"]] == ["A", "B", "C", "D", "E", "SP002"]
    for code_, (es, ef, ls, lf, slack) in EXPECTED.items():
        r = rows[code_]
        assert list(r) == [
            "code",
            "name",
            "class",
            "earliest_start",
            "earliest_finish",
            "latest_start",
            "latest_finish",
            "slack_days",
            "light",
            "limit_kind",
            "statutory_due",
            "limit_text",
        ]
        assert [r["earliest_start"], r["earliest_finish"], r["latest_start"], r["latest_finish"], r["slack_days"]] == [
            es,
            ef,
            ls,
            lf,
            slack,
        ]
        assert r["class"] == "must_do"
    # on 14 Oct: C's latest finish (15 Oct) is 1 working day away, A's (12 Oct) is past
    assert (rows["A"]["light"], rows["C"]["light"], rows["D"]["light"]) == ("red", "yellow", "green")
    other = rows["SP002"]
    assert other["name"] == "分公司设立登记" and other["class"] == "not_needed"
    assert all(
        other[k] is None for k in ("earliest_start", "earliest_finish", "latest_start", "latest_finish", "slack_days")
    )
    assert projects(url) == 1


def test_plan_is_feasible_on_its_start_date(tmp_path, capsys, url):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", url, "approvals", "plan", str(path), "--json", "--date", "2026-09-21")
    assert code == 0, err
    assert json.loads(out)["feasible"] is True


def test_plan_takes_catalog_days_and_prerequisites(tmp_path, capsys, url):
    data = {
        **EXAMPLE,
        "items": [
            {"code": "SP001", "class": "must_do"},
            {"code": "SP034", "class": "must_do"},
            {"code": "SP044", "class": "must_do", "days": 3, "after": []},
        ],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", url, "approvals", "plan", str(path), "--json")
    assert code == 0
    rows = {r["code"]: r for r in json.loads(out)["items"]}
    assert rows["SP034"]["name"] == "食品经营许可"
    assert rows["SP034"]["earliest_start"] == "2026-09-22"  # after SP001 (1 day) as the catalog says
    assert rows["SP034"]["earliest_finish"] == "2026-09-29"  # 22, 23, 24, 28, 29 Sep: 25 Sep is off
    assert rows["SP044"]["earliest_start"] == "2026-09-21"  # the file's empty "after" wins


@pytest.mark.parametrize(
    "content, words",
    [
        ("{not json", "JSON"),
        (json.dumps({"project": "x"}), "缺少字段"),
        (json.dumps({**EXAMPLE, "credit_code": "91370212MA3U8KW28Q"}), "校验位"),
        (json.dumps({**EXAMPLE, "start_date": "2026-13-01"}), "start_date"),
        (json.dumps({**EXAMPLE, "items": [{"code": "A", "class": "maybe"}]}), "class"),
        (json.dumps({**EXAMPLE, "items": [{"code": "ZZ9", "class": "must_do"}]}), "名称"),
        (
            json.dumps(
                {
                    **EXAMPLE,
                    "items": [
                        {"code": "A", "name": "甲", "class": "must_do", "days": 1, "after": ["B"]},
                        {"code": "B", "name": "乙", "class": "must_do", "days": 1, "after": ["A"]},
                    ],
                }
            ),
            "前置事项循环",
        ),
        (json.dumps({**EXAMPLE, "street": "火星街道"}), "街道"),
    ],
)
def test_a_bad_file_exits_2_with_one_line_and_stores_nothing(tmp_path, capsys, url, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--db", url, "approvals", "plan", str(path), "--json")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and words in err
    assert projects(url) == 0


def test_missing_file_exits_2(tmp_path, capsys, url):
    code, _, err = run(capsys, "--db", url, "approvals", "plan", str(tmp_path / "nope.json"), "--json")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_verify_and_weekly_report(tmp_path, capsys, _template_db):
    from laoshan_desk.services.approvals import seed as seed_approvals
    from laoshan_desk.services.context import system_actor

    path = tmp_path / "demo.sqlite3"
    shutil.copy(_template_db, path)
    db = Database(f"sqlite:///{path}")
    seed_approvals.load_demo(db, system_actor("test"))
    with db.session() as s:
        from laoshan_desk.store.models.approvals import Certificate

        code_ = s.scalar(select(Certificate.verification_code).limit(1))
    db.dispose()
    url = f"sqlite:///{path}"
    code, out, _ = run(capsys, "--db", url, "verify", code_)
    assert code == 0 and "真实有效" in out
    code, out, _ = run(capsys, "--db", url, "verify", "ABCD-EFGH-JKMN")
    assert code == 1 and "查无此证" in out
    code, _, err = run(capsys, "--db", url, "verify", "12")
    assert code == 2 and "核验码" in err
    xlsx, pdf = tmp_path / "w48.xlsx", tmp_path / "w48.pdf"
    code, out, err = run(
        capsys, "--db", url, "report", "weekly", "--week", "2026-W48", "--out", str(xlsx), "--pdf", str(pdf)
    )
    assert code == 0, err
    assert "2026-W48" in out
    late = load_workbook(xlsx)["超期事项"]
    assert f"超期未办 {late.max_row - 1} 项" in out  # the summary counts the table's lines
    assert load_workbook(xlsx).sheetnames == ["项目进度", "超期事项", "部门按期率排名"]
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "--db", url, "report", "weekly", "--week", "48", "--out", str(xlsx))
    assert code == 2 and "YYYY-Www" in err
    code, out, _ = run(capsys, "--db", url, "approvals", "dispatch", "--date", "2026-11-25", "--json")
    rows = json.loads(out)["rows"]
    assert {(r["code"], r["bucket"]) for r in rows} >= {("SP032", "late"), ("SP023", "today")}


def test_plan_counts_a_calendar_day_limit_in_calendar_days_and_says_when_there_is_none(tmp_path, capsys, url):
    """docs/rules.md §approvals-time-limits: SP008's 7 days (建筑法 art. 8) from 28 Sep end on the
    first working day after Golden Week; SP007 has no statutory limit and no date."""
    plan = dict(EXAMPLE, start_date="2026-09-28", target_date="2026-11-30")
    plan["items"] = [
        {"code": "SP008", "class": "must_do", "days": 5, "after": []},
        {"code": "SP007", "class": "must_do", "after": []},
    ]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", url, "approvals", "plan", str(path), "--json")
    assert code == 0, err
    rows = {r["code"]: r for r in json.loads(out)["items"]}
    assert rows["SP008"]["limit_kind"] == "calendar_days" and rows["SP008"]["statutory_due"] == "2026-10-08"
    assert rows["SP007"]["limit_kind"] == "none" and rows["SP007"]["statutory_due"] is None
    code, out, err = run(capsys, "--db", url, "approvals", "plan", str(path))
    assert code == 0, err
    sp008 = next(line for line in out.splitlines() if line.startswith("SP008"))
    sp007 = next(line for line in out.splitlines() if line.startswith("SP007"))
    assert "法定7日（自然日），承诺5个工作日，届满 2026-10-08" in sp008
    assert "无法定时限，承诺1个工作日" in sp007 and "届满" not in sp007
    assert "注意：事项 SP008" in out and "晚于法定时限" in out
