"""Issue 10, "Exports must not carry live formulas", end to end: what a citizen or an applicant
typed beginning with = + - @ comes out of the appeals ledger (masked names ``=*****`` too) and
the weekly report as text, never as a formula. (The preservation export has its own:
tests/services/preservation/test_export.py; every writer goes through documents/excel.py:
tests/documents/test_excel.py.)"""

from __future__ import annotations

import dataclasses

from openpyxl import load_workbook

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import approvals, org
from laoshan_desk.services.appeals.exchange import export_ledger
from tests.conftest import FIXED_NOW
from tests.services.approvals.helpers import NOW, create, example_lines, plan_input

PAYLOADS = ('=HYPERLINK("http://example.invalid/x","点此")', "+1+1", "-2+3", "@SUM(A1:A9)")


def _cells(path):  # type: ignore[no-untyped-def]
    book = load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []  # no live formula anywhere
    return cells


def test_the_appeals_ledger_writes_what_citizens_typed_as_text(db, admin, tmp_path):
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    for payload in PAYLOADS:
        form = svc.IntakeForm(
            "livelihood",
            "phone",
            payload + " 路灯不亮",
            street.id,
            comm.id,
            appellant=payload[:8],
            phone="13805321234",
            enterprise=payload,
        )
        svc.intake(db, admin, form, now=FIXED_NOW)
    out = tmp_path / "ledger.xlsx"
    assert export_ledger(db, admin, out, now=FIXED_NOW) == len(PAYLOADS)
    texts = [str(c.value) for c in _cells(out)]
    hostile = [t for t in texts if t.lstrip("'")[:1] in "=+-@" and t.lstrip("'")]
    assert len(hostile) >= 2 * len(PAYLOADS)  # the content and the masked appellant of each
    assert all(t.startswith("'") for t in hostile), hostile
    assert any(t.startswith("'=*") or t.startswith("'+*") for t in hostile)  # a masked name ``=*****``


def test_the_weekly_report_writes_a_project_named_like_a_formula_as_text(db, admin, tmp_path):
    lines = example_lines()
    lines[0] = dataclasses.replace(lines[0], name=PAYLOADS[3], responsible=PAYLOADS[1])
    data = plan_input(lines, contact_name=PAYLOADS[2], address=PAYLOADS[0])
    create(db, admin, dataclasses.replace(data, name=PAYLOADS[0]))
    xlsx = tmp_path / "w39.xlsx"
    approvals.write_bulletin(db, admin, "2026-W39", xlsx, now=NOW)
    texts = [str(c.value) for c in _cells(xlsx)]
    assert "'" + PAYLOADS[0] in texts
