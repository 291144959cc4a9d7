"""审批点菜单 commands.

    laoshan-desk [--db URL] approvals plan FILE.json [--json]   create a project, print its schedule
    laoshan-desk [--db URL] approvals dispatch [--date D] [--json]   the morning call's list
    laoshan-desk [--db URL] verify CODE [--json]                 is a printed certificate genuine?
    laoshan-desk [--db URL] report weekly --week 2026-W48 --out FILE.xlsx [--pdf FILE.pdf]

``plan`` reads ``{"project", "enterprise", "credit_code", "street", "start_date", "target_date",
"items": [{"code", "name"?, "class", "days"?, "after"?, "reason"?}]}``; a code found in the catalog
takes its name, days and prerequisites from there unless the file gives them. Every classification
has a reason (docs/rules.md §approvals-classification): a line without one is given
"按计划文件 FILE.json 分类为…", so the notice says where the classification came from. A bad file ends with exit
status 2 and one line on stderr, and nothing is stored: the file is checked before the database
is opened, and the project is written in one transaction after the schedule was computed.

The services are imported inside each command, not at the top: ``laoshan-desk --help`` and the
other areas' commands start without loading SQLAlchemy and reportlab for this one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laoshan_desk.cli._common import database, date_arg, print_json, report_provisional
from laoshan_desk.domain import timeutil
from laoshan_desk.domain.approvals import Classification, DispatchBucket
from laoshan_desk.domain.errors import ValidationError

if TYPE_CHECKING:
    from laoshan_desk.domain.approvals import ScheduleResult
    from laoshan_desk.domain.calendar import WorkCalendar
    from laoshan_desk.services.approvals import OrderLine, ProjectInput, ProjectView
    from laoshan_desk.store.db import Database

CLASSES = ("must_do", "self_handled", "not_needed")
REQUIRED = ("project", "enterprise", "credit_code", "street", "start_date", "target_date", "items")


def register(sub: Any) -> None:
    p = sub.add_parser("approvals", help="审批点菜单：建项目并倒排工期、日调度")
    a_sub = p.add_subparsers(dest="approvals_command", required=True, parser_class=type(p))
    plan = a_sub.add_parser("plan", help="按 FILE.json 建立项目并打印倒排工期")
    plan.add_argument("file", metavar="FILE.json")
    plan.add_argument("--json", action="store_true", help="以 JSON 输出")
    plan.add_argument("--date", type=date_arg, default=None, help="按此日期判断计划是否可行（默认今天）")
    plan.set_defaults(handler=_plan)
    disp = a_sub.add_parser("dispatch", help="日调度：今日到期、2个工作日内到期和超期的事项")
    disp.add_argument("--date", type=date_arg, default=None, help="调度日期（默认今天）")
    disp.add_argument("--department", default=None)
    disp.add_argument("--json", action="store_true")
    disp.set_defaults(handler=_dispatch)

    v = sub.add_parser("verify", help="核验证照：核验码是否真实有效")
    v.add_argument("code", metavar="CODE")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_verify)

    report = sub.choices.get("report") if hasattr(sub, "choices") else None
    if report is None:
        report = sub.add_parser("report", help="报表（供定时任务调用）")
        report.add_subparsers(dest="report_command", required=True, parser_class=type(report))
    r_sub = next(a for a in report._subparsers._group_actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    weekly = r_sub.add_parser("weekly", help="审批点菜单周通报（Excel，可选 PDF）")
    weekly.add_argument("--week", default=None, help="ISO 周次，如 2026-W48（默认本周）")
    weekly.add_argument("--out", required=True, metavar="FILE.xlsx")
    weekly.add_argument("--pdf", default=None, metavar="FILE.pdf")
    weekly.set_defaults(handler=_weekly)


# -- plan --------------------------------------------------------------------------------------
def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"字段 {key} 应为非空字符串")
    return value.strip()


# The command line names a light by its colour (the JSON keeps the code); docs/rules.md §approvals-lights.
_COLOURS = {"red": "红", "yellow": "黄", "green": "绿"}


def light_word(code: str) -> str:
    """红 / 黄 / 绿 for a light's code; — for grey (done or not scheduled)."""
    return _COLOURS.get(code, "—")


MAX_DAYS = 3650  # an item's time limit in days, at most ten years (as the intake form allows)


def _date(data: dict[str, Any], key: str) -> dt.date:
    value = data.get(key)
    try:
        day = dt.date.fromisoformat(str(value).strip()[:32])
    except ValueError:
        raise ValidationError(f"字段 {key} 应为 YYYY-MM-DD 日期：{str(value)[:40]!r}") from None
    return timeutil.check_range(day, key)  # 1949–2100, as every date on the way in


def read_plan_file(path: Path) -> tuple[ProjectInput, list[OrderLine]]:
    """The file as a ProjectInput, checked for shape, dates, USCC and classes (no database)."""
    from laoshan_desk.domain.identifiers import normalize_uscc  # python-stdnum: start-up time
    from laoshan_desk.services.approvals import OrderLine, ProjectInput  # start-up time

    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"文件不存在：{path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"无法读取文件 {path}：{exc.__class__.__name__}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{Path(path).name} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    if not isinstance(data, dict):
        raise ValidationError("文件内容应为 JSON 对象")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise ValidationError("缺少字段：" + "、".join(missing))
    start, target = _date(data, "start_date"), _date(data, "target_date")
    if target <= start:
        raise ValidationError(f"target_date {target.isoformat()} 须晚于 start_date {start.isoformat()}")
    credit = normalize_uscc(data.get("credit_code"), field="credit_code")
    items = data.get("items")
    if not isinstance(items, list) or not items:
        raise ValidationError("items 应为非空列表")
    lines = []
    for n, row in enumerate(items, start=1):
        if not isinstance(row, dict):
            raise ValidationError(f"items 第 {n} 项应为对象")
        code = row.get("code")
        if not isinstance(code, str) or not code.strip():
            raise ValidationError(f"items 第 {n} 项缺少 code")
        cls = row.get("class")
        if cls not in CLASSES:
            raise ValidationError(f"事项 {code} 的 class 应为 must_do、self_handled 或 not_needed：{cls!r}")
        name = row.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise ValidationError(f"事项 {code} 的 name 应为非空字符串")
        days = row.get("days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS):
            raise ValidationError(f"事项 {code} 的 days 应为 1 至 {MAX_DAYS} 的整数：{str(days)[:40]}")
        after = row.get("after")
        if after is not None and (
            not isinstance(after, list) or not all(isinstance(a, str) and a.strip() for a in after)
        ):
            raise ValidationError(f"事项 {code} 的 after 应为事项编码列表")
        classification = Classification(cls)
        reason = str(row.get("reason") or "").strip() or f"按计划文件 {Path(path).name} 分类为{classification.label}"
        lines.append(
            OrderLine(
                code=code.strip(),
                classification=classification,
                reason=reason,
                name=name.strip() if name else None,
                days=days,
                after=tuple(a.strip() for a in after) if after is not None else None,
                department=row.get("department"),
                responsible=str(row.get("responsible") or ""),
            )
        )
    raw_contact = data.get("contact")
    contact: dict[str, Any] = raw_contact if isinstance(raw_contact, dict) else {}
    project = ProjectInput(
        name=_text(data, "project"),
        enterprise=_text(data, "enterprise"),
        credit_code=credit,
        street=_text(data, "street"),
        start_date=start,
        target_date=target,
        items=lines,
        contact_name=str(contact.get("name") or ""),
        contact_phone=str(contact.get("phone") or ""),
        project_type=str(data.get("project_type") or ""),
        address=str(data.get("address") or ""),
    )
    return project, lines


def plan_output(view: ProjectView, result: ScheduleResult) -> dict[str, Any]:
    """The documented output shape (docs/rules.md §approvals-reverse-schedule): dates YYYY-MM-DD;
    items that are not scheduled have null dates."""
    items = []
    for i in view.items:
        s = result.get(i.code)
        items.append(
            {
                "code": i.code,
                "name": i.name,
                "class": i.classification.value,
                "earliest_start": s.earliest_start.isoformat() if s else None,
                "earliest_finish": s.earliest_finish.isoformat() if s else None,
                "latest_start": s.latest_start.isoformat() if s else None,
                "latest_finish": s.latest_finish.isoformat() if s else None,
                "slack_days": s.slack_days if s else None,
                "light": i.light.value,
                # docs/rules.md §approvals-time-limits: null when no text sets a limit
                "limit_kind": s.limit_kind.value if s and s.limit_kind else None,
                "statutory_due": s.statutory_due.isoformat() if s and s.statutory_due else None,
                "limit_text": i.limit_text,
            }
        )
    return {
        "project_id": str(view.id),
        "feasible": view.feasible,
        "critical_path": list(result.critical_path),
        "items": items,
    }


def _work_calendar(db: Database) -> WorkCalendar:
    from laoshan_desk.services.calendar import work_calendar  # start-up time

    return work_calendar(db)


def _ensure_reference(db: Database) -> None:
    """A brand-new database gets the reference data (streets, catalog) that intake needs."""
    from laoshan_desk.services import approvals as svc  # start-up time
    from laoshan_desk.services import bootstrap, org
    from laoshan_desk.services.context import system_actor

    if not org.units(db, "street") or not svc.list_catalog(db, system_actor("init")):
        bootstrap.init(db, system_actor("init"), now=timeutil.now())


def _plan(args: argparse.Namespace) -> int:
    from laoshan_desk.services import approvals as svc  # start-up time
    from laoshan_desk.services.context import system_actor

    project, _lines = read_plan_file(Path(args.file))  # before the database is touched
    db = database(args)
    _ensure_reference(db)
    actor = system_actor("approvals")
    now = timeutil.now()
    project_id = svc.create_project(db, actor, project, now=now)
    view = svc.project_detail(db, actor, project_id, today=args.date or now.date())
    result = svc.project_schedule(db, actor, project_id)
    out = plan_output(view, result)
    # The schedule is counted in working days from the start to the target and the limits' ends
    # (docs/rules.md §calendar-provisional-years).
    dates = [project.start_date, project.target_date, *(i["latest_finish"] for i in out["items"])]
    dates += [i["statutory_due"] for i in out["items"]]
    years = report_provisional(_work_calendar(db), *dates)
    if args.json:
        out = {**out, "provisional_years": years}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"项目 {view.number}：{view.name}（{out['project_id']}）")
    print(f"{'可行' if out['feasible'] else '不可行'}；关键路径：{' → '.join(out['critical_path']) or '—'}")
    print(f"{'编码':<8}{'最早开始':<12}{'最早完成':<12}{'最迟开始':<12}{'最迟完成':<12}{'机动':>4}  亮灯  事项")
    for row in out["items"]:
        if row["earliest_start"] is None:
            label = Classification(row["class"]).label
            print(f"{row['code']:<8}{'—':<12}{'—':<12}{'—':<12}{'—':<12}{'':>4}  {'':4}  {row['name']}（{label}）")
        else:
            print(
                f"{row['code']:<8}{row['earliest_start']:<12}{row['earliest_finish']:<12}{row['latest_start']:<12}"
                f"{row['latest_finish']:<12}{row['slack_days']:>4}  {light_word(row['light']):<4}{row['name']}"
                f"（{row['limit_text']}" + (f"，届满 {row['statutory_due']}）" if row["statutory_due"] else "）")
            )
    for warning in result.warnings:
        print(f"注意：{warning}")
    return 0


# -- dispatch ----------------------------------------------------------------------------------
def _dispatch(args: argparse.Namespace) -> int:
    from laoshan_desk.services import approvals as svc  # start-up time
    from laoshan_desk.services.context import system_actor

    db = database(args)
    report = svc.dispatch(
        db, system_actor("dispatch"), today=args.date or timeutil.now().date(), department=args.department
    )
    years = report_provisional(_work_calendar(db), report.today, *(r.latest_finish for r in report.rows))
    if args.json:
        print_json(
            {
                "date": report.today,
                "rows": [
                    {
                        "project": r.project_name,
                        "code": r.code,
                        "name": r.name,
                        "department": r.department,
                        "responsible": r.responsible,
                        "status": r.status_label,
                        "node_date": r.node_date,
                        "latest_finish": r.latest_finish,
                        "bucket": r.bucket.value,
                        "days_left": r.days_left,
                        "light": r.light.value,
                    }
                    for r in report.rows
                ],
                "provisional_years": years,
            }
        )
        return 0
    print(
        f"日调度 {report.today.isoformat()}：超期 {report.count(DispatchBucket.LATE)}，"
        f"计划不可行 {report.count(DispatchBucket.INFEASIBLE)}，今日到期 {report.count(DispatchBucket.TODAY)}，"
        f"2个工作日内到期 {report.count(DispatchBucket.SOON)}"
    )
    for department, rows in report.by_department().items():
        print(f"【{department}】")
        for r in rows:
            print(
                f"  {r.bucket_label}  {r.project_name}  {r.code} {r.name}  责任人：{r.responsible or '—'}  "
                f"最迟完成：{r.latest_finish.isoformat() if r.latest_finish else '—'}"
            )
    return 0


# -- verify ------------------------------------------------------------------------------------
def _verify(args: argparse.Namespace) -> int:
    from laoshan_desk.services import approvals as svc  # start-up time
    from laoshan_desk.services.context import system_actor

    db = database(args)
    verdict = svc.verify(db, system_actor("verify"), args.code)
    c = verdict.certificate
    if args.json:
        print_json(
            {
                "status": verdict.status.value,
                "message": verdict.message,
                "code": verdict.code,
                "certificate": None
                if c is None
                else {
                    "number": c.number,
                    "title": c.title,
                    "holder": c.holder,
                    "credit_code": c.credit_code,
                    "item": f"{c.item_code} {c.item_name}",
                    "department": c.department,
                    "issued_on": c.issued_on,
                    "revoked": c.revoked,
                },
            }
        )
    else:
        print(verdict.message)
        if c is not None:
            print(f"证照：{c.title}  编号：{c.number}")
            print(f"持证单位：{c.holder}（{c.credit_code}）")
            print(f"发证部门：{c.department}  发证日期：{c.issued_on.isoformat()}")
            if c.revoked:
                print(f"撤销原因：{c.revoked_reason}")
    return 0 if verdict.genuine else 1


# -- weekly bulletin ---------------------------------------------------------------------------
def _weekly(args: argparse.Namespace) -> int:
    from laoshan_desk.services import approvals as svc  # start-up time
    from laoshan_desk.services.context import system_actor

    week = args.week or svc.week_of(timeutil.now().date())
    svc.parse_week(week)  # a bad week is refused before the database is opened
    db = database(args)
    bulletin = svc.write_bulletin(
        db,
        system_actor("report"),
        week,
        Path(args.out),
        Path(args.pdf) if args.pdf else None,
        now=timeutil.now(),
    )
    t = bulletin.totals
    print(
        f"周通报 {bulletin.week}（{bulletin.start.isoformat()}～{bulletin.end.isoformat()}）：项目 {t.projects} 个，"
        f"本周销号 {t.done_this_week} 项，超期未办 {t.overdue} 项，按期率 {t.rate_text}"
    )
    print(f"已写入 {args.out}" + (f" 和 {args.pdf}" if args.pdf else ""))
    return 0
