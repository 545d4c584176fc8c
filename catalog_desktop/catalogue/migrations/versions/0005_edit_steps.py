"""Edit steps: every edit is a named, undoable step (who, when, which model bundle), with the
record versions it went from and to.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('edit_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=False),
    sa.Column('bundle', sa.String(length=200), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_edit_step'))
    )
    op.create_index('ix_edit_step_state', 'edit_step', ['state'], unique=False)
    op.create_table('edit_step_record',
    sa.Column('step_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('before_version', sa.Integer(), nullable=True),
    sa.Column('after_version', sa.Integer(), nullable=True),
    sa.Column('undone_version', sa.Integer(), nullable=True),
    sa.Column('marc', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['step_id'], ['edit_step.id'], name=op.f('fk_edit_step_record_step_id_edit_step'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('step_id', 'record_id', name=op.f('pk_edit_step_record'))
    )
    op.create_index('ix_edit_step_record_record_id', 'edit_step_record', ['record_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_edit_step_record_record_id', table_name='edit_step_record')
    op.drop_table('edit_step_record')
    op.drop_index('ix_edit_step_state', table_name='edit_step')
    op.drop_table('edit_step')
