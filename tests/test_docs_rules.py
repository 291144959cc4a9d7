"""Every rule the code cites as `§name` is a section of a page under docs/rules/, and docs/rules.md
lists every section: a comment that points at a rule can always be followed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"§([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![-a-z0-9])")
HEADING = re.compile(r"^##+ §?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\s|$)", re.MULTILINE)


def _sections() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for page in sorted((ROOT / "docs" / "rules").glob("*.md")):
        for name in HEADING.findall(page.read_text(encoding="utf-8")):
            assert name not in found, f"§{name} is a heading in both {found[name].name} and {page.name}"
            found[name] = page
    return found


def _citing_files() -> list[Path]:
    files = [p for d in ("laoshan_desk", "tests", "bench") for p in (ROOT / d).rglob("*.py")]
    files += [p for p in (ROOT / "docs").rglob("*.md") if "rules" not in p.relative_to(ROOT / "docs").parts[:1]]
    return [*files, ROOT / "README.md"]


def test_every_cited_rule_is_a_section() -> None:
    sections = _sections()
    missing = []
    for path in _citing_files():
        text = path.read_text(encoding="utf-8")
        for name in CITED.findall(text):
            if name not in sections and name != "name":
                missing.append(f"{path.relative_to(ROOT)}: §{name}")
    assert not missing, "cited rules with no section under docs/rules/:\n" + "\n".join(sorted(set(missing)))


def test_the_index_lists_every_section() -> None:
    index = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- §([a-z][a-z0-9-]*)", index, re.MULTILINE))
    sections = _sections()
    assert listed == set(sections), (
        f"not in docs/rules.md: {sorted(set(sections) - listed)}; gone: {sorted(listed - set(sections))}"
    )
    for page in {p.name for p in sections.values()}:
        assert f"(rules/{page})" in index
