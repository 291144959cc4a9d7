"""Preservation commands: ``preservation plan FILE.json --json`` stores the case and prints its plan;
``preservation export FILE.xlsx`` writes the case list and statistics."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from laoshan_desk.cli._common import database, existing_file, print_json, report_provisional
from laoshan_desk.domain import timeutil  # looked up at each call: a clock patched in tests is seen
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.context import system_actor


def register(sub: Any) -> None:
    pres = sub.add_parser("preservation", help="财产保全审查")
    pres_sub = pres.add_subparsers(dest="preservation_command", required=True, parser_class=type(pres))
    p = pres_sub.add_parser("plan", help="登记保全申请并生成最小损害保全方案")
    p.add_argument("file", type=existing_file, help="案件 JSON 文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出方案")
    p.set_defaults(handler=_plan)
    p = pres_sub.add_parser("export", help="导出保全案件清单与统计（Excel）")
    p.add_argument("file")
    p.set_defaults(handler=_export)


def _load(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"文件不是 UTF-8 编码：{path}", field="file") from None
    try:
        loaded: object = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"JSON 格式错误（第{exc.lineno}行第{exc.colno}列）：{exc.msg}", field="file") from None
    return loaded


def _plan(args: argparse.Namespace) -> int:
    # The area's services load only for its own commands (start-up time of the other commands).
    from laoshan_desk.domain.preservation import Measure
    from laoshan_desk.services import preservation
    from laoshan_desk.services.calendar import work_calendar

    data = _load(args.file)  # before the database is opened: a bad file touches nothing
    db = database(args)
    result = preservation.plan_from_json(db, system_actor(), data, now=timeutil.now())
    deadlines = result["deadlines"]
    assert isinstance(deadlines, dict)
    received = data.get("received_at") if isinstance(data, dict) else None
    # The deadlines are counted from the receipt: every year from it to the last one is used.
    years = report_provisional(work_calendar(db), received, *deadlines.values())
    if args.json:
        print_json({**result, "provisional_years": years})
        return 0
    print(
        f"保全需求 {result['need']} 元；保全 {result['total_preserved']} 元；"
        f"{'足额' if result['covers_claim'] else '不足额'}；"
        f"{'需院领导审批' if result['needs_approval'] else '无需审批'}"
    )
    for s in _entries(result["selected"]):
        word = Measure(str(s["measure"])).label + ("（活封，被保全人继续使用）" if s.get("keeps_use") else "")
        print(f"  {s['id']}  {word}  {s['amount']}")
    for e in _entries(result["excluded"]):
        print(f"  排除 {e['id']}：{e['reason']}")
    print(f"裁定期限 {deadlines['ruling_due']}")
    return 0


def _entries(value: object) -> list[dict[str, object]]:
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _export(args: argparse.Namespace) -> int:
    # As in _plan: loaded only when this command runs.
    from laoshan_desk.services import preservation

    db = database(args)
    out = preservation.export_cases(db, system_actor(), Path(args.file), now=timeutil.now())
    print(f"已导出到 {out}")
    return 0
