"""preservation: an asset marked as the disputed property itself; the applicant's consent on a release

Revision ID: 0033_pres_disputed
Revises: 0022_pres_indivisible
Create Date: 2026-12-04 01:40:00

《财产保全规定》第二十二条: 财产纠纷案件，被保全人或第三人提供充分有效担保请求解除保全，人民法院应当
裁定准许。被保全人请求对作为争议标的的财产解除保全的，须经申请保全人同意。 The clerk marks the
asset that is itself the disputed property (pres_asset.disputed); a release on a guarantee records
the applicant's consent and how it was given (pres_release.applicant_consent, consent_note).
Existing rows: no asset is marked disputed and no release claims a consent it never recorded.
"""

import sqlalchemy as sa
from alembic import op

revision = "0033_pres_disputed"
down_revision = "0022_pres_indivisible"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch copy: pres_asset is pointed at by pres_selection and
    # pres_measure rows (see 0022_pres_indivisible).
    op.add_column("pres_asset", sa.Column("disputed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column(
        "pres_release", sa.Column("applicant_consent", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("pres_release", sa.Column("consent_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pres_release") as batch:
        batch.drop_column("consent_note")
        batch.drop_column("applicant_consent")
    with op.batch_alter_table("pres_asset") as batch:
        batch.drop_column("disputed")
