"""appeals: stored terms of each appeal (hot spots count them, over a covering index), trigram
search on PostgreSQL

Revision ID: 0021_appeal_terms
Revises: 0003_appeals
Create Date: 2026-12-02 20:00:00

The terms are filled when an appeal is written; appeals stored before this revision get theirs
from the appeals' reference loader (``init``), which segments the ones still missing.
On PostgreSQL the search box uses pg_trgm: the extension and GIN trigram indexes over the texts
the search reads (SQLite searches its FTS5 tables instead, made at run time).
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_appeal_terms"
down_revision = "0003_appeals"
branch_labels = None
depends_on = None

TRGM_COLUMNS = ("content", "appellant", "enterprise")


def upgrade() -> None:
    with op.batch_alter_table("appeal") as batch:
        batch.add_column(sa.Column("terms", sa.Text(), nullable=True))
    op.create_index(
        "ix_appeal_hotspots",
        "appeal",
        ["received_at", "status", "community_id", "grid_id", "phone", "terms"],
        unique=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in TRGM_COLUMNS:
            op.execute(
                f"CREATE INDEX IF NOT EXISTS ix_appeal_trgm_{column} ON appeal USING gin ({column} gin_trgm_ops)"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in TRGM_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_appeal_trgm_{column}")
    op.drop_index("ix_appeal_hotspots", table_name="appeal")
    with op.batch_alter_table("appeal") as batch:
        batch.drop_column("terms")
