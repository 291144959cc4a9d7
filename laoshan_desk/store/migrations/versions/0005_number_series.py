"""foundation: number series for collision-free appeal, project and notice numbers

Revision ID: 0005_number_series
Revises: 0001_foundation
Create Date: 2026-12-02 18:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_number_series"
down_revision = "0001_foundation"
branch_labels = ("numbers",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "number_series",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("last_value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_number_series")),
    )


def downgrade() -> None:
    op.drop_table("number_series")
