"""approvals: each catalog item's kind of time limit, level and unverified citations

Revision ID: 0023_approvals_limit_kinds
Revises: 0022_approvals_notice_number
Create Date: 2026-12-03 13:05:00

Items stored before this revision take the kind, level and unverified citations of the same code
in the reference file resources/data/approval_catalog.json (docs/rules/reference-data.md); an
item the file does not have keeps counting working days, with its citations unverified.
"""

import json

import sqlalchemy as sa
from alembic import op

from laoshan_desk.config import RESOURCES

revision = "0023_approvals_limit_kinds"
down_revision = "0022_approvals_notice_number"
branch_labels = None
depends_on = None

CATALOG = RESOURCES / "data" / "approval_catalog.json"


def _reference() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(CATALOG.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    rows = data.get("items", []) if isinstance(data, dict) else data
    return {str(r.get("code")): r for r in rows if isinstance(r, dict)}


def upgrade() -> None:
    op.add_column(
        "approval_item", sa.Column("limit_kind", sa.String(length=16), nullable=False, server_default="working_days")
    )
    op.add_column("approval_item", sa.Column("level", sa.String(length=16), nullable=False, server_default="district"))
    op.add_column("approval_item", sa.Column("unverified", sa.JSON(), nullable=False, server_default="[]"))
    reference = _reference()
    bind = op.get_bind()
    for code, basis in bind.execute(sa.text("SELECT code, legal_basis FROM approval_item")).all():
        ref = reference.get(code)
        texts = json.loads(basis) if isinstance(basis, str) else list(basis or [])
        if ref is None:
            kind, level, unverified = "working_days", "district", [str(t) for t in texts]
        else:
            kind = str(ref.get("limit_kind") or "working_days")
            level = str(ref.get("level") or "district")
            flagged = {
                str(c.get("text")) for c in ref.get("legal_basis") or [] if isinstance(c, dict) and c.get("verified")
            }
            unverified = [str(t) for t in texts if str(t) not in flagged]
        bind.execute(
            sa.text("UPDATE approval_item SET limit_kind = :k, level = :l, unverified = :u WHERE code = :c"),
            {"k": kind, "l": level, "u": json.dumps(unverified, ensure_ascii=False), "c": code},
        )


def downgrade() -> None:
    with op.batch_alter_table("approval_item") as batch:
        batch.drop_column("unverified")
        batch.drop_column("level")
        batch.drop_column("limit_kind")
