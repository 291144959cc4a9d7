"""A street desk's PostgreSQL login cannot write around the services: row-level security lets it
change only its street's appeals (and their rows), the audit table takes only INSERTs, and a
normal sync through the services still works with that login."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from laoshan_desk.cli import main
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, bootstrap, org, sync
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
