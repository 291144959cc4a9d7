"""Every ``docs/rules.md §preservation-…`` the area's code cites is a section of its rules page."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "docs" / "rules" / "preservation.md"
CODE = [
    *(ROOT / "laoshan_desk").glob("*/preservation/*.py"),
    *(ROOT / "laoshan_desk").glob("*/preservation.py"),
    *(ROOT / "laoshan_desk" / "store").glob("*/preservation.py"),
]


def test_every_cited_section_exists():
    sections = set(re.findall(r"^## (preservation-[a-z-]+)$", RULES.read_text(encoding="utf-8"), re.M))
    cited = {
        (path.name, name)
        for path in CODE
        for name in re.findall(r"§(preservation-[a-z-]*[a-z])", path.read_text(encoding="utf-8"))
    }
    assert cited, "the area's code cites its rules"
    assert {name for _file, name in cited} <= sections, sorted(c for c in cited if c[1] not in sections)


def test_no_comment_points_outside_the_repository():
    outside = re.compile(r"\.\./shared|issue \d|seed part \d|(?<!docs/)rules\.md")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in CODE
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if outside.search(line)
    ]
    assert offenders == []


# Sentences as they read in the LawRefBook/Laws collection (snapshot 2f4c5c2, checked when this
# test was written): the desk's messages must quote them, not paraphrase them.
WAGE_33 = (
    "除法律另有规定外，农民工工资专用账户资金和工资保证金不得因支付为本项目提供劳动的农民工工资之外的原因"
    "被查封、冻结或者划拨"
)
SEIZURE_19 = "不得明显超标的额查封、扣押、冻结"
INTERPRETATION_163 = "债权人在法律文书指定的履行期间届满后五日内不申请执行的，人民法院应当解除保全"


def test_messages_quote_the_law_as_it_reads():
    import datetime as dt

    from laoshan_desk.domain.preservation import enforcement_application_due
    from tests.domain.preservation.builders import account, plan_of, thing

    wage = plan_of("100", [account("w", "wage", "1000"), account("g", "general", "1000")]).excluded[0].reason
    assert "除法律另有规定外" in wage and "为本项目提供劳动的农民工工资之外的原因" in wage and "第三十三条" in wage
    assert WAGE_33.split("，")[0] in wage

    from laoshan_desk.domain.preservation import check_selection

    violations = check_selection(
        [thing("m", "equipment", "5000000"), account("g", "general", "2000000")], "1000000", ["m"]
    )
    assert any(SEIZURE_19 in v and "第十九条" in v for v in violations)
    basis = enforcement_application_due(dt.date(2026, 11, 25)).basis
    assert INTERPRETATION_163 in basis and "第一百六十三条" in basis
