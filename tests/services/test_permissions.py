"""One table of who may call which public service, and one test that calls each as every role.

Every public function of every module under ``laoshan_desk/services`` is discovered (the areas'
too). One that takes an ``actor`` must be in the table's ``PERMISSIONS`` or ``HELPERS``
(``tests/services/permission_table.py``); one that takes a database but no actor must be in
``NO_ACTOR`` with the reason. Each function in ``PERMISSIONS`` is then called as each of the eight
roles with placeholder arguments: a role the table refuses must get PermissionDenied before
anything else happens (a placeholder used first fails the test); a role it allows must not.

A write service registered for sync (``services/uow.py`` ``recorded``) is called unwrapped: the
wrapper only gives the form a new record's id before the call, and reads nothing.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

import laoshan_desk.services as services_package
from laoshan_desk.domain.errors import PermissionDenied
from laoshan_desk.domain.roles import Role, can, visible_areas
from laoshan_desk.services.context import Actor
from tests.conftest import FIXED_NOW
from tests.services.permission_table import ANY_AREA, HELPERS, NO_ACTOR, OPEN, PERMISSIONS, Rule


class Probe:
    """A placeholder argument: any use of it fails, so only a check made first can pass."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"argument used before the permission check ({name})")


@cache
def public_functions() -> dict[str, Callable[..., Any]]:
    """``"appeals.handling.dispatch"`` → the function, for each public function a module defines."""
    found: dict[str, Callable[..., Any]] = {}
    prefix = services_package.__name__ + "."
    for info in pkgutil.walk_packages(services_package.__path__, prefix):
        module = importlib.import_module(info.name)
        for fn_name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn_name.startswith("_") or fn.__module__ != module.__name__:
                continue  # private, or imported from elsewhere (found where it is defined)
            found[f"{info.name.removeprefix(prefix)}.{fn_name}"] = fn
    return found


def allows(rule: Rule, role: Role) -> bool:
    if rule == OPEN:
        return True
    if rule == ANY_AREA:
        return bool(visible_areas(role))
    if isinstance(rule, frozenset):
        return role in rule
    if isinstance(rule, tuple):
        return any(can(role, permission) for permission in rule)
    return can(role, rule)


def _actor(role: Role) -> Actor:
    return Actor(uuid.uuid4(), f"probe-{role.value}", "探测", role, uuid.uuid4(), uuid.uuid4(), "探测单位")


def _arguments(fn: Callable[..., Any], db: Any, actor: Actor) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(fn).parameters.items():
        if param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            continue
        if name == "db":
            kwargs[name] = db
        elif name == "actor":
            kwargs[name] = actor
        elif name == "now":
            kwargs[name] = FIXED_NOW
        elif param.default is param.empty:
            kwargs[name] = Probe()
    return kwargs


def test_every_public_function_is_in_the_table():
    functions = public_functions()
    assert len(functions) > 400  # the walk found the areas' modules too

    def params(name: str) -> set[str]:
        return set(inspect.signature(functions[name]).parameters)

    takes_actor = {name for name in functions if "actor" in params(name)}
    unlisted = sorted(takes_actor - set(PERMISSIONS) - set(HELPERS))
    assert unlisted == [], f"add these to PERMISSIONS (or HELPERS): {unlisted}"
    opens_database = {name for name in functions if "db" in params(name)} - takes_actor
    unexplained = sorted(opens_database - set(NO_ACTOR))
    assert unexplained == [], f"add these to NO_ACTOR with the reason they need no actor: {unexplained}"
    stale = sorted((set(PERMISSIONS) | set(HELPERS) | set(NO_ACTOR)) - set(functions))
    assert stale == [], f"the table names functions that are gone: {stale}"
    twice = sorted(set(PERMISSIONS) & set(HELPERS))
    assert twice == [], f"listed both as a service and as a helper: {twice}"


@pytest.fixture(scope="module")
def probe_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One initialised database for all the probes: a refused call touches nothing, and an
    allowed one fails on its placeholders before it writes."""
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    path = tmp_path_factory.mktemp("permissions") / "probe.sqlite3"
    db = bootstrap.open_database(f"sqlite:///{path}")
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
    yield db
    db.dispose()


CASES = [(name, role) for name in sorted(PERMISSIONS) for role in Role]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r.value}" for n, r in CASES])
def test_each_service_refuses_exactly_the_roles_the_table_refuses(probe_db, name, role):
    fn = inspect.unwrap(public_functions()[name])
    rule = PERMISSIONS[name]
    allowed = allows(rule, role)
    try:
        fn(**_arguments(fn, probe_db, _actor(role)))
    except PermissionDenied:
        assert not allowed, f"{name} refused {role.value}, which {rule} allows"
        return
    except AssertionError as exc:
        if allowed:
            return  # past the check, the placeholder arguments fail: that is expected
        raise AssertionError(f"{name} used its arguments before refusing {role.value}: {exc}") from None
    except Exception:  # noqa: BLE001 - past the check, the placeholder arguments fail: that is expected
        pass
    assert allowed, f"{name} did not refuse {role.value} ({rule})"
