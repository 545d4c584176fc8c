"""An import into PostgreSQL while other workstations edit: chunks commit on their own, the
edits all land, and a record the import replaces keeps every saved version in its history."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from catalog_desktop.catalogue import Catalogue
from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.models import ImportRun, RecordVersion
from catalog_desktop.marc.iso2709 import parse_record

WRITER = Path(__file__).with_name("team_writer.py")
RECORDS = 3000


def test_import_while_others_edit(pg_url, book, write_marc, tmp_path):
    first = write_marc(tmp_path / "first.mrc", [book("c:lvd:x", "Apart"), book("c:lvd:y", "Oude titel")])
    big = write_marc(tmp_path / "big.mrc", [
        book(f"c:lvd:{i}", f"Boek nummer {i}", author=f"Auteur {i % 97}") for i in range(RECORDS)
    ] + [book("c:lvd:y", "Nieuwe titel uit de export")])
    with Catalogue.open(pg_url) as cat:
        cat.import_files(first)
        x, y = cat.records.by_control_number("c:lvd:x").id, cat.records.by_control_number("c:lvd:y").id
        stop = tmp_path / "stop"
        writers = [
            subprocess.Popen([sys.executable, str(WRITER), "until", pg_url, str(rid), label, str(stop)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for rid, label in ((x, "anna"), (y, "bert"))
        ]
        deadline = time.monotonic() + 120
        while min(cat.records.get(x).version, cat.records.get(y).version) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)  # both writers are editing before the import starts
        summary = cat.import_files(big, who="import")
        stop.touch()
        results = []
        for p in writers:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            results.append(json.loads(out))

        [file] = summary.files
        assert (file.found, file.imported, file.updated, file.unchanged) == (RECORDS + 1, RECORDS, 1, 0)
        assert cat.records.count() == RECORDS + 2
        # Every edit of the record the import does not touch is in it.
        notes = {f.first("a") for f in cat.records.get(x).record.get_fields("500")}
        anna, bert = results[0]["saved"], results[1]["saved"]
        assert notes == {f"anna-{i}" for i in range(anna)} and anna >= 2
        # The record it replaces: each version exists once, and every saved edit is in one of them.
        with reading(cat.engine) as conn:
            rows = conn.execute(select(RecordVersion.__table__).where(RecordVersion.record_id == y)
                                .order_by(RecordVersion.version)).all()
            run = conn.execute(select(ImportRun.__table__).where(ImportRun.id == summary.run_id)).one()
        current = cat.records.get(y)
        versions = [r.version for r in rows]
        assert versions == list(range(1, current.version)) and current.version == 1 + bert + 1
        seen = {f.first("a") for r in rows for f in parse_record(r.marc)[0].get_fields("500")}
        seen |= {f.first("a") for f in current.record.get_fields("500")}
        assert {f"bert-{i}" for i in range(bert)} <= seen
        assert sorted(results[1]["versions"]) == sorted(set(results[1]["versions"]))
        # And the edits really ran while the import did.
        during = [r for r in rows if r.reason == "edit" and run.started_at <= r.changed_at <= run.finished_at]
        assert during, "no edit was saved while the import ran: the test did not test concurrency"
