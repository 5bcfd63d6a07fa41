"""Accounts: e-mail verification, terms accepted, last seen, inactivity warning, erasure

``users.email_verified_at`` (an unverified account cannot apply, submit or publish),
``email_token_nonce`` (makes e-mail links single-use), ``terms_version`` and
``terms_accepted_at`` (what the person accepted at sign-up), ``last_seen_at`` (written at most
once a day; inactivity is counted from it), ``inactivity_warned_at`` and ``erased_at``.

Existing accounts are marked verified (they signed up before verification existed, and most
already received e-mails from us); their last visit starts as their last sign-in, or their
creation date, so nobody is warned for inactivity by the upgrade itself unless they really were
inactive that long. Their acceptance of the terms is left empty: we do not know which version
they saw.

Revision ID: ea0538da66d6
Revises: 4e896d3c022d
Create Date: 2026-12-07 20:28:37.113476

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "ea0538da66d6"
down_revision = "4e896d3c022d"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_verified_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("email_token_nonce", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("terms_version", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("terms_accepted_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("inactivity_warned_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_users_last_seen_at"), ["last_seen_at"], unique=False)
    # Existing accounts count as verified, and as last seen when they last signed in.
    op.execute("UPDATE users SET email_verified_at = created_at")
    op.execute("UPDATE users SET last_seen_at = COALESCE(last_login_at, created_at)")


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_last_seen_at"))
        batch_op.drop_column("erased_at")
        batch_op.drop_column("inactivity_warned_at")
        batch_op.drop_column("last_seen_at")
        batch_op.drop_column("terms_accepted_at")
        batch_op.drop_column("terms_version")
        batch_op.drop_column("email_token_nonce")
        batch_op.drop_column("email_verified_at")
