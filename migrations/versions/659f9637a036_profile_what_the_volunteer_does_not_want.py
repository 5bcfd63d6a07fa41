"""Profile: what the volunteer does not want (avoided domains, kinds and contexts)

``candidate_profiles.avoid_domains``, ``avoid_kinds`` and ``avoid_contexts``: JSON lists of slugs
(domain slugs, mission kind slugs, and ``screen`` | ``children`` | ``physical``), empty for
existing profiles. The recommender never suggests a mission they rule out.

Revision ID: 659f9637a036
Revises: db06c2409afb
Create Date: 2026-12-07 16:39:07.994172

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "659f9637a036"
down_revision = "db06c2409afb"
branch_labels = None
depends_on = None

COLUMNS = ("avoid_domains", "avoid_kinds", "avoid_contexts")


def upgrade():
    with op.batch_alter_table("candidate_profiles", schema=None) as batch_op:
        for name in COLUMNS:
            # The server default fills existing profiles: nobody avoided anything yet.
            batch_op.add_column(sa.Column(name, sa.JSON(), server_default="[]", nullable=False))


def downgrade():
    with op.batch_alter_table("candidate_profiles", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
