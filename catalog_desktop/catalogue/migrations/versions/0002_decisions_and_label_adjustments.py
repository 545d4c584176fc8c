"""Suggestion decisions (accepted / rejected codes) and per-copy label adjustments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('suggestion_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=200), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('bundle', sa.String(length=200), nullable=True),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_suggestion_decision_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion_decision'))
    )
    op.create_index('ix_suggestion_decision_record_id', 'suggestion_decision', ['record_id'], unique=False)
    op.create_table('label_adjustment',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_label_adjustment_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'item_key', 'field', name=op.f('pk_label_adjustment'))
    )


def downgrade() -> None:
    op.drop_table('label_adjustment')
    op.drop_index('ix_suggestion_decision_record_id', table_name='suggestion_decision')
    op.drop_table('suggestion_decision')
