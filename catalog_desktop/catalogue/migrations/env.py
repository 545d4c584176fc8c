"""Alembic environment, run programmatically by :mod:`catalog_desktop.catalogue.schema`.

No alembic.ini at run time: the caller passes an open connection in
``config.attributes["connection"]``. Offline (``--sql``) mode is not supported; use
``catalog db upgrade`` against a real database.
"""

from __future__ import annotations

from alembic import context

from catalog_desktop.catalogue.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("catalog-desktop migrations run through catalog_desktop.catalogue.schema.upgrade()")



def include_name(name, type_, _parent_names) -> bool:
    # record_fts and its shadow tables are made by hand (FTS5), not from models.py.
    return not (type_ == "table" and name and name.startswith("record_fts"))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode copies the table, which Alembic does for us.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
