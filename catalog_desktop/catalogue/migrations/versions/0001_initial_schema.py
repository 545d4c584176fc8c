"""Initial schema: records with their exact MARC, entities, history, quarantine, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Self-contained on purpose (no import of models.py or search.py): later changes to those
must not change what this revision does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


# SQLite only, and only where FTS5 is compiled in; elsewhere search uses record_search.
FTS_DDL = (
    "CREATE VIRTUAL TABLE record_fts USING fts5(title, author, ids, zizo, siso, genre, codes, subjects, "
    "tokenize='unicode61 remove_diacritics 2')"
)


def _has_fts5(bind) -> bool:
    if bind.dialect.name != "sqlite":
        return False
    options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    op.create_table('agent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent')),
    sa.UniqueConstraint('key', name=op.f('uq_agent_key'))
    )
    op.create_table('import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('profile_name', sa.String(length=200), nullable=True),
    sa.Column('profile_hash', sa.String(length=80), nullable=True),
    sa.Column('files', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run'))
    )
    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_file', sa.Text(), nullable=False),
    sa.Column('source_name', sa.String(length=400), nullable=False),
    sa.Column('source_format', sa.String(length=16), nullable=False),
    sa.Column('source_offset', sa.BigInteger(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('raw_sha1', sa.String(length=40), nullable=False),
    sa.Column('reason_code', sa.String(length=64), nullable=False),
    sa.Column('reason_message', sa.Text(), nullable=False),
    sa.Column('import_run_id', sa.Integer(), nullable=True),
    sa.Column('quarantined_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine')),
    sa.UniqueConstraint('source_name', 'source_offset', 'raw_sha1', name=op.f('uq_quarantine_source_name_source_offset_raw_sha1'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('work',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work')),
    sa.UniqueConstraint('key', name=op.f('uq_work_key'))
    )
    op.create_table('record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity', sa.String(length=200), nullable=False),
    sa.Column('control_number', sa.String(length=200), nullable=True),
    sa.Column('source_format', sa.String(length=16), nullable=False),
    sa.Column('encoding', sa.String(length=16), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('marc', sa.LargeBinary(), nullable=True),
    sa.Column('warnings', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('main_author', sa.Text(), nullable=True),
    sa.Column('year', sa.String(length=32), nullable=True),
    sa.Column('isbn', sa.String(length=32), nullable=True),
    sa.Column('material', sa.String(length=32), nullable=True),
    sa.Column('literary_type', sa.String(length=32), nullable=True),
    sa.Column('audience', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('zizo', sa.Text(), nullable=True),
    sa.Column('siso', sa.Text(), nullable=True),
    sa.Column('genres', sa.Text(), nullable=True),
    sa.Column('work_id', sa.Integer(), nullable=True),
    sa.Column('source_file', sa.Text(), nullable=True),
    sa.Column('source_offset', sa.BigInteger(), nullable=True),
    sa.Column('source_position', sa.Integer(), nullable=True),
    sa.Column('import_run_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('profile_name', sa.String(length=200), nullable=True),
    sa.Column('profile_hash', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_record_work_id_work')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record')),
    sa.UniqueConstraint('identity', name=op.f('uq_record_identity'))
    )
    op.create_index('ix_record_work_id', 'record', ['work_id'])
    op.create_table('classification',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=200), nullable=False),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('qualifier', sa.String(length=32), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('tag', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_classification_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'seq', name=op.f('pk_classification')),
    sqlite_with_rowid=False,
    )
    op.create_table('item',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=True),
    sa.Column('library', sa.Text(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('call_number', sa.Text(), nullable=True),
    sa.Column('tag', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_item_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'seq', name=op.f('pk_item')),
    sqlite_with_rowid=False,
    )
    op.create_table('record_agent',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('tag', sa.String(length=3), nullable=False),
    sa.Column('main', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_record_agent_agent_id_agent')),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_record_agent_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'seq', name=op.f('pk_record_agent')),
    sqlite_with_rowid=False,
    )
    op.create_table('record_search',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('ids', sa.Text(), nullable=False),
    sa.Column('zizo', sa.Text(), nullable=False),
    sa.Column('siso', sa.Text(), nullable=False),
    sa.Column('genre', sa.Text(), nullable=False),
    sa.Column('codes', sa.Text(), nullable=False),
    sa.Column('subjects', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_record_search_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_record_search'))
    )
    op.create_table('record_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('marc', sa.LargeBinary(), nullable=False),
    sa.Column('warnings', sa.Text(), nullable=True),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('import_run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_record_version_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_version'))
    )
    op.create_index('ix_record_version_record_id_version', 'record_version', ['record_id', 'version'])
    op.create_table('subject',
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('term', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('tag', sa.String(length=3), nullable=False),
    sa.Column('audience', sa.String(length=32), nullable=True),
    sa.Column('source_code', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['record.id'], name=op.f('fk_subject_record_id_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'seq', name=op.f('pk_subject')),
    sqlite_with_rowid=False,
    )
    if _has_fts5(op.get_bind()):
        op.execute(FTS_DDL)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS record_fts")
    op.drop_table('subject')
    op.drop_index('ix_record_version_record_id_version', table_name='record_version')
    op.drop_table('record_version')
    op.drop_table('record_search')
    op.drop_table('record_agent')
    op.drop_table('item')
    op.drop_table('classification')
    op.drop_index('ix_record_work_id', table_name='record')
    op.drop_table('record')
    op.drop_table('work')
    op.drop_table('setting')
    op.drop_table('quarantine')
    op.drop_table('import_run')
    op.drop_table('agent')
