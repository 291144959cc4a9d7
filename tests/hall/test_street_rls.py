"""A street desk's PostgreSQL login cannot write around the services: row-level security lets it
change only its street's appeals (and their rows), the audit table takes only INSERTs, and a
normal sync through the services still works with that login. It reads only its street's
appeals and their rows, the reference tables and what sync needs (migration 0034), and ``link``
refuses the tables' owner or a superuser unless told otherwise."""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from laoshan_desk.cli import main
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import attachments as content
from laoshan_desk.services import auth, bootstrap, org, settings, sync
from laoshan_desk.services.appeals import sms
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.models.settings import Setting
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, PASSWORD, STREET, make_hub, new_appeal, version

pytestmark = [requires_pg, pytest.mark.timeout(180)]


def test_a_streets_login_changes_only_its_street_and_never_the_audit(pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(pg_url, shared=2)
    try:
        other = next(u for u in org.units(hall.db, "street") if u.name != STREET)
        foreign = new_appeal(hall.db, hall.clerk, other.id, "别的街道的诉求：井盖破损")
        assert main(["--db", pg_url, "hub", "add-street-login", "--street", STREET, "--json"]) == 0
        made = json.loads(capsys.readouterr().out)
        base = make_url(pg_url)
        street_url = base.set(username=made["login"], password=made["password"]).render_as_string(hide_password=False)
        conninfo = {"host": base.host, "port": base.port, "dbname": base.database, "user": made["login"]}
        own = hall.appeal_ids[0]
        with hall.db.session(write=True) as s:  # an admin setting, written by the hall
            s.add(Setting(key="probe_admin_setting", value={"n": 0}))

        with psycopg.connect(**conninfo, password=made["password"], autocommit=True) as conn:
            cur = conn.execute("UPDATE appeal SET content = '越权改写' WHERE id = %s", (foreign,))
            assert cur.rowcount == 0  # another street's appeal: not found for writing
            cur = conn.execute("UPDATE appeal_event SET note = '越权改写' WHERE appeal_id = %s", (foreign,))
            assert cur.rowcount == 0
            cur = conn.execute("DELETE FROM appeal WHERE id = %s", (foreign,))
            assert cur.rowcount == 0
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM audit_record")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE audit_record SET summary = '改写'")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE app_user SET role = 'admin'")
            cur = conn.execute("UPDATE setting SET value = '1' WHERE key = 'probe_admin_setting'")
            assert cur.rowcount == 0  # the admin's settings: not for a street login
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a row for another street
                conn.execute(
                    "INSERT INTO sync_peer (id, street_id, key, linked_at) VALUES (%s, %s, 'k', now())",
                    (uuid.uuid4(), other.id),
                )
            # Its own street's appeal is writable (the services write it through this login).
            cur = conn.execute("SELECT count(*) FROM appeal WHERE id = %s", (own,))
            assert cur.fetchone() == (1,)
        assert "越权" not in svc.detail(hall.db, hall.clerk, foreign, now=NOW).content

        # A normal link and sync through the services, with the street's login.
        desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
        assert main(["--db", desk_url, "link", street_url, "--street", STREET]) == 0
        desk = bootstrap.open_database(desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)
        svc.progress(desk, clerk, svc.NoteForm(own, version(desk, clerk, own), "街道登录同步"), now=NOW)
        street = next(u for u in org.units(desk, "street") if u.name == STREET)
        comm = org.units(desk, "community", parent_id=street.id)[0]
        ref = svc.intake(
            desk, clerk, svc.IntakeForm("livelihood", "phone", "街道登录受理", street.id, comm.id), now=NOW
        )
        report = sync.sync_now(desk, clerk, now=NOW)  # connects with the kept URL (password file)
        assert (report.pushed.sent, report.pushed.applied) == (2, 2)
        assert (
            svc.detail(desk, clerk, ref.id, now=NOW).number == svc.detail(hall.db, hall.clerk, ref.id, now=NOW).number
        )
        notes = [e.note for e in svc.detail(hall.db, hall.clerk, own, now=NOW).events]
        assert notes.count("街道登录同步") == 1
        desk.dispose()
    finally:
        hall.db.dispose()


def _fresh(pg_url: str, name: str) -> str:
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(pg_url).set(database=name).render_as_string(hide_password=False)


def test_a_streets_login_reads_only_its_street_and_what_sync_needs(  # type: ignore[no-untyped-def]
    pg_url: str, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner_url = _fresh(pg_url, "hub_read")
    hall = make_hub(owner_url, shared=2)
    try:
        h = hall.clerk
        other = next(u for u in org.units(hall.db, "street") if u.name != STREET)
        foreign = new_appeal(hall.db, h, other.id, "别的街道的诉求：路面塌陷")
        elsewhere = tmp_path / "别的街道的照片.png"
        elsewhere.write_bytes(b"\x89PNG other street " + uuid.uuid4().bytes)
        assert main(["--db", owner_url, "hub", "add-street-login", "--street", STREET, "--json"]) == 0
        made = json.loads(capsys.readouterr().out)
        assert main(["--db", owner_url, "hub", "add-street-login", "--street", other.name, "--json"]) == 0
        theirs = json.loads(capsys.readouterr().out)
        base = make_url(owner_url)
        street_url = base.set(username=made["login"], password=made["password"]).render_as_string(hide_password=False)
        other_url = base.set(username=theirs["login"], password=theirs["password"]).render_as_string(
            hide_password=False
        )

        # The owner's (superuser's) login is refused for a street desk, or allowed with a warning.
        desk_url = f"sqlite:///{tmp_path / 'owner.sqlite3'}"
        assert main(["--db", desk_url, "link", owner_url, "--street", STREET]) == 2
        assert "超级用户" in capsys.readouterr().err
        assert main(["--db", desk_url, "link", owner_url, "--street", STREET, "--allow-owner-login"]) == 0
        assert "警告" in capsys.readouterr().err

        # Each street's desk linked with its own login; the other street's desk sends a file first.
        other_desk_url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
        assert main(["--db", other_desk_url, "link", other_url, "--street", other.name]) == 0
        other_desk = bootstrap.open_database(other_desk_url)
        auth.create_user(
            hall.db, hall.admin, auth.NewUserForm("other2", "别街道2", Role.STREET_CLERK, PASSWORD, other.id), now=NOW
        )
        sync.sync_now(other_desk, auth.login(other_desk, "other", PASSWORD, now=NOW), now=NOW)
        oc = auth.login(other_desk, "other", PASSWORD, now=NOW)
        svc.attach(other_desk, oc, svc.AttachForm(foreign, version(other_desk, oc, foreign), elsewhere), now=NOW)
        assert sync.sync_now(other_desk, oc, now=NOW).pushed.applied == 1
        other_desk.dispose()

        conninfo = {"host": base.host, "port": base.port, "dbname": base.database, "user": made["login"]}
        own = hall.appeal_ids[0]
        with hall.db.session() as s:
            mine = s.scalar(select(func.count()).select_from(Appeal).where(Appeal.street_id != other.id))
        with psycopg.connect(**conninfo, password=made["password"], autocommit=True) as conn:

            def one(sql: str, *args: object) -> object:
                row = conn.execute(sql, args).fetchone()
                return None if row is None else row[0]

            assert one("SELECT count(*) FROM appeal") == mine
            assert one("SELECT count(*) FROM appeal WHERE id = %s", foreign) == 0
            assert one("SELECT count(*) FROM appeal_event WHERE appeal_id = %s", foreign) == 0
            assert one("SELECT count(*) FROM appeal_event WHERE appeal_id = %s", own) > 0  # type: ignore[operator]
            assert one("SELECT count(*) FROM attachment WHERE appeal_id = %s", foreign) == 0
            assert one("SELECT count(*) FROM sync_file") == 0  # the other street's photo
            for table in ("unit", "app_user", "audit_record", "number_series"):
                assert one(f"SELECT count(*) FROM {table}") > 0, table  # type: ignore[operator]
            for table in ("calendar_year", "calendar_override", "proxy_service", "grid", "setting"):
                assert one(f"SELECT count(*) FROM {table}") is not None  # readable (maybe empty here)
            # Its street's peer (the desk linked above), not the other street's (its signing key).
            assert one("SELECT count(*) FROM sync_peer") == 1
            assert one("SELECT count(*) FROM sync_peer WHERE street_id = %s", other.id) == 0
            assert one("SELECT count(*) FROM sync_applied") == 0  # the other street's change
            assert one("SELECT array_agg(role_name) FROM street_login") == [made["login"]]
            for table in ("pres_case", "approval_project", "alliance_member", "enterprise", "draft", "sync_outbox"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(f"SELECT 1 FROM {table} LIMIT 1")

        # Through that login, a desk links, syncs, attaches the same photo the other street sent
        # (it cannot see that copy: the one it sends is used), and takes the hall's files.
        machine = tmp_path / "street-disk"
        machine.mkdir()
        street_desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
        assert main(["--db", street_desk_url, "link", street_url, "--street", STREET]) == 0
        capsys.readouterr()
        desk = bootstrap.open_database(street_desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)
        hall_photo = tmp_path / "大厅照片.png"
        hall_photo.write_bytes(b"\x89PNG hall " + uuid.uuid4().bytes)
        at_hall = svc.attach(
            hall.db, h, svc.AttachForm(hall.appeal_ids[1], version(hall.db, h, hall.appeal_ids[1]), hall_photo), now=NOW
        )
        monkeypatch.setattr(content, "attachments_dir", lambda: machine)  # the desk's own disk from here
        ident = svc.attach(desk, clerk, svc.AttachForm(own, version(desk, clerk, own), elsewhere), now=NOW)
        report = sync.sync_now(desk, clerk, now=NOW)
        assert (report.pushed.applied, report.pushed.refused) == (1, 0)
        assert report.pulled.files == 1
        assert svc.attachment_bytes(desk, clerk, at_hall) == hall_photo.read_bytes()
        assert [a.id for a in svc.detail(hall.db, h, own, now=NOW).attachments] == [ident]
        desk.dispose()
    finally:
        hall.db.dispose()


class _Carrier:
    def send(self, phone: str, text: str) -> str:
        return "carrier-1"


def _finished_at_the_hall(hall):  # type: ignore[no-untyped-def]
    """An appeal with the appellant's mobile, taken in, dispatched to the street and finished at
    the hall (so an SMS is queued there): (the street, the appeal's id)."""
    h = hall.clerk
    street = next(u for u in org.units(hall.db, "street") if u.name == STREET)
    comm = org.units(hall.db, "community", parent_id=street.id)[0]
    form = svc.IntakeForm(
        "livelihood", "phone", "楼道灯坏了", street.id, comm.id, appellant="李四", phone="13912345678"
    )
    texted = svc.intake(hall.db, h, form, now=NOW).id
    svc.dispatch(hall.db, h, svc.DispatchForm(texted, version(hall.db, h, texted), "street", street.id), now=NOW)
    for step in (svc.respond, svc.progress):
        step(hall.db, h, svc.NoteForm(texted, version(hall.db, h, texted), "办理中"), now=NOW)
    svc.finish(hall.db, h, svc.FinishForm(texted, version(hall.db, h, texted), "已更换灯泡"), now=NOW)
    return street, texted


def test_a_streets_login_reads_no_private_data_of_other_streets(pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Migration 0035: not the audit records' contents, not the admin's settings, not any user's
    password hash but its own street's (through ``desk_street_password``); and the desk still
    logs its clerks in, and still learns of an SMS the hall sent (``desk_sms_sent``)."""
    owner_url = _fresh(pg_url, "hub_private")
    hall = make_hub(owner_url, shared=1)
    try:
        h = hall.clerk
        street, texted = _finished_at_the_hall(hall)
        every_setting = [f.name for f in dataclasses.fields(settings.Settings)]
        with hall.db.session(write=True) as s:  # every admin setting stored, and a secret
            for name in every_setting:
                if s.get(Setting, name) is None:
                    s.add(Setting(key=name, value=getattr(settings.Settings(), name)))
            s.add(Setting(key="probe_secret", value={"secret": "不给街道看"}))
        assert main(["--db", owner_url, "hub", "add-street-login", "--street", STREET, "--json"]) == 0
        made = json.loads(capsys.readouterr().out)
        base = make_url(owner_url)
        street_url = base.set(username=made["login"], password=made["password"]).render_as_string(hide_password=False)
        desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
        assert main(["--db", desk_url, "link", street_url, "--street", STREET]) == 0
        desk = bootstrap.open_database(desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)  # its hash came through the view
        with desk.session() as s:
            hashes = dict(s.execute(text("SELECT username, password_hash FROM app_user")).all())
        assert hashes["szk2"].startswith("$argon2")
        assert {hashes[n] for n in ("other", "hall", "admin")} == {sync.rows.NO_PASSWORD}

        # The hall sends the SMS: the desk learns of it through desk_sms_sent and shows 已发送.
        assert [r.state for r in sms.outbox(desk, clerk)[0]] == ["queued"]
        assert sms.send_pending(hall.db, h, now=NOW, gw=_Carrier()).sent == 1
        sync.sync_now(desk, clerk, now=NOW)
        assert [r.state for r in sms.outbox(desk, clerk)[0]] == ["sent"]
        desk.dispose()

        conninfo = {"host": base.host, "port": base.port, "dbname": base.database, "user": made["login"]}
        with psycopg.connect(**conninfo, password=made["password"], autocommit=True) as conn:
            for col in ('"user_id"', '"username"', '"action"', '"summary"', '"before"', '"after"', "*"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(f"SELECT {col} FROM audit_record LIMIT 1")
            got = conn.execute("SELECT count(*), max(seq) FROM audit_record WHERE hash <> '' AND entity <> ''")
            assert got.fetchone()[0] > 10  # type: ignore[index]
            sent = [r[0] for r in conn.execute("SELECT after FROM desk_sms_sent")]
            assert sent and all(set(a) == {"messages"} for a in sent)
            for sql in ("SELECT password_hash FROM app_user", "SELECT * FROM app_user"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)
            assert conn.execute("SELECT count(username) FROM app_user").fetchone()[0] == 5  # type: ignore[index]
            own = conn.execute("SELECT u.username FROM desk_street_password p JOIN app_user u USING (id)")
            assert sorted(r[0] for r in own) == ["szk1", "szk2"]
            keys = {r[0] for r in conn.execute("SELECT key FROM setting")}
            assert {"audit_head", "audit_keyed", "database_id", *every_setting} <= keys
            assert "probe_secret" not in keys
            assert not keys - {"audit_head", "audit_keyed", "database_id", *every_setting}
    finally:
        hall.db.dispose()


def test_a_desk_pulls_through_a_streets_login_from_a_hub_before_0035(pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A hub not yet at 0035_street_private (no views, the users' table readable whole): today's
    desk links and pulls through the street's login as before, SMS sends included (the pull reads
    the audit table itself where the view is missing)."""
    import importlib.util

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    from laoshan_desk.store import migrations

    owner_url = _fresh(pg_url, "hub_before_0035")
    hall = make_hub(owner_url, shared=1)
    try:
        h = hall.clerk
        street, texted = _finished_at_the_hall(hall)
        assert main(["--db", owner_url, "hub", "add-street-login", "--street", STREET, "--json"]) == 0
        made = json.loads(capsys.readouterr().out)
        # 0035's own downgrade, after the command line (which upgrades the database it opens);
        # link and sync reach the hub without upgrading it.
        script = Path(migrations.__file__).parent / "versions" / "0035_street_private.py"
        spec = importlib.util.spec_from_file_location("m0035", script)
        assert spec is not None and spec.loader is not None
        m0035 = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m0035)
        with hall.db.engine.begin() as connection, Operations.context(MigrationContext.configure(connection)):
            m0035.downgrade()
        with hall.db.session() as s:
            assert s.scalar(text("SELECT to_regclass('desk_sms_sent')")) is None
        street_url = (
            make_url(owner_url)
            .set(username=made["login"], password=made["password"])
            .render_as_string(hide_password=False)
        )
        desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
        assert main(["--db", desk_url, "link", street_url, "--street", STREET]) == 0
        desk = bootstrap.open_database(desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)
        assert [r.state for r in sms.outbox(desk, clerk)[0]] == ["queued"]
        assert sms.send_pending(hall.db, h, now=NOW, gw=_Carrier()).sent == 1
        sync.sync_now(desk, clerk, now=NOW)
        assert [r.state for r in sms.outbox(desk, clerk)[0]] == ["sent"]
        desk.dispose()
    finally:
        hall.db.dispose()
