"""Index record_agent.agent_id: "the other records of this record's authors".

Suggestions use the codes of the same authors' other records as a hint, for every record
suggested for; without this index each such look-up scanned the whole table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py).
"""

from __future__ import annotations

from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_record_agent_agent_id', 'record_agent', ['agent_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_record_agent_agent_id', table_name='record_agent')
