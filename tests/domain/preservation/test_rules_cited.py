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
