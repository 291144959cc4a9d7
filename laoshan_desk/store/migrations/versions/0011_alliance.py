"""alliance: members, honours, anti-counterfeiting requests, complaints and reports, spot checks,
policies and pushes, awards, seminars

Revision ID: 0011_alliance
Revises: 0010_enterprises (its tables refer to the enterprise table)
Create Date: 2026-12-02 18:30:00
"""

import sqlalchemy as sa
from alembic import op

import laoshan_desk.store.base

revision = "0011_alliance"
down_revision = "0010_enterprises"
branch_labels = ("alliance",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alliance_policy",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("industries", sa.JSON(), nullable=False),
        sa.Column("honours", sa.JSON(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_policy")),
        sa.UniqueConstraint("code", name=op.f("uq_alliance_policy_code")),
    )
    op.create_table(
        "alliance_seminar",
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_seminar")),
    )
    with op.batch_alter_table("alliance_seminar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_seminar_held_on"), ["held_on"], unique=False)
    op.create_table(
        "alliance_spot_plan",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("season", sa.String(length=16), nullable=False),
        sa.Column("product", sa.String(length=16), nullable=False),
        sa.Column("planned_batches", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_spot_plan")),
        sa.UniqueConstraint("year", "season", "product", name="uq_alliance_spot_plan_entry"),
    )
    op.create_table(
        "alliance_award",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_award_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["alliance_policy.id"], name=op.f("fk_alliance_award_policy_id_alliance_policy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_award")),
    )
    with op.batch_alter_table("alliance_award", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_award_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_award_paid_on"), ["paid_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_award_year"), ["year"], unique=False)
    op.create_table(
        "alliance_honour",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_honour_enterprise_id_enterprise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_honour")),
        sa.UniqueConstraint("enterprise_id", "level", "title", "year", name="uq_alliance_honour_entry"),
    )
    with op.batch_alter_table("alliance_honour", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_honour_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_honour_level"), ["level"], unique=False)
    op.create_table(
        "alliance_member",
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("liaison_name", sa.String(length=50), nullable=False),
        sa.Column("liaison_phone", sa.String(length=32), nullable=False),
        sa.Column("liaison_user_id", sa.Uuid(), nullable=True),
        sa.Column("member_since", sa.Date(), nullable=False),
        sa.Column("pledge_signed_on", sa.Date(), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("industry", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_member_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["liaison_user_id"], ["app_user.id"], name=op.f("fk_alliance_member_liaison_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_member")),
        sa.UniqueConstraint("enterprise_id", name=op.f("uq_alliance_member_enterprise_id")),
    )
    with op.batch_alter_table("alliance_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_member_industry"), ["industry"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_member_liaison_user_id"), ["liaison_user_id"], unique=False)
    op.create_table(
        "alliance_policy_push",
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("pushed_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_policy_push_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["alliance_policy.id"], name=op.f("fk_alliance_policy_push_policy_id_alliance_policy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_policy_push")),
        sa.UniqueConstraint("policy_id", "enterprise_id", name="uq_alliance_policy_push_pair"),
    )
    with op.batch_alter_table("alliance_policy_push", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_policy_push_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_policy_push_pushed_at"), ["pushed_at"], unique=False)
    op.create_table(
        "alliance_seminar_attendee",
        sa.Column("seminar_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("person", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_seminar_attendee_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["seminar_id"],
            ["alliance_seminar.id"],
            name=op.f("fk_alliance_seminar_attendee_seminar_id_alliance_seminar"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_seminar_attendee")),
    )
    with op.batch_alter_table("alliance_seminar_attendee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_seminar_attendee_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_seminar_attendee_seminar_id"), ["seminar_id"], unique=False)
    op.create_table(
        "alliance_spot_batch",
        sa.Column("plan_id", sa.Uuid(), nullable=True),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("product", sa.String(length=16), nullable=False),
        sa.Column("product_name", sa.String(length=100), nullable=False),
        sa.Column("batch_number", sa.String(length=40), nullable=False),
        sa.Column("sampled_on", sa.Date(), nullable=False),
        sa.Column("lab", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("fee", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("repeat_confirmed", sa.Boolean(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("items_failed", sa.Text(), nullable=False),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("reinspection_requested_on", sa.Date(), nullable=True),
        sa.Column("followup_due", sa.Date(), nullable=True),
        sa.Column("followup_step", sa.String(length=16), nullable=True),
        sa.Column("followup_closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_spot_batch_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["alliance_spot_plan.id"], name=op.f("fk_alliance_spot_batch_plan_id_alliance_spot_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_spot_batch")),
        sa.UniqueConstraint("batch_number", name=op.f("uq_alliance_spot_batch_batch_number")),
    )
    with op.batch_alter_table("alliance_spot_batch", schema=None) as batch_op:
        batch_op.create_index(
            "ix_alliance_spot_batch_enterprise_product", ["enterprise_id", "product", "sampled_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_alliance_spot_batch_followup_due"), ["followup_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_spot_batch_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_spot_batch_result"), ["result"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_spot_batch_sampled_on"), ["sampled_on"], unique=False)
    op.create_table(
        "alliance_complaint",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("received_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("complainant", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("real_name", sa.Boolean(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("enterprise_name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("member_id", sa.Uuid(), nullable=True),
        sa.Column("officer_name", sa.String(length=50), nullable=False),
        sa.Column("officer_user_id", sa.Uuid(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("decided_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("reject_reason", sa.String(length=16), nullable=True),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("notified_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("accept_limit", sa.Date(), nullable=False),
        sa.Column("finish_limit", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_alliance_complaint_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["alliance_member.id"], name=op.f("fk_alliance_complaint_member_id_alliance_member")
        ),
        sa.ForeignKeyConstraint(
            ["officer_user_id"], ["app_user.id"], name=op.f("fk_alliance_complaint_officer_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_complaint")),
        sa.UniqueConstraint("number", name=op.f("uq_alliance_complaint_number")),
        sa.UniqueConstraint("seq", name=op.f("uq_alliance_complaint_seq")),
    )
    with op.batch_alter_table("alliance_complaint", schema=None) as batch_op:
        batch_op.create_index("ix_alliance_complaint_due", ["due_on", "seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_complaint_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index("ix_alliance_complaint_finished", ["finished_at", "outcome", "late"], unique=False)
        batch_op.create_index("ix_alliance_complaint_kind_received", ["kind", "received_at"], unique=False)
        batch_op.create_index("ix_alliance_complaint_member_received", ["member_id", "received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_complaint_officer_user_id"), ["officer_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_complaint_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_alliance_complaint_status_due", ["status", "due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_complaint_uscc"), ["uscc"], unique=False)
    op.create_table(
        "alliance_request",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("products", sa.Text(), nullable=False),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("officers", sa.String(length=200), nullable=False),
        sa.Column("regions", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["alliance_member.id"], name=op.f("fk_alliance_request_member_id_alliance_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_request")),
        sa.UniqueConstraint("number", name=op.f("uq_alliance_request_number")),
    )
    with op.batch_alter_table("alliance_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_request_closed_on"), ["closed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_request_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alliance_request_received_on"), ["received_on"], unique=False)
    op.create_table(
        "alliance_spot_followup",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["alliance_spot_batch.id"],
            name=op.f("fk_alliance_spot_followup_batch_id_alliance_spot_batch"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_spot_followup")),
    )
    with op.batch_alter_table("alliance_spot_followup", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_spot_followup_batch_id"), ["batch_id"], unique=False)
    op.create_table(
        "alliance_complaint_pause",
        sa.Column("complaint_id", sa.Uuid(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["alliance_complaint.id"],
            name=op.f("fk_alliance_complaint_pause_complaint_id_alliance_complaint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_complaint_pause")),
    )
    with op.batch_alter_table("alliance_complaint_pause", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_complaint_pause_complaint_id"), ["complaint_id"], unique=False)
    op.create_table(
        "alliance_request_step",
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("officers", sa.String(length=200), nullable=False),
        sa.Column("regions", sa.String(length=200), nullable=False),
        sa.Column("letter_number", sa.String(length=40), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("at", laoshan_desk.store.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["alliance_request.id"],
            name=op.f("fk_alliance_request_step_request_id_alliance_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_request_step")),
    )
    with op.batch_alter_table("alliance_request_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alliance_request_step_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alliance_request_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_request_step_request_id"))
    op.drop_table("alliance_request_step")
    with op.batch_alter_table("alliance_complaint_pause", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_complaint_pause_complaint_id"))
    op.drop_table("alliance_complaint_pause")
    with op.batch_alter_table("alliance_spot_followup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_spot_followup_batch_id"))
    op.drop_table("alliance_spot_followup")
    with op.batch_alter_table("alliance_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_request_received_on"))
        batch_op.drop_index(batch_op.f("ix_alliance_request_member_id"))
        batch_op.drop_index(batch_op.f("ix_alliance_request_closed_on"))
    op.drop_table("alliance_request")
    with op.batch_alter_table("alliance_complaint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_complaint_uscc"))
        batch_op.drop_index("ix_alliance_complaint_status_due")
        batch_op.drop_index(batch_op.f("ix_alliance_complaint_received_at"))
        batch_op.drop_index(batch_op.f("ix_alliance_complaint_officer_user_id"))
        batch_op.drop_index("ix_alliance_complaint_member_received")
        batch_op.drop_index("ix_alliance_complaint_kind_received")
        batch_op.drop_index("ix_alliance_complaint_finished")
        batch_op.drop_index(batch_op.f("ix_alliance_complaint_enterprise_id"))
        batch_op.drop_index("ix_alliance_complaint_due")
    op.drop_table("alliance_complaint")
    with op.batch_alter_table("alliance_spot_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_spot_batch_sampled_on"))
        batch_op.drop_index(batch_op.f("ix_alliance_spot_batch_result"))
        batch_op.drop_index(batch_op.f("ix_alliance_spot_batch_plan_id"))
        batch_op.drop_index(batch_op.f("ix_alliance_spot_batch_followup_due"))
        batch_op.drop_index("ix_alliance_spot_batch_enterprise_product")
    op.drop_table("alliance_spot_batch")
    with op.batch_alter_table("alliance_seminar_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_seminar_attendee_seminar_id"))
        batch_op.drop_index(batch_op.f("ix_alliance_seminar_attendee_enterprise_id"))
    op.drop_table("alliance_seminar_attendee")
    with op.batch_alter_table("alliance_policy_push", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_policy_push_pushed_at"))
        batch_op.drop_index(batch_op.f("ix_alliance_policy_push_enterprise_id"))
    op.drop_table("alliance_policy_push")
    with op.batch_alter_table("alliance_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_member_liaison_user_id"))
        batch_op.drop_index(batch_op.f("ix_alliance_member_industry"))
    op.drop_table("alliance_member")
    with op.batch_alter_table("alliance_honour", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_honour_level"))
        batch_op.drop_index(batch_op.f("ix_alliance_honour_enterprise_id"))
    op.drop_table("alliance_honour")
    with op.batch_alter_table("alliance_award", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_award_year"))
        batch_op.drop_index(batch_op.f("ix_alliance_award_paid_on"))
        batch_op.drop_index(batch_op.f("ix_alliance_award_enterprise_id"))
    op.drop_table("alliance_award")
    op.drop_table("alliance_spot_plan")
    with op.batch_alter_table("alliance_seminar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_seminar_held_on"))
    op.drop_table("alliance_seminar")
    op.drop_table("alliance_policy")
