"""What a sync pulls for the street after the desk was linked, item by item (docs/hall.md, "How a
change travels", 3): appeals newly dispatched to the street, the status of those it has, the org
tree, the calendar (and the limits it moved), the users of the street (and the others' without a
password), the proxy-service catalog — and nothing of another street's appeals. A second sync
changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, calendar, org, sync
from laoshan_desk.services.appeals.seed import reference
from laoshan_desk.services.sync.rows import NO_PASSWORD
from laoshan_desk.store.models import User
from tests.hall.sync_support import NOW, PASSWORD, STREET, appeal_state, make_desk, make_hub, new_appeal, street_ids
from tests.hall.sync_support import version as version_of

pytestmark = pytest.mark.timeout(120)

DAY_OFF = dt.date(2026, 11, 30)  # a Monday, made a day off at the hub after the desk was linked


def test_a_sync_pulls_each_kind_of_thing_the_street_needs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=2)
    a0, _ = hall.appeal_ids
    h, admin = hall.clerk, hall.admin
    street = next(u for u in org.units(hall.db, "street") if u.name == STREET)
    other = next(u for u in org.units(hall.db, "street") if u.name != STREET)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        assert calendar.work_calendar(desk).is_workday(DAY_OFF)  # the desk's screens read it
        limit_before = svc.detail(desk, clerk, a0, now=NOW).completion_limit

        # At the hub, after the link: ...
        fresh = new_appeal(hall.db, h, street.id, "新派给本街道的诉求：井盖松动")  # a new appeal of the street
        foreign = new_appeal(hall.db, h, other.id, "别的街道的诉求：路灯不亮")  # and one of another street
        svc.finish(hall.db, h, svc.FinishForm(a0, version_of(hall.db, h, a0), "大厅：已修复"), now=NOW)  # status
        community = org.add_unit(  # the org tree
            hall.db, admin, org.NewUnitForm("community", "测试新社区", "SZK-NEW-01", street.id), now=NOW
        )
        calendar.set_override(
            hall.db, admin, calendar.OverrideForm(DAY_OFF, False, "临时调休"), now=NOW
        )  # the calendar
        auth.create_user(  # a user of the street, and one of another street
            hall.db, admin, auth.NewUserForm("szk3", "街道新人", Role.STREET_CLERK, PASSWORD, street.id), now=NOW
        )
        auth.create_user(
            hall.db, admin, auth.NewUserForm("other2", "别街道新人", Role.STREET_CLERK, PASSWORD, other.id), now=NOW
        )
        catalog = json.loads(reference.PROXY_FILE.read_text(encoding="utf-8"))  # the catalog, grown by an upgrade
        catalog["services"].append(
            {"code": "BDB999", "name": "测试新增帮办事项", "category": "测试", "materials": ["居民身份证"]}
        )
        grown = tmp_path / "proxy_services.json"
        grown.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(reference, "PROXY_FILE", grown)
        assert reference.load_reference(hall.db, admin, now=NOW)["proxy_services"] == 1

        report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert report.pushed.sent == 0 and report.pulled.appeals >= 2

        # Appeals dispatched to the street, and their status; the same rows as the hub's.
        assert svc.detail(desk, clerk, fresh, now=NOW).content == "新派给本街道的诉求：井盖松动"
        assert svc.detail(desk, clerk, a0, now=NOW).status == svc.detail(hall.db, h, a0, now=NOW).status
        assert appeal_state(desk) == appeal_state(hall.db, street_ids(hall.db))
        assert str(foreign) not in appeal_state(desk)["appeal"]
        # The org tree.
        assert community in {u.id for u in org.units(desk, "community", parent_id=street.id)}
        # The calendar: the desk's own screens see the day off at once, and the limits it moved.
        assert not calendar.work_calendar(desk).is_workday(DAY_OFF)
        moved = svc.detail(desk, clerk, hall.appeal_ids[1], now=NOW).completion_limit
        assert moved == svc.detail(hall.db, h, hall.appeal_ids[1], now=NOW).completion_limit
        assert limit_before is not None and moved is not None and moved > limit_before
        # Users: the street's new clerk logs in on the desk with the hub's password; another
        # street's user is there (the steps name it) but without a password.
        assert auth.login(desk, "szk3", PASSWORD, now=NOW).username == "szk3"
        with desk.session() as s:
            hashes = dict(s.execute(select(User.username, User.password_hash).where(User.username.like("%2"))).all())
        assert hashes["other2"] == NO_PASSWORD and hashes["szk2"] != NO_PASSWORD
        with pytest.raises(DeskError):
            auth.login(desk, "other2", PASSWORD, now=NOW)
        # The proxy-service catalog.
        assert "测试新增帮办事项" in {p.name for p in svc.proxy_services(desk, clerk)}

        again = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert (again.pushed.sent, again.pulled.changed_rows) == (0, 0)
    finally:
        desk.dispose()
        hall.db.dispose()


def test_an_appeal_that_leaves_the_streets_scope_at_the_hub_leaves_the_desk(tmp_path: Path) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    h = hall.clerk
    street = next(u for u in org.units(hall.db, "street") if u.name == STREET)
    other = next(u for u in org.units(hall.db, "street") if u.name != STREET)
    comm = org.units(hall.db, "community", parent_id=other.id)[0]
    form = svc.IntakeForm(
        kind="livelihood", channel="phone", content="跨街道的诉求", street_id=other.id, community_id=comm.id
    )
    lent = svc.intake(hall.db, h, form, now=NOW).id
    # Placed in another street, handled by this one: in the street's share.
    svc.dispatch(hall.db, h, svc.DispatchForm(lent, version_of(hall.db, h, lent), "street", street.id), now=NOW)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        assert str(lent) in appeal_state(desk)["appeal"]
        # 改派 at the hall to the street it is placed in: no longer this street's.
        svc.dispatch(
            hall.db, h, svc.DispatchForm(lent, version_of(hall.db, h, lent), "street", other.id, "属地调整"), now=NOW
        )
        sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert str(lent) not in appeal_state(desk)["appeal"]
        assert appeal_state(desk) == appeal_state(hall.db, street_ids(hall.db))
        again = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        assert (again.pushed.sent, again.pulled.changed_rows) == (0, 0)
    finally:
        desk.dispose()
        hall.db.dispose()
