"""approvals: each project's one-time notice number (崂审批告〔2026〕N号)

Revision ID: 0022_approvals_notice_number
Revises: 0002_approvals
Create Date: 2026-12-03 12:40:00

The number is handed out from the number series ``approval_notice_<year>`` when the project is
taken in (docs/rules.md §approvals-numbers). Projects stored before this revision get theirs here,
in the order they were numbered; each year's series starts after the numbers already used.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_approvals_notice_number"
down_revision = "0002_approvals"
branch_labels = None
depends_on = None

AGENCY = "崂审批告"


def upgrade() -> None:
    op.add_column("approval_project", sa.Column("notice_number", sa.String(length=40), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, menu_issued_on, start_date FROM approval_project ORDER BY seq")).all()
    last: dict[int, int] = {}
    for row_id, issued, start in rows:
        day = issued or start
        year = int(str(day)[:4])
        last[year] = last.get(year, 0) + 1
        bind.execute(
            sa.text("UPDATE approval_project SET notice_number = :n WHERE id = :id"),
            {"n": f"{AGENCY}〔{year}〕{last[year]}号", "id": row_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("approval_project") as batch:
        batch.drop_column("notice_number")
