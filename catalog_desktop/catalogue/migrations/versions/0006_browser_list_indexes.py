"""Indexes for the catalogue browser: the "no ZIZO yet" and "edited" lists, and (id, title).

Each list, its count and its first page scanned the whole record table (MARC blobs and all);
on 100,000 records "no ZIZO yet" took 100-300 ms. A partial index holds only the rows of its
list (in title order for "no ZIZO yet", with zizo inside so the count reads no row), so an
import pays only for the records it adds to a list. The conditions repeat the browser's
filters word for word (``Records._where``): SQLite uses a partial index only then.
(id, title) gives a page of all records in title order without reading the records (80 ->
~12 ms); imports append to it, as ids only grow.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

WITHOUT_ZIZO = "zizo IS NULL OR zizo = ''"


def upgrade() -> None:
    edited = "edited = true" if op.get_bind().dialect.name == "postgresql" else "edited = 1"
    op.create_index('ix_record_without_zizo', 'record', ['title', 'id', 'zizo'], unique=False,
                    sqlite_where=sa.text(WITHOUT_ZIZO), postgresql_where=sa.text(WITHOUT_ZIZO))
    op.create_index('ix_record_edited', 'record', ['updated_by', 'updated_at'], unique=False,
                    sqlite_where=sa.text(edited), postgresql_where=sa.text(edited))
    op.create_index('ix_record_id_title', 'record', ['id', 'title'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_record_id_title', table_name='record')
    op.drop_index('ix_record_edited', table_name='record')
    op.drop_index('ix_record_without_zizo', table_name='record')
