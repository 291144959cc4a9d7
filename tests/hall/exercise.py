"""The hall's counters at work: processes changing the same appeals on one PostgreSQL server.

Used by tests/hall/test_hall_concurrency.py (about 15 seconds) and bench/hall_bench.py (a minute).
Each worker logs in as a hall clerk and, until its time is up, picks one of the shared appeals
and adds a progress note with the version it read (the stale-record message when another counter
saved first), now and then registers a new appeal (an appeal number), supervises one (a notice
number) or takes in an approval project (a project number). It returns what was accepted and
what was refused, so the caller can check every accepted change against the final rows and the
audit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time
import uuid
from typing import Any

from laoshan_desk.domain.timeutil import TZ

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
CLERK = "hallclerk"
PASSWORD = "Clerk2026pass"
SHARED = 100


@dataclasses.dataclass
class Outcome:
    """What one worker did (plain data, so it crosses process boundaries)."""

    worker: int
    accepted: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (appeal id, note)
    refusals: list[str] = dataclasses.field(default_factory=list)  # the messages, one per refusal
    appeal_numbers: list[str] = dataclasses.field(default_factory=list)
    notices: list[str] = dataclasses.field(default_factory=list)  # supervision ids
    projects: list[str] = dataclasses.field(default_factory=list)  # project ids


def intake_form(db: Any, content: str) -> Any:
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import org

    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    return svc.IntakeForm(
        kind="livelihood",
        channel="phone",
        appellant="张三",
        phone="138 0532 1234",
        content=content,
        street_id=street.id,
        community_id=comm.id,
        grid_id=grid.id,
    )


def prepare(db: Any, admin: Any) -> list[str]:
    """The hall clerk and the shared appeals, each taken into handling; returns their ids."""
    from laoshan_desk.domain.roles import Role
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import auth, org

    auth.create_user(db, admin, auth.NewUserForm(CLERK, "大厅窗口", Role.WINDOW_CLERK, PASSWORD), now=NOW)
    clerk = auth.login(db, CLERK, PASSWORD, now=NOW)
    unit = org.units(db, "street")[0]
    ids = []
    for i in range(SHARED):
        ref = svc.intake(db, clerk, intake_form(db, f"共享诉求第{i}号：路灯不亮，夜间出行不便"), now=NOW)
        v = svc.detail(db, clerk, ref.id, now=NOW).version
        svc.dispatch(db, clerk, svc.DispatchForm(ref.id, v, "street", unit.id), now=NOW)
        v = svc.detail(db, clerk, ref.id, now=NOW).version
        svc.respond(db, clerk, svc.NoteForm(ref.id, v, "已联系诉求人"), now=NOW)
        v = svc.detail(db, clerk, ref.id, now=NOW).version
        svc.progress(db, clerk, svc.NoteForm(ref.id, v, "开始办理"), now=NOW)
        ids.append(str(ref.id))
    return ids


def work(
    url: str, worker: int, appeal_ids: list[str], seconds: float, seed: int, start: Any = None, least: int = 12
) -> Outcome:
    """One counter for ``seconds`` (and at least ``least`` actions): returns what it did (run in
    a process of its own).

    ``start`` is a barrier every worker waits at once logged in, so that they all work at once;
    between reading an appeal and saving, the clerk looks at the screen for a few milliseconds, and
    a third of the work lands on three of the appeals.
    """
    from laoshan_desk.domain.errors import ConflictError
    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services import approvals, auth
    from laoshan_desk.services.bootstrap import open_database

    rng = random.Random(seed)
    db = open_database(url)
    clerk = auth.login(db, CLERK, PASSWORD, now=NOW)
    out = Outcome(worker)
    if start is not None:
        start.wait(120)
    deadline = time.monotonic() + seconds
    i = 0
    try:
        while time.monotonic() < deadline or i < least:
            i += 1
            roll = rng.random()
            # A third of the work lands on three appeals everyone is busy with (a hot spot).
            appeal_id = uuid.UUID(rng.choice(appeal_ids[:3] if rng.random() < 0.35 else appeal_ids))
            version = svc.detail(db, clerk, appeal_id, now=NOW).version
            time.sleep(rng.uniform(0, 0.03))
            try:
                if roll < 0.80:
                    note = f"第{worker}号窗口第{i}次进展"
                    svc.progress(db, clerk, svc.NoteForm(appeal_id, version, note), now=NOW)
                    out.accepted.append((str(appeal_id), note))
                elif roll < 0.90:
                    ref = svc.intake(db, clerk, intake_form(db, f"第{worker}号窗口第{i}次受理：噪音扰民"), now=NOW)
                    out.appeal_numbers.append(ref.number)
                elif roll < 0.95:
                    sid = svc.supervise(db, clerk, svc.SuperviseForm(appeal_id, version), now=NOW)
                    out.notices.append(str(sid))
                else:
                    data = approvals.ProjectInput(
                        name=f"第{worker}号窗口项目{i}",
                        enterprise="青岛示例有限公司",
                        credit_code="91370212MA3U8KW28P",
                        street="沙子口街道",
                        start_date=NOW.date(),
                        target_date=NOW.date() + dt.timedelta(days=60),
                        items=[approvals.OrderLine("A", "must_do", "示例", name="事项A", days=5)],
                    )
                    out.projects.append(str(approvals.create_project(db, clerk, data, now=NOW)))
            except ConflictError as exc:
                out.refusals.append(exc.message)
    finally:
        db.dispose()
    return out
