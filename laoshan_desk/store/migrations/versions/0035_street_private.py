"""sync: a street's PostgreSQL login no longer reads other streets' private data — the audit
records' contents, the admin's settings, other users' password hashes (docs/hall.md, "A street's
login")

Migration 0034 left three tables readable whole by the group role ``desk_street``, because the
services and the sync read them:

- ``audit_record``: the chain's append reads the last record's sequence and hash, the anchor its
  time, the pull the sequence numbers and what each record is about (entity and id). Only those
  columns are granted now; who did it, the action, the summary and the before/after values are
  not readable. The one content the pull needs — the message ids a send of the SMS outbox names
  in ``after`` — is read through the view ``desk_sms_sent`` (those records only, their ``after``).
- ``setting``: the street login reads the audit chain's rows and the admin settings the services
  read (lockout, deadlines; ``services/settings.py`` ``Settings`` at this revision), not the
  others (the certificates' secret, the demo mark, any setting added later: a setting the
  street's services need is added to the policy by the migration that adds it).
- ``app_user``: every column but ``password_hash`` (the model defers that column, so the services'
  reads of users never ask for it). The street's own users' hashes — the pull carries them, so
  that the street's clerks log in on the desk — are read through the view
  ``desk_street_password``: the users whose unit is the login's street or in it.

A column a later migration adds to ``audit_record`` or ``app_user`` is not readable by a street
login until that migration grants it. The views are ``security_barrier`` views owned by the
tables' owner: they read the tables with the owner's rights, and a street login's own functions
in a query on them cannot see the rows they filter out.

Revision ID: 0035_street_private
Revises: 0034_sync_street_read
Create Date: 2026-12-04 19:00:00
"""

from alembic import op

revision = "0035_street_private"
down_revision = "0034_sync_street_read"
branch_labels = None
depends_on = None

GROUP = "desk_street"
STREET = f"pg_has_role(session_user, '{GROUP}', 'MEMBER')"
# What the chain's append, the anchor and the pull read (services/audit_chain.py, sync/pull.py).
AUDIT_COLUMNS = ("id", "seq", "at", "entity", "entity_id", "prev_hash", "hash")
# The chain's own rows, and services/settings.py Settings' fields at this revision.
SETTINGS = (
    "audit_head",
    "audit_keyed",
    "database_id",
    "lockout_attempts",
    "lockout_minutes",
    "idle_lock_minutes",
    "renewal_reminder_days",
    "appeal_calendar_days",
    "alliance_request_yellow_workdays",
    "alliance_request_red_workdays",
    "alliance_followup_workdays",
)
USER_COLUMNS = (
    "id",
    "username",
    "full_name",
    "role",
    "unit_id",
    "active",
    "failed_logins",
    "locked_until",
    "last_login_at",
    "created_at",
    "version",
)
SMS_SENT = """
CREATE VIEW desk_sms_sent WITH (security_barrier) AS
  SELECT seq, "after" FROM audit_record WHERE entity = 'sms_outbox'
"""
STREET_PASSWORD = """
CREATE VIEW desk_street_password WITH (security_barrier) AS
  SELECT u.id, u.password_hash FROM app_user u
  WHERE EXISTS (
    SELECT 1 FROM street_login l
    WHERE l.role_name = session_user AND (
      u.unit_id = l.street_id
      OR EXISTS (SELECT 1 FROM unit x WHERE x.id = u.unit_id AND x.street_id = l.street_id)))
"""


def _keys(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"REVOKE SELECT ON audit_record, app_user FROM {GROUP}")
    op.execute(f"GRANT SELECT ({', '.join(AUDIT_COLUMNS)}) ON audit_record TO {GROUP}")
    op.execute(f"GRANT SELECT ({', '.join(USER_COLUMNS)}) ON app_user TO {GROUP}")
    op.execute(SMS_SENT)
    op.execute(STREET_PASSWORD)
    op.execute(f"GRANT SELECT ON desk_sms_sent, desk_street_password TO {GROUP}")
    op.execute("DROP POLICY IF EXISTS desk_read ON setting")
    op.execute(f"CREATE POLICY desk_read ON setting FOR SELECT USING (NOT {STREET} OR key IN ({_keys(SETTINGS)}))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY IF EXISTS desk_read ON setting")
    op.execute("CREATE POLICY desk_read ON setting FOR SELECT USING (true)")
    op.execute("DROP VIEW IF EXISTS desk_street_password")
    op.execute("DROP VIEW IF EXISTS desk_sms_sent")
    op.execute(f"REVOKE SELECT ON audit_record, app_user FROM {GROUP}")
    op.execute(f"GRANT SELECT ON audit_record, app_user TO {GROUP}")
