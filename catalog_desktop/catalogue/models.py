"""The catalogue's tables (SQLAlchemy 2 declarative); the importer writes them with Core.

Design notes, because they are choices:

* ``record`` keeps the MARC exactly: ``raw`` as imported (for text formats the record's text
  chunk), ``marc`` the current ISO 2709 bytes only when they differ from ``raw``.
* Everything else on ``record`` is derived (title, author, codes for display...) so the GUI
  can list, sort and filter in SQL without joins. ``zizo``/``siso``/``genres`` are display
  copies of the ``classification`` rows, rewritten whenever those are.
* Child tables (agents, subjects, codes, items) are keyed ``(record_id, seq)`` and, on
  SQLite, stored WITHOUT ROWID: the key keeps a record's rows together and doubles as the
  record_id index, so an import pays for no extra index. Reverse look-ups (code -> records,
  barcode) have no index yet: each costs import time, and search covers them; agent -> records
  has one (suggestions need it for every record).
* Timestamps are naive UTC.
* Search lives in ``record_fts`` (SQLite FTS5, created by the migration) or, where FTS5 is
  missing, in ``record_search`` (plain normalised text, portable).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Work(Base):
    __tablename__ = "work"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str | None] = mapped_column(Text)


class Agent(Base):
    __tablename__ = "agent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    name: Mapped[str] = mapped_column(Text)


class ImportRun(Base):
    __tablename__ = "import_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))  # running, completed, cancelled, failed
    who: Mapped[str | None] = mapped_column(String(200))
    profile_name: Mapped[str | None] = mapped_column(String(200))
    profile_hash: Mapped[str | None] = mapped_column(String(80))
    files: Mapped[str | None] = mapped_column(Text)  # JSON list of per-file summaries


# The browser's indexes (revision 0006). Without them a list, its count and its sort read the
# whole record table, MARC blobs and all (~100 ms on 100,000 records):
# * two partial indexes hold only the rows of a ready-made list, so an import pays only for
#   records without a ZIZO code, and nothing for "edited" (imports are never edited). Their
#   conditions read as the browser's filter does (``Records._where``): SQLite uses a partial
#   index only when the query repeats its condition;
# * (id, title) is the record list in a few MB: the first page in title order of all records
#   without reading them (``Records.page`` picks the ids first). Imports append to it (ids
#   only grow).
WITHOUT_ZIZO = "zizo IS NULL OR zizo = ''"
EDITED = {"sqlite": "edited = 1", "postgresql": "edited = true"}
ID_TITLE_INDEX = "ix_record_id_title"


class Record(Base):
    __tablename__ = "record"
    __table_args__ = (
        # In title order (the browser's default sort); zizo inside so the count reads no row.
        Index("ix_record_without_zizo", "title", "id", "zizo",
              sqlite_where=text(WITHOUT_ZIZO), postgresql_where=text(WITHOUT_ZIZO)),
        # "changed since import" and "my edits today" (who, since when).
        Index("ix_record_edited", "updated_by", "updated_at",
              sqlite_where=text(EDITED["sqlite"]), postgresql_where=text(EDITED["postgresql"])),
        Index(ID_TITLE_INDEX, "id", "title"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # 001 when present, else "sha1:<hex of raw>": what a re-import matches on.
    identity: Mapped[str] = mapped_column(String(200), unique=True)
    control_number: Mapped[str | None] = mapped_column(String(200))
    source_format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(16))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    marc: Mapped[bytes | None] = mapped_column(LargeBinary)
    warnings: Mapped[str | None] = mapped_column(Text)  # JSON [{code, message}], NULL if none
    title: Mapped[str] = mapped_column(Text, default="")
    main_author: Mapped[str | None] = mapped_column(Text)
    year: Mapped[str | None] = mapped_column(String(32))
    isbn: Mapped[str | None] = mapped_column(String(32))
    material: Mapped[str | None] = mapped_column(String(32))
    literary_type: Mapped[str | None] = mapped_column(String(32))
    audience: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    zizo: Mapped[str | None] = mapped_column(Text)
    siso: Mapped[str | None] = mapped_column(Text)
    genres: Mapped[str | None] = mapped_column(Text)
    work_id: Mapped[int | None] = mapped_column(ForeignKey("work.id"), index=True)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_offset: Mapped[int | None] = mapped_column(BigInteger)  # national exports pass 2 GB
    source_position: Mapped[int | None] = mapped_column(Integer)
    # No foreign key: informational, and runs are never deleted.
    import_run_id: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic locking
    profile_name: Mapped[str | None] = mapped_column(String(200))
    profile_hash: Mapped[str | None] = mapped_column(String(80))
    # Team catalogue: the partner library a record belongs to (NULL: the Bibliografisch
    # Centrum's shared records), and who saved the current version (imports: see import_run).
    owner_library: Mapped[str | None] = mapped_column(String(64))
    updated_by: Mapped[str | None] = mapped_column(String(200))


# SQLite: store child rows in their primary key's B-tree (record_id, seq) instead of a rowid
# table plus a separate key index: one B-tree write per row instead of two. Ignored elsewhere.
_CLUSTERED = {"sqlite_with_rowid": False}


def _record_fk() -> ForeignKey:
    return ForeignKey("record.id", ondelete="CASCADE")


class RecordAgent(Base):
    __table_args__ = _CLUSTERED
    __tablename__ = "record_agent"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Indexed (revision 0004): suggestions look up the other records of a record's authors.
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id"), index=True)
    role: Mapped[str] = mapped_column(String(64))
    tag: Mapped[str] = mapped_column(String(3))
    main: Mapped[bool] = mapped_column(Boolean, default=False)


class Subject(Base):
    __table_args__ = _CLUSTERED
    __tablename__ = "subject"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    tag: Mapped[str] = mapped_column(String(3))
    audience: Mapped[str | None] = mapped_column(String(32))
    source_code: Mapped[str | None] = mapped_column(String(64))


class Classification(Base):
    __tablename__ = "classification"
    # No (scheme, code) index: it cost ~10 us per imported record (a quarter of the store's
    # budget); code searches go through the search index, and a full scan of this table for
    # "all records with code X" takes milliseconds. Add it by migration if a query needs it.
    __table_args__ = _CLUSTERED
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    scheme: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)  # rubric path joined with " > "
    qualifier: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16), default="cataloged")
    tag: Mapped[str] = mapped_column(String(3))


class Item(Base):
    __table_args__ = _CLUSTERED
    __tablename__ = "item"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    barcode: Mapped[str | None] = mapped_column(String(64))  # searchable through the search index
    library: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    call_number: Mapped[str | None] = mapped_column(Text)
    tag: Mapped[str] = mapped_column(String(3))


class RecordVersion(Base):
    """A before-image: the record's bytes as they were before a change, and that change."""

    __tablename__ = "record_version"
    __table_args__ = (Index("ix_record_version_record_id_version", "record_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(_record_fk())
    version: Mapped[int] = mapped_column(Integer)  # the version these bytes were
    marc: Mapped[bytes] = mapped_column(LargeBinary)  # current ISO 2709 bytes before the change
    warnings: Mapped[str | None] = mapped_column(Text)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(32))  # import, reimport, edit, undo, ...
    import_run_id: Mapped[int | None] = mapped_column(Integer)


class Quarantine(Base):
    __tablename__ = "quarantine"
    __table_args__ = (UniqueConstraint("source_name", "source_offset", "raw_sha1"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_file: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(400))  # file name: survives moving the folder
    source_format: Mapped[str] = mapped_column(String(16))
    source_offset: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    raw_sha1: Mapped[str] = mapped_column(String(40))
    reason_code: Mapped[str] = mapped_column(String(64))
    reason_message: Mapped[str] = mapped_column(Text)
    import_run_id: Mapped[int | None] = mapped_column(Integer)
    quarantined_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class RecordSearch(Base):
    """Portable search text (lower case, no diacritics), used only where FTS5 is missing."""

    __tablename__ = "record_search"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    ids: Mapped[str] = mapped_column(Text, default="")
    zizo: Mapped[str] = mapped_column(Text, default="")
    siso: Mapped[str] = mapped_column(Text, default="")
    genre: Mapped[str] = mapped_column(Text, default="")
    codes: Mapped[str] = mapped_column(Text, default="")
    subjects: Mapped[str] = mapped_column(Text, default="")



class SuggestionDecision(Base):
    """A cataloger's answer to one suggested code: the data the next model learns from.

    ``decision`` is ``accepted`` or ``rejected``; a rejection is a known negative for training
    and keeps the code from being suggested again for that record. ``bundle`` names the model
    bundle (name and version/hash) that proposed the code, so reports can say how often each
    bundle's suggestions were accepted. ``undone`` marks a decision taken back (undo).
    """

    __tablename__ = "suggestion_decision"
    __table_args__ = (Index("ix_suggestion_decision_record_id", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(_record_fk())
    scheme: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    rank: Mapped[int | None] = mapped_column(Integer)
    bundle: Mapped[str | None] = mapped_column(String(200))
    who: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class LabelAdjustment(Base):
    """A per-copy change to what one spine label says, kept apart from the MARC record.

    A library may print another shelving word or colour on one copy without touching the
    shared record. The copy is named by ``item_key``: its barcode when it has one, else
    ``seq:<n>`` (its position among the record's items). ``field`` is a label-data column name.
    """

    __tablename__ = "label_adjustment"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class RecordPresence(Base):
    """Who has a record open in an editor, and where; kept alive by a heartbeat.

    Advisory only (the version column is what prevents lost updates): the editor shows
    "also open at ..." from rows whose heartbeat is recent, and removes its row on close.
    """

    __tablename__ = "record_presence"
    record_id: Mapped[int] = mapped_column(_record_fk(), primary_key=True)
    who: Mapped[str] = mapped_column(String(200), primary_key=True)
    workstation: Mapped[str] = mapped_column(String(200), primary_key=True)
    since: Mapped[datetime] = mapped_column(DateTime)
    heartbeat: Mapped[datetime] = mapped_column(DateTime)


class ChangeSuggestion(Base):
    """A change proposed by someone who may not make it (a partner library, on a record of
    another library): the proposed MARC and the version it was based on, for a cataloger to
    accept (through the normal, version-checked save) or decline."""

    __tablename__ = "change_suggestion"
    __table_args__ = (Index("ix_change_suggestion_record_id", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(_record_fk())
    base_version: Mapped[int] = mapped_column(Integer)
    marc: Mapped[bytes] = mapped_column(LargeBinary)  # the proposed record, ISO 2709
    note: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(200))
    library: Mapped[str | None] = mapped_column(String(64))
    suggested_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, accepted, declined
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class TeamMember(Base):
    """On a server: which database login is which person, of which library, in which role.

    The row-level security policies read ``library`` for the connected login, so a partner
    library's login can only write its own records whatever SQL it sends. Maintained by
    ``catalog db grant``; ``kind`` is cataloger, partner, trainer or reader.
    """

    __tablename__ = "team_member"
    login: Mapped[str] = mapped_column(String(63), primary_key=True)  # PostgreSQL role name
    person: Mapped[str | None] = mapped_column(String(200))
    library: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))


class EditStep(Base):
    """One named, undoable edit (Anki's undo step): who did it, when, which model bundle
    proposed it (accepting a suggestion), and whether it is done, undone (redo possible) or
    dropped (undone and then another edit was made, so it can no longer be redone).
    ``decisions`` lists the suggestion decisions the step wrote (JSON), when it is one."""

    __tablename__ = "edit_step"
    __table_args__ = (Index("ix_edit_step_state", "state"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # edit, work, new, decision
    who: Mapped[str | None] = mapped_column(String(200))
    done_at: Mapped[datetime] = mapped_column(DateTime)
    bundle: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16), default="done")  # done, undone, dropped
    decisions: Mapped[str | None] = mapped_column(Text)


class EditStepRecord(Base):
    """A record one step touched: the version before, the version it made, and (once undone)
    the version the undo made, so redo can check nobody changed the record since.
    A record the step created keeps its bytes in ``marc``: undoing the creation removes the
    record, redoing it adds it again. So ``record_id`` is no foreign key (informational)."""

    __tablename__ = "edit_step_record"
    __table_args__ = (Index("ix_edit_step_record_record_id", "record_id"),)
    step_id: Mapped[int] = mapped_column(ForeignKey("edit_step.id", ondelete="CASCADE"), primary_key=True)
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    before_version: Mapped[int | None] = mapped_column(Integer)
    after_version: Mapped[int | None] = mapped_column(Integer)
    undone_version: Mapped[int | None] = mapped_column(Integer)
    marc: Mapped[bytes | None] = mapped_column(LargeBinary)


metadata = Base.metadata
tables = metadata.tables
