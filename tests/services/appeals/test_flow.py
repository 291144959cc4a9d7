"""Appeals services: intake to close, clocks stored on the row, scope, outbox, supervision."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from laoshan_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue, sms
from laoshan_desk.services.appeals.queue import QueueFilter
from laoshan_desk.services.context import system_actor
from tests import pg_server
from tests.conftest import FIXED_NOW


def v(db, appeal_id):  # type: ignore[no-untyped-def]
    """The version the detail screen shows (what a screen passes with every write)."""
    return svc.detail(db, system_actor("test"), appeal_id, now=FIXED_NOW).version


def at(day: str, hm: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {hm}").replace(tzinfo=TZ)


@pytest.fixture
def place(db):  # type: ignore[no-untyped-def]
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    grid = org.grids(db, comm.id)[0]
    other_street = org.units(db, "street")[1]
    return street, comm, grid, other_street


def form(place, **kw):  # type: ignore[no-untyped-def]
    street, comm, grid, _ = place
    base = dict(
        kind="livelihood",
        channel="phone",
        appellant="张三",
        phone="138 0532 1234",
        content="小区门口垃圾桶满溢多日无人清运，异味严重",
        street_id=street.id,
        community_id=comm.id,
        grid_id=grid.id,
    )
    base.update(kw)
    return svc.IntakeForm(**base)


def test_intake_to_close_with_extension_suspension_and_reopen(db, admin, make_user, place, fixed_now):
    street, comm, grid, _ = place
    leader = make_user(Role.LEADER)
    ref = svc.intake(db, admin, form(place), now=fixed_now)
    assert ref.number == "LS202611250001"
    d = svc.detail(db, admin, ref.id, now=fixed_now)
    assert d.status == "received" and d.phone == "138****1234"
    assert d.response_limit == at("2026-11-25", "14:00")
    assert "dispatch" in d.actions and "finish" not in d.actions

    with pytest.raises(ValidationError) as err:
        svc.finish(db, admin, svc.FinishForm(ref.id, v(db, ref.id), "办完了"), now=fixed_now)
    assert err.value.field == "status"

    svc.dispatch(
        db,
        admin,
        svc.DispatchForm(ref.id, v(db, ref.id), "community", comm.id),
        now=fixed_now + dt.timedelta(minutes=10),
    )
    d = svc.detail(db, admin, ref.id, now=fixed_now)
    assert d.completion_limit == dt.date(2026, 11, 27)  # Wed + 2 working days
    svc.respond(db, admin, svc.NoteForm(ref.id, v(db, ref.id), "已联系诉求人"), now=fixed_now + dt.timedelta(hours=1))
    assert svc.detail(db, admin, ref.id, now=fixed_now).status == "responded"

    # Extension: requested, approved by a leader, replaces the limit.
    ext = svc.request_extension(
        db,
        admin,
        svc.ExtensionRequestForm(ref.id, v(db, ref.id), dt.date(2026, 12, 2), "需协调物业公司"),
        now=at("2026-11-25", "11:05"),
    )
    with pytest.raises(PermissionDenied):
        svc.decide_extension(
            db,
            make_user(Role.STREET_CLERK, unit_id=street.id),
            svc.DecisionForm(ext, v(db, ref.id), True),
            now=fixed_now,
        )
    svc.decide_extension(db, leader, svc.DecisionForm(ext, v(db, ref.id), True), now=at("2026-11-25", "11:30"))
    assert svc.detail(db, admin, ref.id, now=fixed_now).completion_limit == dt.date(2026, 12, 2)

    # Suspended Thu 26th 10:00 .. Mon 30th 15:00: 14 h + 24 h + 15 h of working time, two whole
    # working days, move the limit from Wed 2 to Fri 4 Dec (docs/rules.md §appeals-clocks).
    susp = svc.request_suspension(
        db,
        admin,
        svc.SuspensionRequestForm(ref.id, v(db, ref.id), "appellant", "等待诉求人提供照片"),
        now=at("2026-11-26", "09:00"),
    )
    svc.decide_suspension(db, leader, svc.DecisionForm(susp, v(db, ref.id), True), now=at("2026-11-26", "10:00"))
    d = svc.detail(db, admin, ref.id, now=at("2026-11-27"))
    assert d.status == "suspended" and d.clock.completion_text == "已挂起"
    svc.resume(db, admin, svc.NoteForm(ref.id, v(db, ref.id)), now=at("2026-11-30", "15:00"))
    d = svc.detail(db, admin, ref.id, now=at("2026-11-30", "16:00"))
    assert d.status == "in_progress" and d.completion_limit == dt.date(2026, 12, 4)

    svc.finish(db, admin, svc.FinishForm(ref.id, v(db, ref.id), "已协调物业清运垃圾"), now=at("2026-12-03", "16:00"))
    d = svc.detail(db, admin, ref.id, now=at("2026-12-03", "17:00"))
    assert d.status == "finished" and d.clock.completion_text == "按期办结"
    rows, total = sms.outbox(db, admin)
    assert total == 1 and rows[0].state == "queued" and "LS202611250001" in rows[0].text

    # Dissatisfied: reopen, finish again, satisfied, close.
    svc.visit(
        db,
        admin,
        svc.VisitForm(ref.id, v(db, ref.id), "dissatisfied", "垃圾又堆满了", reopen=True),
        now=at("2026-12-04"),
    )
    d = svc.detail(db, admin, ref.id, now=at("2026-12-04", "11:00"))
    assert d.status == "in_progress" and d.finished_at is None and d.completion_limit == dt.date(2026, 12, 8)
    svc.finish(db, admin, svc.FinishForm(ref.id, v(db, ref.id), "已增加清运频次"), now=at("2026-12-07"))
    svc.visit(db, admin, svc.VisitForm(ref.id, v(db, ref.id), "satisfied"), now=at("2026-12-07", "15:00"))
    svc.close(db, admin, svc.NoteForm(ref.id, v(db, ref.id)), now=at("2026-12-08"))
    d = svc.detail(db, admin, ref.id, now=at("2026-12-08"))
    assert d.status == "closed" and d.satisfaction == "satisfied"
    actions = [e.action for e in d.events]
    assert actions[:3] == ["intake", "dispatch", "respond"] and actions[-1] == "close"
    assert all(e.username for e in d.events) and "reopen" in actions
    with pytest.raises(ValidationError):
        svc.respond(db, admin, svc.NoteForm(ref.id, v(db, ref.id)), now=at("2026-12-09"))


def test_validation_messages_name_the_field(db, admin, place, fixed_now):
    _, comm, grid, other = place
    cases = [
        (dict(content=""), "content"),
        (dict(phone="12345"), "phone"),
        (dict(street_id=other.id), "community"),
        (dict(kind="development"), "enterprise"),
        (dict(kind="enforcement", channel="phone"), "channel"),
        (dict(street_id=None), "street"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as err:
            svc.intake(db, admin, form(place, **changes), now=fixed_now)
        assert err.value.field == field, changes
    # Anonymous appeals need no name or phone.
    ref = svc.intake(db, admin, form(place, appellant="", phone=""), now=fixed_now)
    assert svc.detail(db, admin, ref.id, now=fixed_now).appellant == "匿名"


def test_duplicate_warning_and_merge(db, admin, place, fixed_now):
    first = svc.intake(db, admin, form(place), now=fixed_now - dt.timedelta(days=2))
    again = form(place, content="我们小区门口的垃圾桶满了好几天没人清运，有异味")
    dups = svc.find_possible_duplicates(db, admin, again, now=fixed_now)
    assert [d.number for d in dups] == [first.number] and "同一电话" in dups[0].reasons
    assert svc.find_possible_duplicates(db, admin, again, now=fixed_now + dt.timedelta(days=8)) == []
    second = svc.intake(db, admin, dataclasses.replace(again, merge_into=first.id), now=fixed_now)
    d = svc.detail(db, admin, second.id, now=fixed_now)
    assert d.status == "merged" and d.merged_into == first.number


def test_scope_is_enforced_in_sql(db, admin, make_user, place, fixed_now):
    street, comm, _, other = place
    depts = org.units(db, "department")
    ref = svc.intake(db, admin, form(place), now=fixed_now)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "department", depts[3].id), now=fixed_now)
    handler = make_user(Role.DEPT_HANDLER, unit_id=depts[3].id)
    stranger = make_user(Role.DEPT_HANDLER, unit_id=depts[4].id)
    other_street = make_user(Role.STREET_CLERK, unit_id=other.id)
    assert queue.count(db, handler, QueueFilter(), now=fixed_now) == 1
    assert queue.count(db, stranger, QueueFilter(), now=fixed_now) == 0
    assert queue.count(db, other_street, QueueFilter(), now=fixed_now) == 0
    with pytest.raises(NotFound):
        svc.respond(db, stranger, svc.NoteForm(ref.id, v(db, ref.id)), now=fixed_now)
    # Whistle and report: the co-handling department now sees it too.
    svc.add_co_handlers(db, admin, svc.CoHandleForm(ref.id, v(db, ref.id), [depts[4].id]), now=fixed_now)
    assert queue.count(db, stranger, QueueFilter(), now=fixed_now) == 1
    svc.respond(db, handler, svc.NoteForm(ref.id, v(db, ref.id)), now=fixed_now + dt.timedelta(hours=5))
    d = svc.detail(db, handler, ref.id, now=fixed_now + dt.timedelta(hours=5))
    assert d.clock.response_text == "超时响应" and depts[4].name in d.co_units
    assert queue.count(db, handler, QueueFilter(scope="mine"), now=fixed_now) == 1


def test_queue_filters_lights_search_and_sort(db, admin, place, fixed_now):
    street, comm, _, _ = place
    old = svc.intake(db, admin, form(place, received_at=at("2026-11-18")), now=fixed_now)
    svc.dispatch(db, admin, svc.DispatchForm(old.id, v(db, old.id), "community", comm.id), now=fixed_now)
    new = svc.intake(
        db,
        admin,
        form(place, appellant="李四", phone="13900001111", content="路灯不亮已有一周，夜间出行不安全"),
        now=fixed_now,
    )
    assert queue.count(db, admin, QueueFilter(), now=fixed_now) == 2
    assert [r.number for r in queue.page(db, admin, QueueFilter(light="red"), now=fixed_now)] == [old.number]
    assert [r.number for r in queue.page(db, admin, QueueFilter(light="green"), now=fixed_now)] == [new.number]
    assert queue.count(db, admin, QueueFilter(text="垃圾桶满溢"), now=fixed_now) == 1  # FTS trigram
    assert queue.count(db, admin, QueueFilter(text="路灯"), now=fixed_now) == 1  # 2 chars: LIKE
    assert queue.count(db, admin, QueueFilter(text="ls"), now=fixed_now) == 1  # 李四 by initials
    assert queue.count(db, admin, QueueFilter(text="zs"), now=fixed_now) == 1
    assert queue.count(db, admin, QueueFilter(status="dispatched"), now=fixed_now) == 1
    assert queue.count(db, admin, QueueFilter(date_from=dt.date(2026, 11, 20)), now=fixed_now) == 1
    rows = queue.page(db, admin, QueueFilter(), now=fixed_now, sort="received_at", descending=False)
    assert [r.number for r in rows] == [old.number, new.number]
    assert rows[0].completion_text.startswith("超期") and rows[0].light.value == "red"


def test_outbox_offline_retry_and_sent(db, admin, place, fixed_now):
    _, comm, _, _ = place
    ref = svc.intake(db, admin, form(place), now=fixed_now)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "community", comm.id), now=fixed_now)
    svc.respond(db, admin, svc.NoteForm(ref.id, v(db, ref.id)), now=fixed_now)
    svc.finish(db, admin, svc.FinishForm(ref.id, v(db, ref.id), "已清运"), now=fixed_now)

    report = sms.send_pending(db, admin, now=fixed_now, gw=sms.OfflineGateway())
    assert report.offline and report.sent == 0
    assert sms.outbox(db, admin)[0][0].state == "queued"

    class Refusing:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            raise sms.GatewayError("号码无效")

    report = sms.send_pending(db, admin, now=fixed_now + dt.timedelta(minutes=2), gw=Refusing())
    row = sms.outbox(db, admin)[0][0]
    assert report.failed == 1 and row.state == "failed" and row.attempts == 1
    # Not due again until the back-off has passed.
    assert sms.send_pending(db, admin, now=fixed_now + dt.timedelta(minutes=2, seconds=30)).sent == 0

    class Ok:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            assert phone == "13805321234"
            return "gw-1"

    report = sms.send_pending(db, admin, now=fixed_now + dt.timedelta(minutes=5), gw=Ok())
    assert report.sent == 1 and sms.outbox(db, admin)[0][0].state_label == "已发送"


def test_overdue_supervision_and_notice(db, admin, place, fixed_now):
    _, comm, _, _ = place
    ref = svc.intake(db, admin, form(place, received_at=at("2026-11-18")), now=fixed_now)
    svc.dispatch(
        db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "community", comm.id), now=at("2026-11-18", "11:00")
    )
    assert svc.supervise_overdue(db, admin, now=fixed_now) == 1
    assert svc.supervise_overdue(db, admin, now=fixed_now) == 0  # once
    d = svc.detail(db, admin, ref.id, now=fixed_now)
    sup = d.supervisions[0]
    assert sup.automatic and sup.overdue_workdays == 3  # limit Fri 20th; Mon, Tue, Wed late
    pdf = svc.supervision_notice(db, admin, sup.id)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "督办单" in text and ref.number in text and comm.name in text


def test_stored_limit_crosses_national_day_and_make_up_day(db, admin, place):
    """National Day 2026: 1–7 Oct off, Sat 10 Oct a make-up working day (chinese-calendar)."""
    street, comm, _, _ = place
    depts = org.units(db, "department")
    received = at("2026-09-28", "09:00")  # Mon; department level: 29, 30 Sep, 8, 9 Oct
    ref = svc.intake(db, admin, form(place, received_at=received), now=received)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "department", depts[0].id), now=received)
    assert svc.detail(db, admin, ref.id, now=received).completion_limit == dt.date(2026, 10, 9)
    received = at("2026-09-30", "16:00")  # Wed; street level: 8, 9, then the make-up Sat 10 Oct
    ref = svc.intake(db, admin, form(place, received_at=received, phone="13900002222"), now=received)
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "street", street.id), now=received)
    d = svc.detail(db, admin, ref.id, now=at("2026-10-10", "12:00"))
    assert d.completion_limit == dt.date(2026, 10, 10)
    assert d.clock.completion_light.value == "yellow" and d.clock.completion_text.startswith("剩余")
    assert svc.detail(db, admin, ref.id, now=at("2026-10-11", "09:00")).clock.late


def test_proxy_service_catalog_and_task(db, admin, place, fixed_now):
    catalog = svc.proxy_services(db, admin)
    assert len(catalog) == 43 and all(p.materials for p in catalog)
    allowance = next(p for p in catalog if p.name == "高龄津贴申领")
    ref = svc.intake(db, admin, form(place, content="老人想申领高龄津贴，行动不便，希望帮忙代办"), now=fixed_now)
    task = svc.make_proxy_task(db, admin, svc.ProxyTaskForm(ref.id, v(db, ref.id), allowance.id), now=fixed_now)
    with pytest.raises(ValidationError):
        svc.make_proxy_task(db, admin, svc.ProxyTaskForm(ref.id, v(db, ref.id), allowance.id), now=fixed_now)
    rows = svc.proxy_tasks(db, admin, appeal_id=ref.id)
    assert rows[0].service == "高龄津贴申领" and rows[0].due == dt.date(2026, 12, 16)  # 15 working days
    assert "居民身份证" in rows[0].materials
    svc.finish_proxy_task(db, admin, svc.ProxyDoneForm(task, ["居民身份证"]), now=fixed_now)
    assert svc.proxy_tasks(db, admin, appeal_id=ref.id) == []
    assert svc.detail(db, admin, ref.id, now=fixed_now).events[-1].action == "proxy"


def _race_intake(db, admin, place, now):  # type: ignore[no-untyped-def]
    import threading

    got: list[str] = []
    errors: list[BaseException] = []

    def take(n: int) -> None:
        for _ in range(n):
            try:
                got.append(svc.intake(db, admin, form(place), now=now).number)
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    workers = [threading.Thread(target=take, args=(5,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert sorted(got) == [f"LS20261125{i:04d}" for i in range(1, 21)]


def test_counters_saving_at_once_get_different_numbers(db, admin, place, fixed_now):
    """Numbers come from the number series: threads taking appeals at once never share one."""
    _race_intake(db, admin, place, fixed_now)


@pytest.mark.skipif(pg_server.server_bin() is None, reason="PostgreSQL server not installed")
def test_counters_saving_at_once_get_different_numbers_on_postgresql(fixed_now):
    from laoshan_desk.services import auth, bootstrap
    from laoshan_desk.services.context import system_actor as system

    with pg_server.running_server() as url:
        db = bootstrap.open_database(url)
        try:
            bootstrap.init(db, system("test"), now=FIXED_NOW)
            form = auth.FirstAdminForm("admin", "系统管理员", "Desk2026secure")
            admin = auth.create_first_admin(db, form, now=fixed_now)
            street = org.units(db, "street")[0]
            comm = org.units(db, "community", parent_id=street.id)[0]
            _race_intake(db, admin, (street, comm, org.grids(db, comm.id)[0], None), fixed_now)
        finally:
            db.dispose()


def test_every_step_moves_the_version_even_at_the_time_of_the_last_change(db, admin, place):
    """Two clerks read the same appeal; the first adds a progress note at the very instant of the
    last change (nothing else on the row differs): the second's save is still refused as stale."""
    from tests.services.appeals.conftest import intake_form

    ref = svc.intake(db, admin, intake_form(place), now=FIXED_NOW)
    community = place[1]
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "community", community.id), now=FIXED_NOW)
    svc.respond(db, admin, svc.NoteForm(ref.id, v(db, ref.id), ""), now=FIXED_NOW)
    svc.progress(db, admin, svc.NoteForm(ref.id, v(db, ref.id), ""), now=FIXED_NOW)  # 办理中
    seen = v(db, ref.id)
    svc.progress(db, admin, svc.NoteForm(ref.id, seen, "已联系物业"), now=FIXED_NOW)
    assert v(db, ref.id) == seen + 1
    with pytest.raises(Exception, match="已被他人修改"):
        svc.progress(db, admin, svc.NoteForm(ref.id, seen, "另一位办理人的进展"), now=FIXED_NOW)
