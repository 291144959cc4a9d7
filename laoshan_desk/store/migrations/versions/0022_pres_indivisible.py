"""preservation: an asset marked indivisible (real estate that cannot be sealed in part); a
renewal's application date and its late-application warning

Revision ID: 0022_pres_indivisible
Revises: 0004_preservation
Create Date: 2026-12-03 12:40:00

《财产保全规定》第十五条 seals real estate clearly worth more than the amount for the
corresponding part of its value, unless its use is indivisible or dividing it would seriously
reduce its value: the clerk marks such an asset, and the plan then takes it whole.
A renewal applied for less than seven days before the term ends (第十八条) goes through with a
warning, kept on the renewal with the date the application was made. The court clerk who
registered a case signs its rulings as 书记员 (registered_by). The applicant's application to
release (第二十三条) starts a five-day clock for the release ruling (release_applied_at, and when
it was ruled).
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_pres_indivisible"
down_revision = "0004_preservation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch table copy: copying pres_asset drops the old table, which
    # SQLite refuses while pres_selection and pres_measure rows point at it (foreign keys on) —
    # it stopped an upgraded desk with data from opening (make package-test, upgrade section).
    op.add_column("pres_asset", sa.Column("indivisible", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("pres_case", sa.Column("registered_by", sa.String(length=100), nullable=True))
    op.add_column("pres_case", sa.Column("release_applied_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("pres_case", sa.Column("release_applied_ruled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("pres_renewal", sa.Column("applied_on", sa.Date(), nullable=True))
    op.add_column("pres_renewal", sa.Column("late_warning", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pres_renewal") as batch:
        batch.drop_column("late_warning")
        batch.drop_column("applied_on")
    with op.batch_alter_table("pres_case") as batch:
        batch.drop_column("release_applied_ruled_at")
        batch.drop_column("release_applied_at")
        batch.drop_column("registered_by")
    with op.batch_alter_table("pres_asset") as batch:
        batch.drop_column("indivisible")
