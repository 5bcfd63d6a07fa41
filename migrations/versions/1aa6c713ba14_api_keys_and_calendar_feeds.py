"""Partner API keys and volunteers' calendar links

``api_keys`` keeps the SHA-256 of each key and a short display prefix, never the key itself;
``network_id`` NULL means a site-wide key. ``calendar_feeds`` keeps one random nonce per
volunteer: the link is the nonce plus an HMAC of it under SECRET_KEY, so the table alone
opens no calendar, and a new nonce kills the old link.

Revision ID: 1aa6c713ba14
Revises: 22e82f45a4bb
Create Date: 2026-11-21 08:39:03.367410

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "1aa6c713ba14"
down_revision = "22e82f45a4bb"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_api_keys_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_api_keys_network_id_networks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_api_keys_secret_hash")),
    )
    op.create_index(op.f("ix_api_keys_network_id"), "api_keys", ["network_id"], unique=False)
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_calendar_feeds_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("nonce", name=op.f("uq_calendar_feeds_nonce")),
        sa.UniqueConstraint("user_id", name=op.f("uq_calendar_feeds_user_id")),
    )


def downgrade():
    op.drop_table("calendar_feeds")
    op.drop_index(op.f("ix_api_keys_network_id"), table_name="api_keys")
    op.drop_table("api_keys")
