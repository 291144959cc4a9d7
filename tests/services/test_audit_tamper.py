"""A careful forger with SQL access to the database, against the keyed, anchored audit chain.

Each case does what someone with the database (but not the desk's data directory) can do: the
naive edits are caught by the hashes; the careful ones (fix the stored head, delete everything,
recompute the chain, move the switch-over) by the key and the anchors kept outside the database.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from sqlalchemy import text

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import audit, audit_chain, audit_key, calendar
from tests.conftest import FIXED_NOW


def _work(db, admin, n: int = 6) -> None:  # type: ignore[no-untyped-def]
    for day in range(1, n + 1):
        calendar.set_override(
            db,
            admin,
            calendar.OverrideForm(FIXED_NOW.date().replace(month=12, day=day), False, f"测试{day}"),
            now=FIXED_NOW,
        )


def _sql(db, *statements: str) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(db.sqlite_path) as con:
        for statement in statements:
            con.execute(statement)


def _recompute_unkeyed(db, from_seq: int = 1, *, edit_seq: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """What a forger who read the source does: edit a record, recompute SHA-256 to the end, fix the head."""
    con = sqlite3.connect(db.sqlite_path)
    rows = con.execute(f"SELECT {audit_chain.RAW_COLUMNS} FROM audit_record ORDER BY seq").fetchall()
    prev = audit_chain.GENESIS
    for seq, at, user_id, username, action, entity, entity_id, summary, before, after, _prev, old_hash in rows:
        if seq < from_seq:
            prev = old_hash
            continue
        if seq == edit_seq:
            summary = "无事发生"
        payload = audit_chain.raw_payload(
            seq, at, user_id, username, action, entity, entity_id, summary, before, after, prev
        )
        digest = hashlib.sha256(payload).hexdigest()
        con.execute(
            "UPDATE audit_record SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?", (summary, prev, digest, seq)
        )
        prev = digest
    top = rows[-1][0]
    con.execute("UPDATE setting SET value = ? WHERE key = 'audit_head'", (json.dumps({"seq": top, "hash": prev}),))
    con.commit()
    con.close()


def _kinds(db, admin) -> set[str]:  # type: ignore[no-untyped-def]
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert not report.ok and report.findings and all(f.message for f in report.findings)
    return {f.kind for f in report.findings}


def test_ordinary_work_verifies_and_is_keyed_and_anchored(db, admin, desk_home):
    _work(db, admin)
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert report.ok and report.findings == () and "审计链完整" in report.message
    with db.session() as s:
        keyed = s.execute(text("SELECT value FROM setting WHERE key = 'audit_keyed'")).scalar()
    assert json.loads(keyed)["from_seq"] == 1  # the template's first record was already keyed
    lines = (desk_home / audit_key.ANCHOR_FILE).read_text().splitlines()
    assert len(lines) >= 7 and json.loads(lines[-1])["why"] == "verify"
    assert (desk_home / audit_key.KEY_FILE).stat().st_mode & 0o777 == 0o600


def test_deleting_the_newest_rows_and_fixing_the_stored_head_is_detected(db, admin):
    _work(db, admin)
    with db.session() as s:
        top = s.execute(text("SELECT max(seq) FROM audit_record")).scalar()
        keep = s.execute(text("SELECT hash FROM audit_record WHERE seq = :s"), {"s": top - 2}).scalar()
    _sql(
        db,
        f"DELETE FROM audit_record WHERE seq > {top - 2}",
        f"UPDATE setting SET value = '{json.dumps({'seq': top - 2, 'hash': keep})}' WHERE key = 'audit_head'",
    )
    assert "truncated" in _kinds(db, admin)


def test_deleting_everything_is_detected(db, admin):
    _work(db, admin)
    _sql(db, "DELETE FROM audit_record", "DELETE FROM setting WHERE key = 'audit_head'")
    assert "emptied" in _kinds(db, admin)


def test_deleting_everything_and_the_chain_settings_is_detected(db, admin):
    _work(db, admin)
    _sql(db, "DELETE FROM audit_record", "DELETE FROM setting WHERE key LIKE 'audit_%' OR key = 'database_id'")
    assert "emptied" in _kinds(db, admin)


def test_editing_and_recomputing_an_unkeyed_chain_is_detected(db, admin):
    _work(db, admin)
    _recompute_unkeyed(db, edit_seq=3)
    assert {"edited", "rewritten"} <= _kinds(db, admin)


def test_moving_the_switch_over_and_recomputing_everything_is_detected(db, admin):
    _work(db, admin)
    with db.session() as s:
        top = s.execute(text("SELECT max(seq) FROM audit_record")).scalar()
    _recompute_unkeyed(db, edit_seq=2)
    _sql(db, f"UPDATE setting SET value = json_set(value, '$.from_seq', {top + 1}) WHERE key = 'audit_keyed'")
    assert {"switch", "rewritten"} <= _kinds(db, admin)


def test_a_naive_edit_a_gap_and_a_relinked_record_are_each_reported(db, admin):
    _work(db, admin)
    _sql(db, "UPDATE audit_record SET summary = '无事发生' WHERE seq = 3", "DELETE FROM audit_record WHERE seq = 5")
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert not report.ok and report.first_bad_seq == 3
    assert [(f.kind, f.seq) for f in report.findings][:2] == [("edited", 3), ("missing", 5)]
    assert report.findings[0].message == "第 3 条审计记录被篡改（密钥校验不符）"


def test_a_forged_anchor_line_is_reported(db, admin, desk_home):
    _work(db, admin)
    anchors = desk_home / audit_key.ANCHOR_FILE
    line = json.loads(anchors.read_text().splitlines()[-1])
    line["seq"] += 100
    with anchors.open("a") as fh:
        fh.write(json.dumps(line) + "\n")
    assert "anchors" in _kinds(db, admin)


def test_old_unkeyed_chains_verify_up_to_the_switch_over(db, admin, tmp_path, monkeypatch):
    """A database from before the key: its records keep their SHA-256 and still verify."""
    _recompute_unkeyed(db)  # every record unkeyed, as the desk wrote them before
    _sql(db, "DELETE FROM setting WHERE key = 'audit_keyed'")
    monkeypatch.setenv("LAOSHAN_DESK_HOME", str(tmp_path / "fresh-home"))  # and no anchors yet
    assert audit.verify_chain(db, admin, now=FIXED_NOW).ok
    _work(db, admin, 2)  # the next write switches over
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert report.ok, report.message
    with db.session() as s:
        keyed = json.loads(s.execute(text("SELECT value FROM setting WHERE key = 'audit_keyed'")).scalar())
        top = s.execute(text("SELECT max(seq) FROM audit_record")).scalar()
    assert keyed["from_seq"] == top - 1
    _sql(db, "UPDATE audit_record SET summary = '改过' WHERE seq = 2")
    assert "edited" in _kinds(db, admin)


def test_a_desk_without_the_key_refuses_to_write_and_cannot_verify(db, admin, tmp_path, monkeypatch):
    monkeypatch.setenv("LAOSHAN_DESK_AUDIT_KEY", str(tmp_path / "elsewhere" / "audit.key"))
    with pytest.raises(DeskError, match="审计密钥"):
        _work(db, admin, 1)
    assert "key" in _kinds(db, admin)


def test_a_failed_write_leaves_no_anchor_and_no_false_alarm(db, admin, desk_home):
    from laoshan_desk.services.uow import unit_of_work

    _work(db, admin, 2)
    before = (desk_home / audit_key.ANCHOR_FILE).read_text()
    with pytest.raises(RuntimeError):
        with unit_of_work(db, admin, now=FIXED_NOW) as work:
            work.audit("create", "thing", None, "半途而废")
            raise RuntimeError("crash mid-transaction")
    assert (desk_home / audit_key.ANCHOR_FILE).read_text() == before
    assert audit.verify_chain(db, admin, now=FIXED_NOW).ok
