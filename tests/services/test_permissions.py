"""One table of who may call which public service, and one test that calls each as every role.

Every public function of the modules in :data:`MODULES` is discovered. One that takes an
``actor`` must be in :data:`PERMISSIONS` (the permission it needs, as ``domain/roles.py``
grants it; :data:`OPEN` for what every logged-in user may do to their own things) or in
:data:`HELPERS` (it takes the caller's actor, the calling service checked); one without an
actor must be in :data:`NO_ACTOR` with the reason. Each listed function is then called as each
of the eight roles with placeholder arguments: a role the table refuses must get
PermissionDenied before anything else happens; a role it allows must not.

An area adds its services by listing its modules in MODULES and its functions in the tables.
"""

from __future__ import annotations

import importlib
import inspect
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from laoshan_desk.domain.errors import PermissionDenied
from laoshan_desk.domain.roles import Role, can
from laoshan_desk.services.context import Actor
from tests.conftest import FIXED_NOW

OPEN = "open"  # every logged-in role: its own password, drafts, the record of its own prints

MODULES = [
    "laoshan_desk.services.auth",
    "laoshan_desk.services.audit",
    "laoshan_desk.services.backup",
    "laoshan_desk.services.calendar",
    "laoshan_desk.services.org",
    "laoshan_desk.services.settings",
    "laoshan_desk.services.drafts",
    "laoshan_desk.services.printing",
    "laoshan_desk.services.imports",
    "laoshan_desk.services.demo",
    "laoshan_desk.services.bootstrap",
    "laoshan_desk.services.health",
    "laoshan_desk.services.sync.conflicts",
    "laoshan_desk.services.sync.link",
    "laoshan_desk.services.sync.street_login",
    "laoshan_desk.services.sync.outbox",
]

PERMISSIONS: dict[str, str] = {
    "auth.list_users": "admin.view",
    "auth.create_user": "admin.edit",
    "auth.update_user": "admin.edit",
    "auth.reset_password": "admin.edit",
    "auth.unlock_user": "admin.edit",
    "auth.change_own_password": OPEN,
    "auth.unlock_session": OPEN,
    "audit.page": "audit.view",
    "audit.records_for": "audit.view",
    "audit.verify_chain": "audit.view",
    "audit.record": OPEN,
    "backup.backup": "admin.edit",
    "backup.check_restore": "admin.edit",
    "backup.restore": "admin.edit",
    "calendar.set_override": "admin.edit",
    "calendar.remove_override": "admin.edit",
    "calendar.confirm_year": "admin.edit",
    "calendar.import_overrides": "admin.edit",
    "org.load_reference": "admin.edit",
    "org.add_unit": "admin.edit",
    "org.rename_unit": "admin.edit",
    "org.set_unit_active": "admin.edit",
    "settings.update": "admin.edit",
    "drafts.save": OPEN,
    "drafts.load": OPEN,
    "drafts.discard": OPEN,
    "printing.record_output": OPEN,
    "demo.load_reference": "admin.edit",
    "demo.load_demo": "admin.edit",
    "demo.real_work": "admin.view",
    "demo.refuse_real_database": "admin.edit",
    "bootstrap.init": "admin.edit",
    "conflicts.open_conflicts": "appeals.view",
    "conflicts.count_open": "appeals.view",
    "conflicts.resolve": "appeals.edit",
    "link.link": "admin.edit",
    "link.unlink": "admin.edit",
    "street_login.add_street_login": "admin.edit",
    "link.sync_now": OPEN,  # sends this desk's outbox; the hub checks each change as its own user
    "outbox.status": OPEN,
}

HELPERS = {
    "imports.commit_in_batches": "writes for the import service that called it, which checked the actor",
}

NO_ACTOR = {
    "auth.create_first_admin": "first run only: refused once an admin exists",
    "auth.login": "before login there is no actor",
    "auth.needs_first_admin": "before login",
    "auth.hash_password": "pure",
    "calendar.calendar_in": "inside another service's unit of work (a calendar change, an import)",
    "calendar.check_override": "pure validator",
    "calendar.recompute_deadlines": "inside the calendar change's unit of work, after its permission check",
    "calendar.list_overrides": "the working-day calendar every tab reads",
    "calendar.warnings": "the status bar of every role",
    "calendar.work_calendar": "the calendar every deadline uses",
    "org.counts": "reference data every role reads",
    "org.find_unit": "reference data every role reads",
    "org.grids": "reference data every role reads",
    "org.units": "reference data every role reads",
    "settings.check": "pure validator",
    "settings.get": "settings every role's screens read",
    "settings.load": "settings every role's screens read",
    "settings.read": "inside another service's session",
    "settings.read_settings": "inside another service's session",
    "settings.spec": "pure",
    "imports.batches": "pure",
    "imports.too_long": "pure",
    "demo.is_demo_database": "a flag for the window title",
    "bootstrap.open_database": "start-up, before login",
    "bootstrap.upgrade_schema": "start-up, before login",
    "health.describe": "the status bar",
    "health.is_embedded": "the status bar",
    "health.keep_alive": "the window's lease",
    "health.ping": "the status bar",
    "link.connect": "opens the hub's database for link/sync, which checked the actor",
    "link.hub_login_problem": "asks the hub about the login in its URL, for link, which checks the actor",
    "outbox.link_of": "inside the sync's own session",
    "outbox.files_of": "the files a call attached, read inside its own unit of work",
    "outbox.message_of": "turns an outbox row into a message, inside the sync",
    "outbox.pending": "inside the sync's own session",
}


class Probe:
    """A placeholder argument: any use of it fails, so only a check made first can pass."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"argument used before the permission check ({name})")


def public_functions() -> dict[str, Callable[..., Any]]:
    found = {}
    for name in MODULES:
        module = importlib.import_module(name)
        short = name.rsplit(".", 1)[-1]
        for fn_name, fn in inspect.getmembers(module, inspect.isfunction):
            # A package's own (its __init__ re-exports what its modules define): services/auth/.
            own = fn.__module__ == module.__name__ or fn.__module__.startswith(module.__name__ + ".")
            if own and not fn_name.startswith("_"):
                found[f"{short}.{fn_name}"] = fn
    return found


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
    takes_actor = {n for n, fn in functions.items() if "actor" in inspect.signature(fn).parameters}
    unlisted = sorted(takes_actor - set(PERMISSIONS) - set(HELPERS))
    assert unlisted == [], f"add these to PERMISSIONS (or HELPERS): {unlisted}"
    unclassified = sorted(set(functions) - takes_actor - set(NO_ACTOR))
    assert unclassified == [], f"add these to NO_ACTOR with the reason they need no actor: {unclassified}"
    stale = sorted((set(PERMISSIONS) | set(HELPERS) | set(NO_ACTOR)) - set(functions))
    assert stale == [], f"the table names functions that are gone: {stale}"


CASES = [(name, role) for name in sorted(PERMISSIONS) for role in Role]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r.value}" for n, r in CASES])
def test_each_service_refuses_exactly_the_roles_the_table_refuses(db, name, role):
    fn = public_functions()[name]
    permission = PERMISSIONS[name]
    allowed = permission == OPEN or can(role, permission)
    try:
        fn(**_arguments(fn, db, _actor(role)))
    except PermissionDenied:
        assert not allowed, f"{name} refused {role.value}, which {permission} allows"
        return
    except Exception:  # noqa: BLE001 - past the check, the placeholder arguments fail: that is expected
        pass
    assert allowed, f"{name} did not refuse {role.value} ({permission})"
