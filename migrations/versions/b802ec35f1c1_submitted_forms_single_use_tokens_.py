"""Submitted forms: single-use tokens against double submits

``submitted_forms`` holds the hidden token of each message, application and new-mission form
once it was taken into account, with the page it led to (``marketplace/once.py``). Rows older
than two days are deleted as new forms are sent.

Revision ID: b802ec35f1c1
Revises: ea0538da66d6
Create Date: 2026-12-07 20:24:55.905082

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b802ec35f1c1"
down_revision = "ea0538da66d6"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "submitted_forms",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("result_url", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_submitted_forms")),
    )
    with op.batch_alter_table("submitted_forms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submitted_forms_created_at"), ["created_at"], unique=False)


def downgrade():
    with op.batch_alter_table("submitted_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submitted_forms_created_at"))
    op.drop_table("submitted_forms")
