"""organisation: each unit's kind of code (statistical | local) and the former-village flag

Revision ID: 0024_org_code_kind
Revises: 0001_foundation
Create Date: 2026-12-03 13:10:00

Both are filled from resources/data/organisation.json the next time ``init`` loads it
(services/org.py load_reference updates the units it already has).
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_org_code_kind"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("unit", sa.Column("code_kind", sa.String(length=16), nullable=False, server_default="local"))
    op.add_column("unit", sa.Column("former_village", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("former_village")
        batch.drop_column("code_kind")
