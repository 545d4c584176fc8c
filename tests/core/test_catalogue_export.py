"""Exporting and editing: byte-identical ISO 2709, MARCXML, only the edited field changes."""

from __future__ import annotations

import io
import threading

import pytest

from catalog_desktop.catalogue import RecordNotFound, VersionConflict
from catalog_desktop.catalogue.exporter import CHUNK
from catalog_desktop.marc.iso2709 import parse_record, serialize
from catalog_desktop.marc.reading import ReadRecord, read_marc
from catalog_desktop.marc.record import MARC8, Field


def export_bytes(cat, **kw) -> bytes:
    out = io.BytesIO()
    cat.export(out, **kw)
    return out.getvalue()


def data_reversed(raw: bytes) -> bytes:
    """The same record with its field data stored in reverse order (valid, but not how we
    would write it): only an export of the stored bytes reproduces it."""
    base = int(raw[12:17])
    entries = [raw[i : i + 12] for i in range(24, base - 1, 12)]
    fields = raw[base:-1].split(b"\x1e")[:-1]
    body, starts = b"", {}
    for i in reversed(range(len(fields))):
        starts[i] = len(body)
        body += fields[i] + b"\x1e"
    directory = b"".join(e[:3] + b"%04d%05d" % (len(fields[i]) + 1, starts[i]) for i, e in enumerate(entries))
    return raw[:24] + directory + b"\x1e" + body + b"\x1d"


def test_iso2709_export_is_byte_identical_to_the_input(catalogue, book, write_marc, tmp_path):
    recs = [book(f"x{i}", f"Titel {i} – één", author="Ëlsschot, Willem") for i in range(CHUNK + 7)]
    marc8 = book("m8", "Cafe")
    marc8.encoding = MARC8
    recs.append(marc8)
    quirky = data_reversed(serialize(book("q1", "Omgekeerd")))
    assert quirky != serialize(parse_record(quirky)[0]) and not parse_record(quirky)[1]
    recs.append(quirky)
    path = write_marc(tmp_path / "in.mrc", recs)
    catalogue.import_files([path])
    assert export_bytes(catalogue) == path.read_bytes()


def test_export_of_chosen_ids_in_their_order(catalogue, book, write_marc, tmp_path):
    recs = [book(str(i), f"T{i}") for i in range(4)]
    catalogue.import_files([write_marc(tmp_path / "in.mrc", recs)])
    assert export_bytes(catalogue, ids=[3, 1, 99]) == serialize(recs[2]) + serialize(recs[0])


def test_marcxml_export_reads_back(catalogue, book, write_marc, tmp_path):
    recs = [book("x1", "Het verdriet van België", author="Claus, Hugo"), book("x2", "Tweede")]
    catalogue.import_files([write_marc(tmp_path / "in.mrc", recs)])
    data = export_bytes(catalogue, fmt="marcxml")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>') and data.rstrip().endswith(b"</collection>")
    back = [i.record for i in read_marc(io.BytesIO(data)) if isinstance(i, ReadRecord)]
    assert [r.control_number for r in back] == ["x1", "x2"]
    assert all(a.same_content(b) for a, b in zip(back, recs))


def test_export_reports_progress_and_stops_on_cancel(catalogue, book, write_marc, tmp_path):
    recs = [book(str(i), f"T{i}") for i in range(CHUNK * 2 + 1)]
    catalogue.import_files([write_marc(tmp_path / "in.mrc", recs)])
    cancel = threading.Event()
    seen = []

    def progress(done, total, message):
        seen.append((done, total))
        cancel.set()

    assert catalogue.export(io.BytesIO(), progress=progress, cancel=cancel) == CHUNK
    assert seen == [(CHUNK, CHUNK * 2 + 1)]
    with pytest.raises(ValueError, match="cannot export"):
        catalogue.export(io.BytesIO(), fmt="pdf")


def test_update_changes_only_the_edited_field(catalogue, book, write_marc, tmp_path):
    recs = [book("a", "Eerste"), book("b", "De Leeuw van Vlaanderen", author="Conscience, Hendrik"), book("c", "Derde")]
    path = write_marc(tmp_path / "in.mrc", recs)
    catalogue.import_files([path])
    stored = catalogue.records.by_control_number("b")
    edited = stored.record.copy()
    i = next(n for n, f in enumerate(edited.fields) if f.tag == "245")
    edited.fields[i] = Field("245", indicators="13", subfields=[("a", "De Leeuw van Vlaanderen :"), ("b", "roman")])

    change = catalogue.records.update(stored.id, edited, who="an", expected_version=1)
    assert change.records == (stored.id,) and change.versions == (2,) and change.who == "an"

    after = catalogue.records.get(stored.id)
    assert after.version == 2 and after.edited and after.raw == stored.raw
    old_fields = parse_record(stored.current_marc())[0].fields
    new_fields = parse_record(after.current_marc())[0].fields
    changed = [(a.tag, a.raw, b.raw) for a, b in zip(old_fields, new_fields) if a.raw != b.raw]
    assert [c[0] for c in changed] == ["245"]
    assert changed[0][2] == b"13\x1faDe Leeuw van Vlaanderen :\x1fbroman"

    data = export_bytes(catalogue)
    a, b, c = (serialize(r) for r in recs)
    assert data.startswith(a) and data.endswith(c) and data[len(a):-len(c)] == after.current_marc()

    (before,) = catalogue.history.versions(stored.id)
    assert (before.version, before.reason, before.who, before.marc) == (1, "edit", "an", stored.raw)
    assert catalogue.records.page(filter="roman")[0].edited
    assert catalogue.stats()["edited"] == 1

    # Re-importing the unchanged file leaves the person's edit alone.
    assert catalogue.import_files([path]).unchanged == 3
    assert catalogue.records.get(stored.id).version == 2


def test_update_refuses_a_stale_version_and_unknown_records(catalogue, book, write_marc, tmp_path):
    catalogue.import_files([write_marc(tmp_path / "in.mrc", [book("a", "Een")])])
    stored = catalogue.records.by_control_number("a")
    catalogue.records.update(stored.id, book("a", "Twee"), who="x")
    with pytest.raises(VersionConflict, match=f"record {stored.id} was changed by someone else"):
        catalogue.records.update(stored.id, book("a", "Drie"), who="y", expected_version=1)
    assert catalogue.records.get(stored.id).title == "Twee"
    with pytest.raises(RecordNotFound, match="no record 77"):
        catalogue.records.update(77, book("a", "Vier"), who="x")
    assert len(catalogue.history.versions(stored.id)) == 1  # the refused updates left no trace


def test_an_edited_001_is_still_found_and_reimport_matches_the_old_one(catalogue, book, write_marc, tmp_path):
    path = write_marc(tmp_path / "in.mrc", [book("old-1", "Een")])
    catalogue.import_files([path])
    stored = catalogue.records.by_control_number("old-1")
    catalogue.records.update(stored.id, book("new-1", "Een"), who="x")
    assert catalogue.records.by_control_number("new-1").id == stored.id
    assert catalogue.import_files([path]).unchanged == 1  # matched by its identity, not a new record
    assert catalogue.records.count() == 1
