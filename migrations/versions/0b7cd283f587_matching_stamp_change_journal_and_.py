"""Matching stamp, change journal and mission invitations

matching_state holds one row (created by the first commit that changes a mission: the services
upsert it atomically); matching_changes journals the missions changed under each version, so
every worker replays only what it missed; mission_invitations: one per mission and candidate.

Revision ID: 0b7cd283f587
Revises: 4f9d2deab5fb
Create Date: 2026-11-21 08:31:51.323745

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0b7cd283f587'
down_revision = '4f9d2deab5fb'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('matching_changes',
    sa.Column('version', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('mission_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('version', 'mission_id', name=op.f('pk_matching_changes'))
    )
    op.create_table('matching_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('version', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('epoch', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matching_state'))
    )
    op.create_table('mission_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mission_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['users.id'], name=op.f('fk_mission_invitations_candidate_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_mission_invitations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mission_id'], ['missions.id'], name=op.f('fk_mission_invitations_mission_id_missions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mission_invitations')),
    sa.UniqueConstraint('mission_id', 'candidate_id', name='uq_mission_invitations_pair')
    )
    with op.batch_alter_table('mission_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mission_invitations_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mission_invitations_mission_id'), ['mission_id'], unique=False)



def downgrade():
    with op.batch_alter_table('mission_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mission_invitations_mission_id'))
        batch_op.drop_index(batch_op.f('ix_mission_invitations_candidate_id'))

    op.drop_table('mission_invitations')
    op.drop_table('matching_state')
    op.drop_table('matching_changes')
