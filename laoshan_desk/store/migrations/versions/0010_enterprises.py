"""enterprises: one table of enterprises keyed by USCC (一企一档), shared by every area

Revision ID: 0010_enterprises
Revises: 0001_foundation
Create Date: 2026-12-02 18:30:00
"""

import sqlalchemy as sa
from alembic import op

import laoshan_desk.store.base

revision = "0010_enterprises"
down_revision = "0001_foundation"
branch_labels = ("enterprises",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enterprise",
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("initials", sa.String(length=60), nullable=False),
        sa.Column("street_id", sa.Uuid(), nullable=True),
        sa.Column("community_id", sa.Uuid(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("no_uscc_reason", sa.String(length=200), nullable=True),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("uscc IS NOT NULL OR no_uscc_reason IS NOT NULL", name=op.f("ck_enterprise_uscc_or_reason")),
        sa.ForeignKeyConstraint(["community_id"], ["unit.id"], name=op.f("fk_enterprise_community_id_unit")),
        sa.ForeignKeyConstraint(["street_id"], ["unit.id"], name=op.f("fk_enterprise_street_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise")),
        sa.UniqueConstraint("uscc", name=op.f("uq_enterprise_uscc")),
    )
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enterprise_initials"), ["initials"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprise_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprise_street_id"), ["street_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprise_street_id"))
        batch_op.drop_index(batch_op.f("ix_enterprise_name"))
        batch_op.drop_index(batch_op.f("ix_enterprise_initials"))
    op.drop_table("enterprise")
