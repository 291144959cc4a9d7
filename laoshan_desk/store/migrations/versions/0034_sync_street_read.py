"""sync: a street's PostgreSQL login reads only what its desks need — its street's appeals and
their rows, the reference tables, the sync tables' rows of its street, the audit chain and the
number series; nothing of the other areas (docs/hall.md, "A street's login")

Migration 0032 granted the group role ``desk_street`` SELECT on every table and read policies of
``USING (true)``. This one takes SELECT back from every table and grants it again on the tables
below only, with row-level security on the rows a street may see. Tables later migrations add are
no longer readable by default: a table the street's sync needs is granted in its own migration.

No ``FORCE ROW LEVEL SECURITY``: every policy passes any login that is not a street's
(``NOT pg_has_role(session_user, 'desk_street', 'MEMBER')``), so forcing it on the tables' owner
would limit nothing and cost a policy call per row on every hall query; the owner and superusers
are kept off street desks by ``link`` instead (services/sync/link.py, ``hub_login_problem``).

Revision ID: 0034_sync_street_read
Revises: 0032_street_rls
Create Date: 2026-12-04 02:00:00
"""

from alembic import op

revision = "0034_sync_street_read"
down_revision = "0032_street_rls"
branch_labels = None
depends_on = None

GROUP = "desk_street"
STREET = f"pg_has_role(session_user, '{GROUP}', 'MEMBER')"
APPEAL_CHILDREN = (
    "appeal_event",
    "appeal_extension",
    "appeal_supervision",
    "appeal_suspension",
    "appeal_unit",
    "appeal_visit",
    "attachment",
    "proxy_task",
    "sms_message",
)
# Read whole: the org tree, users (the pull strips other streets' password hashes, but the table
# holds them), the calendar, the proxy-service catalog; and what the services write through the
# login: the audit chain (its last record and, for the pull, the sequence since the watermark),
# its head in ``setting``, the number series, Alembic's revision (read when a database opens) and
# ``sync_link``, empty at the hub: every registered call asks it whether it runs on a desk.
READ_WHOLE = (
    "unit",
    "grid",
    "app_user",
    "calendar_year",
    "calendar_override",
    "proxy_service",
    "audit_record",
    "setting",
    "number_series",
    "alembic_version",
    "sync_link",
)
OWN_PEERS = (
    "(SELECT p.id FROM sync_peer p JOIN street_login l ON l.street_id = p.street_id WHERE l.role_name = session_user)"
)
APPEAL_SCOPE = "desk_street_scope(street_id, unit_id, id)"
CHILD_SCOPE = "EXISTS (SELECT 1 FROM appeal a WHERE a.id = appeal_id)"  # appeal's own policy applies


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM {GROUP}")
    op.execute(f"REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM {GROUP}")
    op.execute(f"GRANT SELECT ON {', '.join(READ_WHOLE)} TO {GROUP}")
    op.execute(f"GRANT SELECT ON appeal, {', '.join(APPEAL_CHILDREN)} TO {GROUP}")
    op.execute(f"GRANT SELECT ON sync_peer, sync_applied, sync_file, street_login TO {GROUP}")
    # The street's appeals (place, handling unit or co-handling unit in it) and their rows.
    op.execute("DROP POLICY IF EXISTS desk_read ON appeal")
    op.execute(f"CREATE POLICY desk_read ON appeal FOR SELECT USING ({APPEAL_SCOPE})")
    for table in APPEAL_CHILDREN:
        op.execute(f"DROP POLICY IF EXISTS desk_read ON {table}")
        op.execute(f"CREATE POLICY desk_read ON {table} FOR SELECT USING (NOT {STREET} OR {CHILD_SCOPE})")
    # The sync tables: the street's own peers (their signing keys) and applied changes; a file
    # its own desks sent, or one attached to an appeal it may see.
    mine = f"NOT {STREET} OR street_id IN (SELECT street_id FROM street_login WHERE role_name = session_user)"
    op.execute("DROP POLICY IF EXISTS desk_read ON sync_peer")
    op.execute(f"CREATE POLICY desk_read ON sync_peer FOR SELECT USING ({mine})")
    op.execute("DROP POLICY IF EXISTS desk_read ON sync_applied")
    op.execute(f"CREATE POLICY desk_read ON sync_applied FOR SELECT USING (NOT {STREET} OR peer_id IN {OWN_PEERS})")
    op.execute("ALTER TABLE sync_file ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY desk_read ON sync_file FOR SELECT USING "
        f"(NOT {STREET} OR peer_id IN {OWN_PEERS} OR sha256 IN (SELECT a.sha256 FROM attachment a))"
    )
    op.execute(f"CREATE POLICY desk_insert ON sync_file FOR INSERT WITH CHECK (NOT {STREET} OR peer_id IN {OWN_PEERS})")
    op.execute("ALTER TABLE street_login ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY desk_read ON street_login FOR SELECT USING (NOT {STREET} OR role_name = session_user)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("sync_file", "street_login"):
        for policy in ("desk_read", "desk_insert"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in ("appeal", *APPEAL_CHILDREN, "sync_peer", "sync_applied"):
        op.execute(f"DROP POLICY IF EXISTS desk_read ON {table}")
        op.execute(f"CREATE POLICY desk_read ON {table} FOR SELECT USING (true)")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {GROUP}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {GROUP}")
