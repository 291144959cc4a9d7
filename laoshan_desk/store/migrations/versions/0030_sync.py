"""sync: street offices that work offline — the desk's link, outbox and conflicts; the hub's
peers and applied changes (docs/hall.md)

Revision ID: 0030_sync
Revises: 0001_foundation
Create Date: 2026-12-03 12:30:00
"""

import sqlalchemy as sa
from alembic import op

import laoshan_desk.store.base

revision = "0030_sync"
down_revision = "0001_foundation"
branch_labels = ("sync",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_applied",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_sync_applied")),
    )
    op.create_index(op.f("ix_sync_applied_peer_id"), "sync_applied", ["peer_id"], unique=False)
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("found_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=50), nullable=False),
        sa.Column("resolved_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_change_id"), "sync_conflict", ["change_id"], unique=False)
    op.create_index(op.f("ix_sync_conflict_entity_id"), "sync_conflict", ["entity_id"], unique=False)
    op.create_index(op.f("ix_sync_conflict_state"), "sync_conflict", ["state"], unique=False)
    op.create_table(
        "sync_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_id", sa.Uuid(), nullable=False),
        sa.Column("hub_url", sa.String(length=500), nullable=False),
        sa.Column("street_id", sa.Uuid(), nullable=False),
        sa.Column("street_name", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("watermark", sa.BigInteger(), nullable=False),
        sa.Column("linked_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("last_sync_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_link")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("base", sa.JSON(), nullable=False),
        sa.Column("at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("refreshed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("n", name=op.f("uq_sync_outbox_n")),
    )
    op.create_index(op.f("ix_sync_outbox_state"), "sync_outbox", ["state"], unique=False)
    op.create_table(
        "sync_peer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("street_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("linked_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_peer")),
    )
    op.create_index(op.f("ix_sync_peer_street_id"), "sync_peer", ["street_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_peer_street_id"), table_name="sync_peer")
    op.drop_table("sync_peer")
    op.drop_index(op.f("ix_sync_outbox_state"), table_name="sync_outbox")
    op.drop_table("sync_outbox")
    op.drop_table("sync_link")
    op.drop_index(op.f("ix_sync_conflict_state"), table_name="sync_conflict")
    op.drop_index(op.f("ix_sync_conflict_entity_id"), table_name="sync_conflict")
    op.drop_index(op.f("ix_sync_conflict_change_id"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_sync_applied_peer_id"), table_name="sync_applied")
    op.drop_table("sync_applied")
