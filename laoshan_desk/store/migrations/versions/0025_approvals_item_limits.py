"""approvals: each ordered item keeps its catalog item's statutory limit and its kind

Revision ID: 0025_approvals_item_limits
Revises: 0023_approvals_limit_kinds
Create Date: 2026-12-03 16:10:00

An ordered item copies what the catalog says when it is ordered (docs/rules.md
§approvals-time-limits); items stored before this revision take the limit of the catalog item of
the same code, and an item the catalog does not have keeps none (not known, shown as —).
"""

import sqlalchemy as sa
from alembic import op

revision = "0025_approvals_item_limits"
down_revision = "0023_approvals_limit_kinds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): rows elsewhere point at approval_project_item.
    op.add_column("approval_project_item", sa.Column("limit_kind", sa.String(length=16), nullable=True))
    op.add_column(
        "approval_project_item", sa.Column("statutory_days", sa.Integer(), nullable=False, server_default="0")
    )
    op.execute(
        "UPDATE approval_project_item SET "
        "limit_kind = (SELECT c.limit_kind FROM approval_item c WHERE c.code = approval_project_item.code), "
        "statutory_days = COALESCE((SELECT c.statutory_days FROM approval_item c "
        "WHERE c.code = approval_project_item.code), 0)"
    )


def downgrade() -> None:
    with op.batch_alter_table("approval_project_item") as batch:
        batch.drop_column("statutory_days")
        batch.drop_column("limit_kind")
