"""The same schema and services on a real PostgreSQL server (the hall's shared database).

The server is started by the test set-up (tests/pg_server.py) when PostgreSQL is installed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from tests import pg_server
from tests.conftest import FIXED_NOW

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

pytestmark = pytest.mark.skipif(
    pg_server.server_bin() is None, reason="PostgreSQL server not installed (apt-get install postgresql)"
)


@pytest.fixture(scope="module")
def pg_db():
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    with pg_server.running_server() as url:
        db = bootstrap.open_database(url)
        bootstrap.init(db, system_actor("test"), now=FIXED_NOW)
        yield db
        db.dispose()


def test_migrations_reach_every_head(pg_db):
    from laoshan_desk.store import migrate

    assert pg_db.dialect == "postgresql"
    assert migrate.current_revisions(pg_db) == migrate.head_revisions(pg_db)


def test_reference_data_and_login(pg_db):
    from laoshan_desk.services import auth, org

    assert org.counts(pg_db)["grids"] == 863
    admin = auth.create_first_admin(pg_db, auth.FirstAdminForm("admin", "管理员", "Desk2026secure"), now=NOW)
    with pytest.raises(auth.LoginFailed):
        auth.login(pg_db, "admin", "wrong-password1", now=NOW)
    assert auth.login(pg_db, "admin", "Desk2026secure", now=NOW).user_id == admin.user_id


def test_audit_chain_and_aware_times(pg_db):
    from laoshan_desk.services import audit, calendar
    from laoshan_desk.services.context import system_actor

    actor = system_actor("test")
    calendar.set_override(pg_db, actor, calendar.OverrideForm(dt.date(2027, 2, 20), True, "调休"), now=FIXED_NOW)
    assert calendar.work_calendar(pg_db).is_workday(dt.date(2027, 2, 20))
    report = audit.verify_chain(pg_db, actor, now=NOW)
    assert report.ok, report.message
    rows, _ = audit.page(pg_db, actor, limit=1)
    assert rows[0].at.utcoffset() == dt.timedelta(hours=8)


def test_numeric_money_roundtrips_exactly(pg_db):
    with pg_db.engine.connect() as c:
        assert c.execute(text("SELECT CAST('1200000.05' AS NUMERIC(16,2))")).scalar() == Decimal("1200000.05")


DEMO_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def pg_demo():
    """A second server with the demo data of every tab, loaded through the services."""
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor

    with pg_server.running_server() as url:
        db = bootstrap.open_database(url)
        # The demo is laid out around a fixed "today", as the queries below are asked.
        bootstrap.init(db, system_actor("test"), demo=True, now=DEMO_NOW)
        yield db
        db.dispose()


def test_every_tab_works_on_postgresql(pg_demo):
    from laoshan_desk.services import approvals, preservation
    from laoshan_desk.services.appeals import queue as appeals_queue
    from laoshan_desk.services.appeals import stats as appeals_stats
    from laoshan_desk.services.appeals.queue import QueueFilter
    from laoshan_desk.services.context import system_actor

    actor = system_actor("test")
    now = DEMO_NOW
    # 崂先办诉求: the queue (search falls back to LIKE here), lights in SQL, statistics.
    everything = appeals_queue.count(pg_demo, actor, QueueFilter(scope="all"), now=now)
    assert everything >= 3000
    wages = appeals_queue.page(pg_demo, actor, QueueFilter(scope="all", text="工资"), now=now, limit=20)
    assert wages and all("工资" in (row.content or "") for row in wages)
    red = appeals_queue.count(pg_demo, actor, QueueFilter(scope="all", light="red"), now=now)
    assert 0 < red < everything
    stats = appeals_stats.statistics(pg_demo, actor, now=now)
    assert stats.received == everything and 0 < stats.finished <= stats.received
    assert appeals_stats.ranking(pg_demo, actor, now=now)
    # 审批点菜单: the projects with their lights and the morning dispatch.
    projects = approvals.list_projects(pg_demo, actor, today=now.date())
    assert len(projects) >= 4
    assert approvals.dispatch(pg_demo, actor, today=now.date()).rows
    # 财产保全审查: Company A's exposure, summed in SQL.
    company_a = max(preservation.list_respondents(pg_demo, actor), key=lambda r: r.cases)
    exposure = preservation.respondent_exposure(pg_demo, actor, company_a.id, now=now)
    assert exposure.cases == 185 and exposure.rulings == 133
    assert exposure.ruled_total == Decimal("608000000.00")
