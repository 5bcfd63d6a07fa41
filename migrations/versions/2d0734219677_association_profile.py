"""Association profile: address, contact for volunteers, logo; unsafe websites removed

``associations.address`` (street), ``contact_email``, ``contact_phone``, ``contact_public`` (shown
to everyone only when the association chose so) and ``logo_name`` (a file under instance/logos/).
Websites that are not plain http(s) addresses (``javascript:`` and the like, accepted by the old
sign-up form) are emptied: they were rendered as links and sent by the API.

Revision ID: 2d0734219677
Revises: 08e7d5bfdc31
Create Date: 2026-12-07 20:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "2d0734219677"
down_revision = "08e7d5bfdc31"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("associations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.String(length=255), server_default="", nullable=False))
        batch_op.add_column(sa.Column("contact_email", sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column("contact_phone", sa.String(length=25), nullable=True))
        batch_op.add_column(sa.Column("contact_public", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("logo_name", sa.String(length=80), nullable=True))
    # Keep only http(s) websites; the app also refuses to render or send anything else.
    op.execute(
        "UPDATE associations SET website = NULL WHERE website IS NOT NULL "
        "AND lower(trim(website)) NOT LIKE 'http://%' AND lower(trim(website)) NOT LIKE 'https://%'"
    )


def downgrade():
    with op.batch_alter_table("associations", schema=None) as batch_op:
        batch_op.drop_column("logo_name")
        batch_op.drop_column("contact_public")
        batch_op.drop_column("contact_phone")
        batch_op.drop_column("contact_email")
        batch_op.drop_column("address")
