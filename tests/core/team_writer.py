"""A second workstation for the team tests: a separate process editing one record.

    python team_writer.py once URL RECORD LABEL READY_DIR WRITERS
        read the record, wait until every writer has read it, then save a new title:
        prints "saved" or "conflict <found version>".
    python team_writer.py loop URL RECORD LABEL COUNT
        COUNT times: add a 500 note "LABEL-i" through Records.apply (re-read on conflict);
        prints JSON {"saved": n, "versions": [...]}.
    python team_writer.py until URL RECORD LABEL STOP_FILE
        the same, until STOP_FILE exists.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from catalog_desktop.catalogue import Catalogue, VersionConflict
from catalog_desktop.marc.record import Field


def once(url: str, record_id: int, label: str, ready_dir: str, writers: int) -> None:
    with Catalogue.open(url) as cat:
        opened = cat.records.get(record_id)
        mine = opened.record.copy()
        mine.first("245").subfields[0] = ("a", f"Titel van {label}")
        Path(ready_dir, label).touch()
        deadline = time.monotonic() + 60
        while len(list(Path(ready_dir).iterdir())) < writers and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            cat.records.update(record_id, mine, who=label, expected_version=opened.version)
            print("saved")
        except VersionConflict as exc:
            assert exc.theirs is not None and exc.mine is mine
            print(f"conflict {exc.found}")


def loop(url: str, record_id: int, label: str, count: int | None, stop: Path | None = None) -> None:
    versions = []
    with Catalogue.open(url) as cat:
        i = -1
        while True:
            i += 1
            if i == count or (stop is not None and stop.exists()):
                break
            def add_note(record, note=f"{label}-{i}"):
                record.add(Field("500", subfields=[("a", note)]))
                return record

            versions.append(cat.records.apply(record_id, add_note, who=label, attempts=1000).versions[0])
    print(json.dumps({"saved": len(versions), "versions": versions}))


if __name__ == "__main__":
    mode, url, record, label, *rest = sys.argv[1:]
    if mode == "once":
        once(url, int(record), label, rest[0], int(rest[1]))
    elif mode == "until":
        loop(url, int(record), label, None, Path(rest[0]))
    else:
        loop(url, int(record), label, int(rest[0]))
