"""Applications: when a 16-17 volunteer declared that a parent or guardian agrees

``applications.guardian_consent_at``: set when a volunteer of the 16-17 age range applies and ticks
that a parent or guardian agrees (required for them); None for adults and for older applications.

Revision ID: 4e896d3c022d
Revises: 2d0734219677
Create Date: 2026-12-07 21:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "4e896d3c022d"
down_revision = "2d0734219677"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guardian_consent_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_column("guardian_consent_at")
