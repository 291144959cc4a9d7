"""sync: files a street desk attached travel by content hash (sync_file on the hub, the outbox's
files); an appeal's search index follows a change of its row key (a street desk's provisional
appeal takes the district's row key when the hub has numbered it) (docs/hall.md)

Revision ID: 0031_sync_files
Revises: 0030_sync
Create Date: 2026-12-03 16:10:00
"""

import sqlalchemy as sa
from alembic import op

import laoshan_desk.store.base

# The seq-keyed trigram index of the time (replaced since by the receipt-keyed tables of
# store/queries/appeals/fts_index.py, built by the desk's schema upgrade): spelled out here, so
# this revision does what it did whatever the index looks like today.
_LEGACY_AU = (
    "CREATE TRIGGER IF NOT EXISTS appeal_fts_au AFTER UPDATE OF seq, content, appellant, enterprise ON appeal "
    "BEGIN INSERT INTO appeal_fts(appeal_fts, rowid, content, appellant, enterprise) "
    "VALUES ('delete', old.seq, old.content, old.appellant, old.enterprise); "
    "INSERT INTO appeal_fts(rowid, content, appellant, enterprise) "
    "VALUES (new.seq, new.content, new.appellant, new.enterprise); END"
)

revision = "0031_sync_files"
down_revision = "0030_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("received_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_file")),
    )
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("files", sa.JSON(), nullable=False, server_default="[]"))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # The trigram index's update trigger now also fires on a change of appeal.seq (its rowid).
        found = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type='trigger' AND name='appeal_fts_au'")
        if found.first() is not None:
            bind.exec_driver_sql("DROP TRIGGER appeal_fts_au")
            bind.exec_driver_sql(_LEGACY_AU)


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("files")
    op.drop_table("sync_file")
