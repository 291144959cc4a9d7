"""Eight counters on one PostgreSQL server change the same 100 appeals at once.

Every accepted change is in the final rows and in the audit, every refusal is the stale-record
message, no appeal, notice or project number is handed out twice, and the audit chain is one
verifiable chain afterwards.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from tests.conftest import ADMIN_PASSWORD, FIXED_NOW
from tests.hall import exercise
from tests.hall.conftest import requires_pg

pytestmark = [requires_pg, pytest.mark.timeout(300)]

WORKERS = 8
SECONDS = float(os.environ.get("LAOSHAN_HALL_SECONDS", "15"))


def test_eight_counters_lose_nothing(pg_url):
    from laoshan_desk.domain.appeals.steps import EventAction
    from laoshan_desk.services import audit, auth, bootstrap
    from laoshan_desk.services.appeals.common import STALE
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.store.models import AuditRecord
    from laoshan_desk.store.models.appeals import Appeal, AppealEvent, AppealSupervision
    from laoshan_desk.store.models.approvals import ApprovalProject

    db = bootstrap.open_database(pg_url)
    bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", ADMIN_PASSWORD), now=exercise.NOW)
    ids = exercise.prepare(db, admin)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        start = manager.Barrier(WORKERS)
        futures = [pool.submit(exercise.work, pg_url, w, ids, SECONDS, 1000 + w, start) for w in range(WORKERS)]
        outcomes = [f.result() for f in futures]

    accepted = [change for o in outcomes for change in o.accepted]
    refusals = [message for o in outcomes for message in o.refusals]
    assert accepted and refusals, "the counters must have met each other on the busy appeals"
    assert set(refusals) == {STALE}
    with db.session() as s:
        notes = collections.Counter(
            (str(appeal_id), note)
            for appeal_id, note in s.execute(
                select(AppealEvent.appeal_id, AppealEvent.note).where(AppealEvent.action == EventAction.PROGRESS.value)
            )
        )
        audited = collections.Counter(
            s.scalars(select(AuditRecord.summary).where(AuditRecord.summary.like("%办理进展：第%"))).all()
        )
        numbers = {str(a.id): a.number for a in s.scalars(select(Appeal))}
        # Every accepted note is stored once, and nothing that was refused was stored.
        for change in accepted:
            assert notes[change] == 1, change
            assert audited[f"{numbers[change[0]]} 办理进展：{change[1]}"] == 1, change
        assert sum(notes.values()) == len(accepted) + len(ids)  # + the first "开始办理" of each
        appeal_numbers = [n for o in outcomes for n in o.appeal_numbers]
        assert len(appeal_numbers) == len(set(appeal_numbers)) and appeal_numbers
        assert s.scalar(select(func.count()).select_from(Appeal)) == len(ids) + len(appeal_numbers)
        notices = s.scalars(select(AppealSupervision.notice_number)).all()
        assert len(notices) == len({n for o in outcomes for n in o.notices}) == len(set(notices))
        projects = s.scalars(select(ApprovalProject.number)).all()
        assert len(projects) == len({p for o in outcomes for p in o.projects}) == len(set(projects))
    report = audit.verify_chain(db, admin, now=exercise.NOW)
    assert report.ok, report.message
    db.dispose()
