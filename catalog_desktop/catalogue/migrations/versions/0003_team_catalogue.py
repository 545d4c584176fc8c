"""Team catalogue: owning library and last editor of a record, presence, change suggestions,
team members (the logins the server's row-level security knows).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py). Works on SQLite and PostgreSQL; the
PostgreSQL roles and row-level security policies are not schema but access rules, applied by
``catalog db roles`` (see catalogue/security.py), because creating roles needs rights a
schema owner may not have.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default): no table copy on SQLite, instant on PostgreSQL.
    op.add_column('record', sa.Column('owner_library', sa.String(length=64), nullable=True))
    op.add_column('record', sa.Column('updated_by', sa.String(length=200), nullable=True))
    op.create_table('record_presence',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('workstation', sa.String(length=200), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.Column('heartbeat', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_record_presence_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'who', 'workstation', name=op.f('pk_record_presence'))
    )
    op.create_table('change_suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('marc', sa.LargeBinary(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('library', sa.String(length=64), nullable=True),
    sa.Column('suggested_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_change_suggestion_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_suggestion'))
    )
    op.create_index('ix_change_suggestion_record_id', 'change_suggestion', ['record_id'], unique=False)
    op.create_table('team_member',
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=True),
    sa.Column('library', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('login', name=op.f('pk_team_member'))
    )


def downgrade() -> None:
    op.drop_table('team_member')
    op.drop_index('ix_change_suggestion_record_id', table_name='change_suggestion')
    op.drop_table('change_suggestion')
    op.drop_table('record_presence')
    with op.batch_alter_table('record') as batch:
        batch.drop_column('updated_by')
        batch.drop_column('owner_library')
