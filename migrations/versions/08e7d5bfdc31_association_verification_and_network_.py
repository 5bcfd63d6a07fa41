"""Association verification and network invitations

``association_verification_events``: the history of each association's verification (asked,
verified, refused: who, when, the reason, the registry numbers then). ``associations.
verification_requested_at``: set while a request waits (never on a verified association).
``network_members.status`` may now be ``invited`` (a network invited the association, which
accepts or declines), with ``invited_by_id``.

Revision ID: 08e7d5bfdc31
Revises: 659f9637a036
Create Date: 2026-12-07 19:58:00.968600

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "08e7d5bfdc31"
down_revision = "659f9637a036"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "association_verification_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("network_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("siren", sa.String(length=9), nullable=True),
        sa.Column("rna", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "action IN ('requested', 'verified', 'refused')",
            name=op.f("ck_association_verification_events_action"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_association_verification_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["associations.id"],
            name=op.f("fk_association_verification_events_association_id_associations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_association_verification_events_network_id_networks"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_association_verification_events")),
    )
    with op.batch_alter_table("association_verification_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_association_verification_events_association_id"), ["association_id"], unique=False
        )

    with op.batch_alter_table("associations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verification_requested_at", sa.DateTime(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_associations_verification_requested_at"), ["verification_requested_at"], unique=False
        )
        batch_op.create_check_constraint(
            "verified_not_requested", "NOT (verified AND verification_requested_at IS NOT NULL)"
        )

    with op.batch_alter_table("network_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invited_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_network_members_invited_by_id_users"),
            "users",
            ["invited_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.drop_constraint(batch_op.f("ck_network_members_status"), type_="check")
        batch_op.create_check_constraint("status", "status IN ('requested', 'invited', 'accepted')")


def downgrade():
    # Invitations nobody answered have no place in the older schema.
    op.execute("DELETE FROM network_members WHERE status = 'invited'")
    with op.batch_alter_table("network_members", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_network_members_status"), type_="check")
        batch_op.create_check_constraint("status", "status IN ('requested', 'accepted')")
        batch_op.drop_constraint(batch_op.f("fk_network_members_invited_by_id_users"), type_="foreignkey")
        batch_op.drop_column("invited_by_id")

    with op.batch_alter_table("associations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_associations_verified_not_requested"), type_="check")
        batch_op.drop_index(batch_op.f("ix_associations_verification_requested_at"))
        batch_op.drop_column("verification_requested_at")

    with op.batch_alter_table("association_verification_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_association_verification_events_association_id"))

    op.drop_table("association_verification_events")
