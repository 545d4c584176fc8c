"""Importing MARC files into the catalogue: fast, restartable, and honest about every record.

For each file: read (tolerant), upsert each record by its identity (001, else a hash of its
bytes), quarantine what cannot be read. Work is committed in batches, one transaction each,
so a cancel, a Ctrl-C or a killed process leaves whole batches in and the rest out; running
the same import again completes it, each record present exactly once. Inside a batch's
transaction records go to the database a small chunk at a time (see :data:`CHUNK_SIZE`).
The store's share of the time is kept small with Core executemany per chunk, one identity
look-up per chunk and work/agent ids cached across batches (see :mod:`entity_rows`).
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from sqlalchemy import Engine, bindparam, update

from catalog_desktop.catalogue.changes import current_user, utcnow
from catalog_desktop.catalogue.db import writing
from catalog_desktop.catalogue.bulk import KeyLookup, bulk_insert
from catalog_desktop.catalogue.entity_rows import RECORD_VALUE_KEYS, EntityWriter
from catalog_desktop.catalogue.models import Record
from catalog_desktop.catalogue.quarantine import store_quarantined
from catalog_desktop.catalogue.runs import finish_run, start_run
from catalog_desktop.catalogue.search import SearchIndex
from catalog_desktop.catalogue.summaries import FileSummary, ImportSummary
from catalog_desktop.catalogue.preparing import Prepared, ReaderFailed, collecting_rarely
from catalog_desktop.catalogue.preparing_process import in_second_process, prepared_items_anywhere
from catalog_desktop.marc.reading import QuarantinedRecord

Progress = Callable[[int, int, str], None]
_FAILURE_WORDS = {"not-marc": "not MARC", "os-error": "cannot read", "failed": "failed"}
# Records per transaction. On SQLite, larger batches rewrite the B-tree pages every batch
# touches (the work-key index, the search index) fewer times: 2,000 instead of 500 saved
# ~6 us a record at 100,000 records. On a server a batch holds its records' row locks until
# it commits, so colleagues' saves wait at most for SERVER_BATCH_SIZE records.
BATCH_SIZE = 2000
SERVER_BATCH_SIZE = 500
# Records read before they are handed to the database, inside the batch's transaction. Small,
# because records waiting in memory are slow: with 2,000 of them alive at once reading and
# deriving cost ~30 us a record more than with 100 (they no longer fit the CPU's caches).
# On a server a chunk is the whole batch: its rows are locked in one statement, in id order,
# so two imports cannot deadlock (locks taken chunk by chunk could cross).
CHUNK_SIZE = 100
_RECORD = Record.__table__
# FOR UPDATE: on a server, a colleague's save of one of these records waits for the batch
# (or, if first, makes the batch see its version), so a re-import never loses an edit; rows
# are locked in id order, so two imports cannot deadlock. SQLite has one writer anyway and
# renders nothing for it.
_EXISTING = KeyLookup(_RECORD, ("id", "identity", "raw", "marc", "version", "warnings", "edited"), "identity", for_update=True)
_IDS = KeyLookup(_RECORD, ("identity", "id"), "identity")
RECORD_COLUMNS = (
    "identity", "control_number", "source_format", "encoding", "raw", "marc", "warnings", *RECORD_VALUE_KEYS,
    "work_id", "source_file", "source_offset", "source_position", "import_run_id", "imported_at", "updated_at",
    "edited", "version", "profile_name", "profile_hash",
)


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, folders walked recursively in sorted order, hidden entries skipped."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(p)
    return out


class _Batches:
    """Chunks of records written in transactions of ``size`` records, each committed whole.

    A batch's transaction stays open while its next chunk is read, holding the catalogue's
    write lock (SQLite has one writer anyway). :meth:`commit` ends it; :meth:`roll_back`
    (an error, Ctrl-C) drops the open batch, so committed batches stay and the rest is out.
    """

    def __init__(self, importer: Importer, size: int, committed: Callable[[], None]):
        self.importer, self.size, self.committed = importer, size, committed
        self._open: ExitStack | None = None
        self._conn = None
        self._count = 0

    @property
    def room(self) -> int:
        """Records the open batch still takes (its size, when none is open)."""
        return self.size - self._count

    def write(self, path: Path, pending: list[Prepared], quarantined: list[QuarantinedRecord]) -> dict[str, int]:
        started = time.perf_counter()
        try:
            if self._open is None:
                self._begin()
            result = self.importer._store_batch(self._conn, path, pending)
            result["quarantined"] = len(quarantined)
            store_quarantined(self._conn, path, quarantined, self.importer.run_id)
            self._count += len(pending) + len(quarantined)
        finally:
            self.importer.store_seconds += time.perf_counter() - started  # lock wait included, honestly
        return result

    def commit(self) -> None:
        if self._open is None:
            return
        started = time.perf_counter()
        opened, self._open, self._conn, self._count = self._open, None, None, 0
        try:
            opened.close()
        except BaseException:
            self.importer.writer.rolled_back()
            raise
        finally:
            self.importer.store_seconds += time.perf_counter() - started
        self.importer.writer.committed()
        self.committed()

    def roll_back(self, exc: BaseException) -> None:
        if self._open is None:
            return
        opened, self._open, self._conn, self._count = self._open, None, None, 0
        self.importer.writer.rolled_back()
        opened.__exit__(type(exc), exc, exc.__traceback__)  # the transaction sees the error: rollback

    def _begin(self) -> None:
        opened = ExitStack()
        opened.enter_context(self.importer.lock)
        try:
            self._conn = opened.enter_context(writing(self.importer.engine, foreign_key_checks=False))
        except BaseException:
            opened.close()
            raise
        self._open = opened


class Importer:
    """One import run: owns the run row, the entity caches and the counters."""

    def __init__(self, engine: Engine, index: SearchIndex, lock: threading.RLock, profile, who: str | None = None,
                 second_process: bool | None = None):
        self.engine = engine
        self.lock = lock
        self.profile = profile
        self.who = who or current_user()
        self.writer = EntityWriter(index)
        self.profile_name = getattr(profile, "name", None)
        self.profile_hash = getattr(profile, "hash", None)
        self.run_id: int | None = None
        self.store_seconds = 0.0  # everything the database side of the batches costs
        # None: large files are prepared in a second process when a core is free; False: never.
        self.second_process = second_process
        self.files_prepared_elsewhere = 0

    def run(self, paths: Sequence, progress: Progress | None = None, cancel: threading.Event | None = None) -> ImportSummary:
        files = expand_paths(paths)
        sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
        self.run_id = start_run(self.engine, self.who, self.profile)
        summaries: list[FileSummary] = []
        status = "failed"
        started = time.perf_counter()
        try:
            with collecting_rarely():
                done = 0
                for path, size in zip(files, sizes):
                    if cancel is not None and cancel.is_set():
                        break
                    summaries.append(self._import_file(path, done, sum(sizes), progress, cancel))
                    done += size
            if progress is not None:
                progress(done, sum(sizes), f"{sum(s.found for s in summaries):,} records read")
            status = "cancelled" if cancel is not None and cancel.is_set() else "completed"
        finally:
            # Also on Ctrl-C / errors: the run row says how far it got (committed batches stay).
            finish_run(self.engine, self.run_id, status, [s.as_dict() for s in summaries])
        seconds = time.perf_counter() - started
        # "read" = reading, parsing and deriving entities (or waiting for a second process to
        # do it); "store" = the database's share.
        timings = {"read": seconds - self.store_seconds, "store": self.store_seconds}
        return ImportSummary(tuple(summaries), self.run_id, status, seconds, timings, self.files_prepared_elsewhere)

    # --- one file ----------------------------------------------------------------------

    def _import_file(self, path: Path, base: int, total: int, progress, cancel) -> FileSummary:
        fmt: str | None = None
        pending: list[Prepared] = []
        quarantined: list[QuarantinedRecord] = []
        keys: set[str] = set()
        error: str | None = None
        position = 0

        counts = {"imported": 0, "updated": 0, "unchanged": 0, "quarantined": 0}

        def committed() -> None:
            if progress is not None:
                progress(base + position, total, f"{path.name}: {sum(counts.values()):,} records")

        sqlite = self.engine.dialect.name == "sqlite"
        batch_size = BATCH_SIZE if sqlite else min(BATCH_SIZE, SERVER_BATCH_SIZE)
        chunk_size = CHUNK_SIZE if sqlite else batch_size  # a chunk never passes the batch's room (below)
        batches = _Batches(self, batch_size, committed)

        def flush() -> None:
            if pending or quarantined:
                for name, n in batches.write(path, pending, quarantined).items():
                    counts[name] += n
                pending.clear(), quarantined.clear(), keys.clear()
                if batches.room <= 0:
                    batches.commit()

        second = self.second_process is not False and in_second_process(path, self.profile)
        self.files_prepared_elsewhere += second
        items = prepared_items_anywhere(path, self.profile, second)  # large files: perhaps in a second process
        try:
            while True:
                # Only the reader's errors are the file's; a storage error stops the run (below).
                try:
                    item = next(items)
                except StopIteration:
                    break
                except ReaderFailed as exc:
                    error = f"{_FAILURE_WORDS.get(exc.kind, 'failed')}: {exc}"
                    break
                fmt = fmt or item.source_format
                position = item.offset + len(item.raw)
                if isinstance(item, QuarantinedRecord):
                    quarantined.append(item)
                else:
                    if item.identity in keys:  # the same record twice in one chunk: store the first first
                        flush()
                    keys.add(item.identity)
                    pending.append(item)
                if len(pending) + len(quarantined) >= min(chunk_size, batches.room):
                    flush()
                if cancel is not None and cancel.is_set():
                    break
            flush()  # what was read before a cancel or a reader error is whole: keep it
            batches.commit()
        except BaseException as exc:
            batches.roll_back(exc)  # Ctrl-C or a storage error: the open batch goes, committed ones stay
            raise
        finally:
            items.close()  # closes the file now, also after a cancel or an error
        return FileSummary(str(path), fmt, sum(counts.values()), error=error, **counts)

    # --- one chunk ---------------------------------------------------------------------

    def _store_batch(self, conn, path: Path, pending: list[Prepared]) -> dict[str, int]:
        if not pending:
            return {}
        existing = {row.identity: row for row in _EXISTING.rows(conn, [p.identity for p in pending])}
        new = [p for p in pending if p.identity not in existing]
        changed = [p for p in pending if p.identity in existing and existing[p.identity].raw != p.raw]
        now = utcnow()
        stored = new + changed
        work_ids = self.writer.work_ids_of(conn, [p.rows.work for p in stored])
        rows = [self._row(p, w, path, now) for p, w in zip(stored, work_ids)]
        ids: dict[str, int] = {}
        if new:
            bulk_insert(conn.dialect, _RECORD, RECORD_COLUMNS).run(conn, rows[: len(new)])
            # Ids back by identity (unique index): portable, and cheaper than RETURNING here.
            found = _IDS.rows(conn, [p.identity for p in new])
            ids.update({identity: rid for identity, rid in found})
        if changed:
            updates = [dict(zip(RECORD_COLUMNS, row)) for row in rows[len(new):]]
            ids.update(self._replace(conn, [existing[p.identity] for p in changed], updates, now))
        self.writer.write_rows(conn, [(ids[p.identity], p.rows) for p in stored])
        return {"imported": len(new), "updated": len(changed), "unchanged": len(pending) - len(new) - len(changed)}

    def _replace(self, conn, olds, rows, now) -> dict[str, int]:
        """Re-imported records whose bytes changed: keep the before-image, then overwrite."""
        from catalog_desktop.catalogue.history import add_versions

        add_versions(conn, [
            {"record_id": o.id, "version": o.version, "marc": o.marc if o.marc is not None else o.raw,
             "warnings": o.warnings, "edited": o.edited, "changed_at": now, "who": self.who,
             "reason": "reimport", "import_run_id": self.run_id}
            for o in olds
        ])
        for old, row in zip(olds, rows):
            row["old_id"], row["version"] = old.id, old.version + 1
        stmt = update(_RECORD).where(_RECORD.c.id == bindparam("old_id"))
        conn.execute(stmt, rows)
        self.writer.clear(conn, [o.id for o in olds])
        return {row["identity"]: row["old_id"] for row in rows}

    def _row(self, p: Prepared, work_id, path: Path, now) -> tuple:
        """The ``record`` row, in :data:`RECORD_COLUMNS` order."""
        return (
            p.identity, p.control_number, p.source_format, p.encoding, p.raw, p.marc,
            p.warnings, *p.rows.values, work_id, str(path), p.offset, p.position,
            self.run_id, now, now, False, 1, self.profile_name, self.profile_hash,
        )
