"""The one object GUI, CLI and tests use to reach the catalogue (Anki's ``Collection``).

    with Catalogue.open("test.sqlite") as cat:
        summary = cat.import_files(["export.mrc"])
        hits = cat.search("zizo:voetbal")
        record = cat.records.get(hits[0].id)

Small parts do the work: ``records``, ``works``, ``quarantine``, ``history``, ``settings``,
``label_adjustments`` (per-copy spine-label changes), ``decisions`` (accepted and rejected
suggestions), ``edits`` (named, undoable edit steps: undo/redo and the history), ``work_codes`` (a code for every
edition of a work at once), ``new_records`` (templates, start from an ISBN, duplicates),
``checks`` (validation as you type, required fields per level), and for a team ``presence`` (who has a record open) and ``proposals``
(suggested changes).
Writes are serialised inside the process by one lock (SQLite allows one writer anyway);
reads may run on any thread. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import threading
from typing import BinaryIO, Callable, Iterable, Sequence

from sqlalchemy import Engine, select

from catalog_desktop.catalogue import schema
from catalog_desktop.catalogue.changes import current_user
from catalog_desktop.catalogue.db import create_catalogue_engine, reading, resolve_url
from catalog_desktop.catalogue.decisions import Decisions
from catalog_desktop.catalogue.edits import Edits
from catalog_desktop.catalogue.history import History
from catalog_desktop.catalogue.new_records import NewRecords
from catalog_desktop.catalogue.label_adjustments import LabelAdjustments
from catalog_desktop.catalogue.presence import Presence
from catalog_desktop.catalogue.proposals import Proposals
from catalog_desktop.catalogue.quarantine import QuarantineItems
from catalog_desktop.catalogue.records import Records
from catalog_desktop.catalogue.search import SearchIndex, index_for, parse
from catalog_desktop.catalogue.settings import Settings
from catalog_desktop.catalogue.summaries import ImportSummary
from catalog_desktop.catalogue.views import SUMMARY_COLUMNS, RecordSummary, summary
from catalog_desktop.catalogue.work_codes import WorkCodes
from catalog_desktop.catalogue.works import Works

Progress = Callable[[int, int, str], None]


class Catalogue:
    def __init__(self, engine: Engine, location: str):
        """Use :meth:`open`; this assumes the schema is already at head."""
        self.engine = engine
        self.location = location
        self._lock = threading.RLock()
        with reading(engine) as conn:
            self._index: SearchIndex = index_for(conn)
        self._profile = None
        self.settings = Settings(engine, self._lock)
        self.works = Works(engine)
        self.records = Records(engine, self._lock, self._index, self.profile, self.works)
        self.quarantine = QuarantineItems(engine, self._lock)
        self.history = History(engine)
        self.label_adjustments = LabelAdjustments(engine, self._lock)
        self._vocabs = None
        self._vocabs_key: tuple = ()
        self.decisions = Decisions(engine, self._lock, self.records, self.profile, self.vocabularies)
        self.edits = Edits(engine, self._lock, self.records)
        self.decisions.steps, self.edits.decisions = self.edits, self.decisions  # one undo history
        self.work_codes = WorkCodes(self.records, self.works, self.decisions, self.edits, self.profile)
        self.new_records = NewRecords(self.records, self.search, self.profile)
        self._checks = None
        self.user = self._login()
        self.presence = Presence(engine, self.user or "?")
        self.proposals = Proposals(engine, self.records)

    @classmethod
    def open(cls, url_or_path: str | os.PathLike | None = None) -> "Catalogue":
        """Open (creating if needed) and migrate a catalogue; see :func:`db.resolve_url`."""
        url = resolve_url(url_or_path)
        engine = create_catalogue_engine(url)
        location = engine.url.render_as_string(hide_password=True)
        try:
            schema.upgrade(engine, location)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, location)

    def _login(self) -> str | None:
        """Who is working: the database login on a server (what the server records and checks),
        the operating-system login on a SQLite file."""
        if self.engine.dialect.name == "postgresql":
            with reading(self.engine) as conn:
                return conn.exec_driver_sql("SELECT session_user").scalar()
        return current_user()

    @property
    def library(self) -> str | None:
        """On a server, the partner library this login belongs to (None: not a partner)."""
        if self.engine.dialect.name != "postgresql":
            return None
        with reading(self.engine) as conn:
            return conn.exec_driver_sql(
                "SELECT library FROM team_member WHERE login = session_user"
            ).scalar()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Catalogue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Catalogue {self.location}>"

    @property
    def search_backend(self) -> str:
        return self._index.name

    def profile(self, name_or_path: str | None = None):
        """The field profile records are understood with (the catalogue's ``profile`` setting)."""
        from catalog_desktop.marc.mapping import load_profile

        if name_or_path is not None:
            return load_profile(name_or_path)
        if self._profile is None:
            self._profile = load_profile(self.settings.get("profile"))
        return self._profile

    @property
    def checks(self):
        """The record checker (MARC 21 structure, Open Vlacc conventions, code lists, levels)."""
        from catalog_desktop.catalogue.record_checks import RecordChecker

        if self._checks is None:
            self._checks = RecordChecker(self.profile(), self.vocabularies())
        return self._checks

    def vocabularies(self):
        """The ZIZO, SISO and genre lists codes are checked and labelled with: the bundled (partial)
        defaults, then the official list files of the ``vocabulary_files`` setting, then the lists
        stored with the catalogue (``vocab_lists``, ``catalog vocab use``)."""
        from catalog_desktop.vocab import VocabularyList, load_vocabularies

        files = [tuple(f) if isinstance(f, list) else f for f in self.settings.get("vocabulary_files") or []]
        stored = self.settings.get("vocab_lists") or []
        key = (tuple(map(str, files)), tuple(entry.get("sha256", "") for entry in stored))
        if self._vocabs is None or self._vocabs_key != key:
            extra = [*files, *(VocabularyList.from_setting(entry) for entry in stored)]
            self._vocabs = load_vocabularies(extra=extra)
            self._vocabs_key = key
        return self._vocabs

    # --- long work ---------------------------------------------------------------------

    def import_files(self, paths: Sequence[str | os.PathLike] | str | os.PathLike, *, profile: str | None = None,
                     progress: Progress | None = None, cancel: threading.Event | None = None,
                     who: str | None = None, second_process: bool | None = None) -> ImportSummary:
        """Import MARC files and folders; see :mod:`catalog_desktop.catalogue.importer`.

        ``second_process=False`` keeps all the work in this process; by default a large file
        is read and derived in a second one when a core is free (:mod:`preparing_process`)."""
        from catalog_desktop.catalogue.importer import Importer

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        importer = Importer(self.engine, self._index, self._lock, self.profile(profile), who or self.user, second_process)
        return importer.run(paths, progress, cancel)

    def export(self, stream: BinaryIO, fmt: str = "iso2709", ids: Iterable[int] | None = None,
               progress: Progress | None = None, cancel: threading.Event | None = None) -> int:
        from catalog_desktop.catalogue.exporter import export

        return export(self.engine, stream, fmt, ids, progress, cancel)

    # --- finding -----------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[RecordSummary]:
        """Records matching every word, best first (see :mod:`search` for the syntax)."""
        terms = parse(query)
        if not terms:
            return []
        hits = self._index.ranked(terms, limit)
        from catalog_desktop.catalogue.models import Record

        r = Record.__table__
        stmt = select(*SUMMARY_COLUMNS).join(hits, hits.c.record_id == r.c.id).order_by(hits.c.score, r.c.id)
        with reading(self.engine) as conn:
            return [summary(row) for row in conn.execute(stmt)]

    def stats(self) -> dict:
        from catalog_desktop.catalogue.stats import gather

        with reading(self.engine) as conn:
            data = gather(conn)
        data["schema_revision"] = ",".join(schema.stamped_revisions(self.engine))
        data["search_index"] = self._index.name
        data["location"] = self.location
        return data
