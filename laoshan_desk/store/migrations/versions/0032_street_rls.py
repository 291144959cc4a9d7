"""sync: a street desk's PostgreSQL login cannot write around the services — the street_login
table, the desk_street group role, its grants and row-level security on the appeals, their child
tables, the applied changes and the peers; the audit table insert-only (docs/hall.md)

Revision ID: 0032_street_rls
Revises: 0031_sync_files, 0021_appeal_terms, 0005_number_series
Create Date: 2026-12-03 16:40:00
"""

import sqlalchemy as sa
from alembic import op

import laoshan_desk.store.base

revision = "0032_street_rls"
# After the appeals' and the number series' tables exist (their policies and grants name them).
down_revision = ("0031_sync_files", "0021_appeal_terms", "0005_number_series")
branch_labels = None
depends_on = None

GROUP = "desk_street"
# The appeal and the tables hanging off it (services/sync/rows.py appeal_children at this revision).
CHILDREN = (
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
# Tables a street login writes through the services (besides the appeals): the audit chain and the
# number series (appeal numbers), the hub's record of applied changes and files.
INSERT_ONLY = ("audit_record", "sync_applied", "sync_file")

# True for any login that is not a street's; for a street's login, whether the appeal (its place
# or its handling unit, or a co-handling unit, in that street) belongs to the login's street.
SCOPE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION desk_street_scope(appeal_street uuid, appeal_unit uuid, appeal uuid)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT NOT pg_has_role(session_user, '{GROUP}', 'MEMBER') OR EXISTS (
    SELECT 1 FROM street_login l
    WHERE l.role_name = session_user AND (
      l.street_id = appeal_street
      OR EXISTS (SELECT 1 FROM unit u WHERE u.id = appeal_unit AND (u.id = l.street_id OR u.street_id = l.street_id))
      OR EXISTS (SELECT 1 FROM appeal_unit au JOIN unit u ON u.id = au.unit_id
                 WHERE au.appeal_id = appeal AND (u.id = l.street_id OR u.street_id = l.street_id))))
$$
"""


def upgrade() -> None:
    op.create_table(
        "street_login",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("street_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_street_login")),
    )
    op.create_index(op.f("ix_street_login_street_id"), "street_login", ["street_id"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return  # a desk's SQLite file has no logins
    op.execute(f"DO $$ BEGIN CREATE ROLE {GROUP} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {GROUP}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {GROUP}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP}")
    # Tables later migrations add are readable too (the pull reads every reference table).
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {GROUP}")
    op.execute(SCOPE_FUNCTION)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON appeal, {', '.join(CHILDREN)} TO {GROUP}")
    op.execute(f"GRANT INSERT ON {', '.join(INSERT_ONLY)} TO {GROUP}")
    op.execute(f"GRANT INSERT, UPDATE ON number_series TO {GROUP}")
    op.execute(f"GRANT INSERT ON sync_peer TO {GROUP}")
    # Reading stays open (the pull reads the street's share, the services read the org tree);
    # writing is limited to the street's rows.
    op.execute("ALTER TABLE appeal ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY desk_read ON appeal FOR SELECT USING (true)")
    scope = "desk_street_scope(street_id, unit_id, id)"
    op.execute(f"CREATE POLICY desk_insert ON appeal FOR INSERT WITH CHECK ({scope})")
    op.execute(f"CREATE POLICY desk_update ON appeal FOR UPDATE USING ({scope}) WITH CHECK ({scope})")
    op.execute(f"CREATE POLICY desk_delete ON appeal FOR DELETE USING ({scope})")
    owner = "EXISTS (SELECT 1 FROM appeal a WHERE a.id = appeal_id AND desk_street_scope(a.street_id, a.unit_id, a.id))"
    for table in CHILDREN:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY desk_read ON {table} FOR SELECT USING (true)")
        op.execute(f"CREATE POLICY desk_insert ON {table} FOR INSERT WITH CHECK ({owner})")
        op.execute(f"CREATE POLICY desk_update ON {table} FOR UPDATE USING ({owner}) WITH CHECK ({owner})")
        op.execute(f"CREATE POLICY desk_delete ON {table} FOR DELETE USING ({owner})")
    # A street login registers peers and applied changes of its own street only.
    mine = (
        f"NOT pg_has_role(session_user, '{GROUP}', 'MEMBER') OR street_id IN "
        "(SELECT street_id FROM street_login WHERE role_name = session_user)"
    )
    op.execute("ALTER TABLE sync_peer ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY desk_read ON sync_peer FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY desk_insert ON sync_peer FOR INSERT WITH CHECK ({mine})")
    peer_mine = (
        f"NOT pg_has_role(session_user, '{GROUP}', 'MEMBER') OR peer_id IN (SELECT p.id FROM sync_peer p "
        "JOIN street_login l ON l.street_id = p.street_id WHERE l.role_name = session_user)"
    )
    # The audit chain keeps its head (and the database's id) in settings: a street login moves
    # those rows only, never an admin setting.
    chain = f"NOT pg_has_role(session_user, '{GROUP}', 'MEMBER') OR key IN ('audit_head', 'audit_keyed', 'database_id')"
    op.execute(f"GRANT INSERT, UPDATE ON setting TO {GROUP}")
    op.execute("ALTER TABLE setting ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY desk_read ON setting FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY desk_insert ON setting FOR INSERT WITH CHECK ({chain})")
    op.execute(f"CREATE POLICY desk_update ON setting FOR UPDATE USING ({chain}) WITH CHECK ({chain})")
    op.execute("ALTER TABLE sync_applied ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY desk_read ON sync_applied FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY desk_insert ON sync_applied FOR INSERT WITH CHECK ({peer_mine})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("appeal", *CHILDREN, "sync_peer", "sync_applied", "setting"):
            for policy in ("desk_read", "desk_insert", "desk_update", "desk_delete"):
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION IF EXISTS desk_street_scope(uuid, uuid, uuid)")
        op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM {GROUP}")
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {GROUP}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {GROUP}")
        op.execute(f"REVOKE ALL ON SCHEMA public FROM {GROUP}")
    op.drop_index(op.f("ix_street_login_street_id"), table_name="street_login")
    op.drop_table("street_login")
