"""The one convention of a service call (issue 8 §3): a write takes ``now`` keyword-only and required,
and no service (nor any domain rule) reads the system clock for a business time.

Which functions write is found, not listed: a function writes when its source opens a write session
(``session(write=True)``, as ``unit_of_work`` does) or calls, resolved through its module's names,
a function that writes, so a service that writes through ``unit_of_work``, ``commit_in_batches`` or
another service is found too. The clock readers are found the same way: every name or attribute in
a service module that resolves to ``datetime.now``/``date.today``/``time.time``/``timeutil.now``.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pkgutil
import textwrap
import time
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import laoshan_desk.domain as domain_package
import laoshan_desk.services as services_package
from laoshan_desk.domain import timeutil

_WRITE_MARK = "session(write=True)"
# Writes that take no ``now``, each with its reason. Nothing else is exempt.
EXEMPT: dict[str, str] = {
    # Replays the district's hotel case at the dates its data file gives (seed_demo._at): no
    # time of the call is recorded, so a ``now`` would be read by nothing.
    "laoshan_desk.services.approvals.seed_demo.load_hotel": "times every step from its data file",
    "laoshan_desk.services.approvals.seed.load_demo": "times every step from its data file",
}
# The unit of work itself, not a service: its ``now`` is required but may come by position (the
# services pass it so); checked on its own below.
UNIT_OF_WORK = "laoshan_desk.services.uow.unit_of_work"
_CLOCKS: list[Any] = [
    dt.datetime.now,
    dt.datetime.utcnow,
    dt.datetime.today,
    dt.date.today,
    time.time,
    time.time_ns,
    timeutil.now,
]


def _modules(package: ModuleType = services_package) -> list[ModuleType]:
    names = [package.__name__]
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return [importlib.import_module(name) for name in sorted(names)]


def _resolve(node: ast.expr, names: dict[str, Any]) -> Any:
    """What ``node`` (a name or a dotted attribute) is in the module whose globals are ``names``."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, names)
        return None if base is None else getattr(base, node.attr, None)
    return None


def _tree(fn: Callable[..., Any]) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return None


def _callees(fn: Callable[..., Any]) -> Iterator[Callable[..., Any]]:
    tree = _tree(fn)
    if tree is None:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            target = _resolve(node.func, fn.__globals__)
            if inspect.isfunction(target):
                yield inspect.unwrap(target)


def _writes(fn: Callable[..., Any], seen: dict[Any, bool]) -> bool:
    fn = inspect.unwrap(fn)
    if fn in seen:
        return seen[fn]
    seen[fn] = False  # a cycle adds nothing
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        return False
    seen[fn] = _WRITE_MARK in source.replace(" ", "") or any(_writes(c, seen) for c in _callees(fn))
    return seen[fn]


def _services() -> list[tuple[str, Callable[..., Any]]]:
    """Every public ``fn(db, actor, …)`` defined under laoshan_desk/services."""
    found = []
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            fn = inspect.unwrap(value)
            if fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if len(params) >= 2 and params[0] in ("db", "desk", "hub") and params[1] == "actor":
                found.append((f"{module.__name__}.{name}", fn))
    return found


def _now_is_keyword_only_and_required(fn: Callable[..., Any]) -> bool:
    now = inspect.signature(fn).parameters.get("now")
    return now is not None and now.kind is inspect.Parameter.KEYWORD_ONLY and now.default is inspect.Parameter.empty


def test_every_write_service_takes_now_keyword_only_and_required() -> None:
    seen: dict[Any, bool] = {}
    services = _services()
    writers = [name for name, fn in services if _writes(fn, seen)]
    # The finder finds: the services everyone knows write are among the writers.
    for known in (
        "laoshan_desk.services.appeals.intake.intake",
        "laoshan_desk.services.calendar.set_override",
        "laoshan_desk.services.calendar.import_overrides",
        "laoshan_desk.services.org.rename_unit",
        "laoshan_desk.services.drafts.save",
    ):
        assert known in writers, known
    assert len(writers) > 80, len(writers)
    bad = [
        f"{name}{inspect.signature(fn)}"
        for name, fn in services
        if name in writers and name not in (*EXEMPT, UNIT_OF_WORK) and not _now_is_keyword_only_and_required(fn)
    ]
    assert bad == [], "write services without a keyword-only, required now:\n" + "\n".join(bad)
    assert set(EXEMPT) <= set(writers), "an exemption for a function that no longer writes"
    now = inspect.signature(dict(services)[UNIT_OF_WORK]).parameters["now"]
    assert now.default is inspect.Parameter.empty, "unit_of_work must not fall back to the clock"


def _clock_reads(source: str, names: dict[str, Any], label: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Load):
            target = _resolve(node, names)
            if target is not None and any(target == clock for clock in _CLOCKS):
                found.append(f"{label}:{node.lineno} {ast.unparse(node)}")
    return found


def test_no_service_reads_the_system_clock() -> None:
    modules = _modules()
    assert len(modules) > 50
    found = [read for m in modules for read in _clock_reads(inspect.getsource(m), vars(m), m.__name__)]
    assert found == [], "services reading the clock (take now= from the caller):\n" + "\n".join(found)


def test_no_domain_rule_reads_the_system_clock() -> None:
    """The domain is pure: a rule that needs today is given it (an ID's birth date "not after
    today", a case number's year). ``timeutil.now`` is the clock itself, for the callers."""
    modules = [m for m in _modules(domain_package) if m is not timeutil]
    assert len(modules) > 30
    found = [read for m in modules for read in _clock_reads(inspect.getsource(m), vars(m), m.__name__)]
    assert found == [], "domain rules reading the clock (take today/now from the caller):\n" + "\n".join(found)


def test_the_clock_finder_finds_a_clock() -> None:
    source = "def f():\n    return dt.datetime.now(TZ), clock_now(), time.perf_counter()\n"
    names = {"dt": dt, "clock_now": timeutil.now, "time": time, "TZ": timeutil.TZ}
    assert _clock_reads(source, names, "probe") == ["probe:2 dt.datetime.now", "probe:2 clock_now"]


def test_the_caller_s_now_is_the_audit_time(db, admin):
    """The services that took no ``now`` before: each records the time it is given, not the clock's."""
    import uuid

    from laoshan_desk.services import audit, calendar, org

    base = dt.datetime(2031, 3, 4, 9, 0, tzinfo=timeutil.TZ)
    street = org.units(db, "street")[0]
    steps: list[tuple[str, Callable[[dt.datetime], object]]] = [
        (
            "create",
            lambda now: calendar.set_override(
                db, admin, calendar.OverrideForm(dt.date(2031, 3, 8), True, "调休"), now=now
            ),
        ),
        ("update", lambda now: calendar.confirm_year(db, admin, calendar.YearConfirmation(2031), now=now)),
        (
            "delete",
            lambda now: calendar.remove_override(db, admin, calendar.OverrideRemoval(dt.date(2031, 3, 8)), now=now),
        ),
        ("update", lambda now: org.rename_unit(db, admin, org.RenameForm(street.id, street.name + "（新）"), now=now)),
        ("update", lambda now: org.set_unit_active(db, admin, org.ActiveForm(street.id, True), now=now)),
        (
            "create",
            lambda now: org.add_unit(
                db, admin, org.NewUnitForm("community", "测试社区", uuid.uuid4().hex[:12], street.id), now=now
            ),
        ),
        ("print", lambda now: audit.record(db, admin, "print", "notice", None, "打印", now=now)),
    ]
    for minutes, (action, step) in enumerate(steps):
        now = base + dt.timedelta(minutes=minutes)
        step(now)
        newest = audit.page(db, admin, limit=1)[0][0]
        assert (newest.action, newest.at) == (action, now)
