"""The bundled sample catalogue (resources/sample/): valid, honest and reproducible.

- the real records are a byte-exact copy of the shared CC-BY file, licence alongside;
- the demo records are valid MARCXML, numbered DEMO..., and use only ZIZO/SISO codes and
  genre terms that the shared vocabulary lists with a usable ("confirmed") status;
- no valid ISBN is made up; items, labels, audiences and AVI levels keep to known forms;
- the generator script gives the committed file byte for byte.

The vocabularies are read from ../shared/vocab (the app will later ship its own copies in
resources/vocab; then these checks should read those).
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
XSD = SHARED / "data/schemas/MARC21slim.xsd"
VOCAB = SHARED / "vocab"
SHARED_MARC = SHARED / "data/marc/catmandu-marc"

SAMPLE = ROOT / "resources" / "sample"
DEMO = SAMPLE / "demo-flemish-records-codes-assigned-for-demonstration.xml"
SCRIPT = SAMPLE / "make_demo_records.py"
REAL = SAMPLE / "bu_bibs-real-records-cc-by.mrc"
REAL_LICENCE = SAMPLE / "bu_bibs-LICENSE.txt"

NS = "http://www.loc.gov/MARC21/slim"
M = {"m": NS}
PILOT_LIBRARIES = {"Bibliotheek Aalst", "Bibliotheek Turnhout", "Bibliotheek Brakel", "Bibliotheek Roeselare"}
AVI_LEVELS = {"AVI-Start", "AVI-Plus"} | {f"AVI-{p}{n}" for p in "ME" for n in range(3, 8)}
# A status is usable when it starts with "confirmed" and says nothing of these.
UNUSABLE = ("unverified", "weak", "deprecated", "abolished", "not adopted", "under discussion")


# ----------------------------------------------------------------------------------------
# helpers

def shared_file(path: Path) -> Path:
    assert path.is_file(), f"missing shared file {path} (the checks need it; they must not be skipped)"
    return path


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(shared_file(VOCAB / name), encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r for r in rows if not (next(iter(r.values())) or "").startswith("#")]


def usable(status: str) -> bool:
    status = status.lower()
    return status.startswith("confirmed") and not any(word in status for word in UNUSABLE)


def parse_records(path: Path) -> list[dict]:
    """Each record as {'leader', 'control': {tag: value}, 'fields': [(tag, ind1, ind2, [(code, value)])]}."""
    records = []
    for rec in etree.parse(str(path)).getroot().iterfind("m:record", M):
        records.append({
            "leader": rec.findtext("m:leader", namespaces=M),
            "control": {c.get("tag"): c.text for c in rec.iterfind("m:controlfield", M)},
            "fields": [
                (d.get("tag"), d.get("ind1"), d.get("ind2"),
                 [(s.get("code"), s.text or "") for s in d.iterfind("m:subfield", M)])
                for d in rec.iterfind("m:datafield", M)
            ],
        })
    return records


def fields(record: dict, tag: str) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    return [f for f in record["fields"] if f[0] == tag]


def values(field: tuple, code: str) -> list[str]:
    return [v for c, v in field[3] if c == code]


def first(field: tuple, code: str) -> str | None:
    found = values(field, code)
    return found[0] if found else None


def isbn13_valid(isbn: str) -> bool:
    digits = re.sub(r"[^0-9]", "", isbn)
    if len(digits) != 13:
        return False
    return sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10 == 0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    assert DEMO.is_file(), f"{DEMO} is missing; run {SCRIPT.name}"
    return parse_records(DEMO)


# ----------------------------------------------------------------------------------------
# the real records

def test_real_records_are_a_byte_exact_copy_of_the_shared_cc_by_file():
    assert sha256(REAL) == sha256(shared_file(SHARED_MARC / "bu_bibs.mrc"))
    assert sha256(REAL_LICENCE) == sha256(shared_file(SHARED_MARC / "LICENSE-bu_bibs.txt"))
    assert "Attribution 4.0 International" in REAL_LICENCE.read_text(encoding="utf-8")


def test_real_file_still_holds_the_alma_leader_bug_the_demo_recovers_from():
    data = REAL.read_bytes()
    raw = [r + b"\x1d" for r in data.split(b"\x1d") if r.strip()]
    assert len(raw) == 100
    assert sum(int(r[:5]) != len(r) for r in raw) == 16


# ----------------------------------------------------------------------------------------
# the demo records: form

def test_demo_file_is_valid_marcxml_in_utf8():
    schema = etree.XMLSchema(etree.parse(str(shared_file(XSD))))
    doc = etree.parse(str(DEMO))
    assert schema.validate(doc), str(schema.error_log)
    assert doc.docinfo.encoding.upper() == "UTF-8"
    assert doc.getroot().tag == f"{{{NS}}}collection"
    text = DEMO.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), "diacritics must be precomposed (NFC)"
    for word in ("België", "Oriënt", "Kästner", "Hergé", "poëzie", "lycée français", "beïnvloedt"):
        assert word in text


def test_demo_file_says_it_is_a_demo(records):
    assert "demonstration" in DEMO.name
    head = DEMO.read_text(encoding="utf-8")[:1000]
    assert "made up for demonstration" in head and "Not Open Vlacc data" in head
    assert 70 <= len(records) <= 90


def test_every_record_number_is_a_demo_number(records):
    numbers = [r["control"].get("001") for r in records]
    assert all(n and re.fullmatch(r"DEMO\d{5}", n) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers)
    for r in records:
        assert [first(f, "a") for f in fields(r, "040")] == ["DEMO"], "the cataloguing source must not claim Open Vlacc"


def test_008_carries_literary_type_and_language(records):
    for r in records:
        f008 = r["control"]["008"]
        assert len(f008) == 40
        assert f008[33] in "01 "
        assert re.fullmatch(r"[a-z]{3}", f008[35:38])
    assert sum(r["control"]["008"][33] == " " for r in records) >= 2, "the validation demo needs missing 008/33"


# ----------------------------------------------------------------------------------------
# the demo records: codes and terms only from the shared vocabulary

def test_zizo_codes_and_paths_come_from_the_shared_vocabulary(records):
    known = {row["code"]: row for row in read_tsv("zizo.tsv") if row["code"] and usable(row["status"])}
    seen = set()
    for r in records:
        for f in fields(r, "693"):
            code = first(f, "9")
            assert code in known, f"{r['control']['001']}: ZIZO {code!r} is not a usable code in zizo.tsv"
            path = [v for c, v in f[3] if c in "axyz"]
            assert path == known[code]["name_full"].split(" > "), f"{code}: path {path}"
            seen.add(code)
    assert seen, "no ZIZO code used at all"


def test_siso_codes_come_from_the_shared_vocabulary(records):
    known = {row["code"] for row in read_tsv("siso.tsv") if row["level"] == "class" and usable(row["status"])}
    seen = set()
    for r in records:
        for f in fields(r, "084"):
            code = first(f, "a")
            assert code in known, f"{r['control']['001']}: SISO {code!r} is not a usable class in siso.tsv"
            seen.add(code)
    assert seen, "no SISO code used at all"


def genre_terms(marker: str) -> set[str]:
    """Usable genre terms of one list. genres.tsv names the youth list's terms with a
    ' (jeugd)' qualifier ('Humor (jeugd)'); the records carry the bare term with $9 jge."""
    audience = {"vge": "volwassenen", "jge": "jeugd", "mge": "muziek"}[marker]
    terms = set()
    for row in read_tsv("genres.tsv"):
        aud = row["audience"]
        if not usable(row["status"]) or aud.startswith("NL") or row["type"].startswith("search term"):
            continue
        if not (audience in aud or aud == "unspecified"):
            continue
        term = row["genre"]
        terms.add(term.removesuffix(" (jeugd)") if marker == "jge" else term)
    return terms


def test_genre_terms_come_from_the_shared_vocabulary(records):
    seen = defaultdict(set)
    for r in records:
        for f in fields(r, "650"):
            marker = first(f, "9")
            if marker in ("vge", "jge", "mge"):
                term = first(f, "a")
                assert term in genre_terms(marker), f"{r['control']['001']}: genre {term!r} $9 {marker} not usable in genres.tsv"
                seen[marker].add(term)
    assert seen["vge"] and seen["jge"]


def test_youth_records_use_youth_markers_and_adults_adult_ones(records):
    for r in records:
        audience = [first(f, "a") for f in fields(r, "521")]
        markers = {first(f, "9") for t in ("600", "650") for f in fields(r, t)}
        if audience == ["volwassenen"]:
            assert not markers & {"jge", "jth", "jtr"}, r["control"]["001"]
        elif audience:
            assert not markers & {"vge", "vth", "vtr"}, r["control"]["001"]


def test_audiences_are_values_seen_in_the_shared_list(records):
    rows = read_tsv("target_audience_codes.tsv")
    known = {row["label_nl"] for row in rows} | {row["marc_521_value_seen"] for row in rows if row["marc_521_value_seen"]}
    used = [first(f, "a") for r in records for f in fields(r, "521")]
    assert used and set(used) <= known, set(used) - known
    assert sum(not fields(r, "521") for r in records) >= 2, "the validation demo needs records without 521"


def test_avi_levels_use_the_current_avi_notation(records):
    used = [first(f, "a") for r in records for f in fields(r, "090")]
    assert used and set(used) <= AVI_LEVELS, set(used) - AVI_LEVELS


# ----------------------------------------------------------------------------------------
# the demo records: nothing that looks real but is made up

def test_no_valid_isbn_is_made_up(records):
    invalid = []
    for r in records:
        for f in fields(r, "020"):
            assert not values(f, "a"), f"{r['control']['001']}: a demo record must not carry a (valid-looking) 020 $a"
            for isbn in values(f, "z"):
                assert not isbn13_valid(isbn), f"{r['control']['001']}: 020 $z {isbn} has a valid check digit"
                invalid.append(isbn)
    assert invalid, "the invalid-ISBN case should be shown"


def test_items_are_demo_copies_in_the_pilot_libraries(records):
    barcodes = []
    for r in records:
        for f in fields(r, "852"):
            assert first(f, "a") in PILOT_LIBRARIES
            assert first(f, "b")
            barcode = first(f, "p")
            assert barcode and barcode.startswith("DEMO-"), barcode
            barcodes.append(barcode)
    assert barcodes and len(set(barcodes)) == len(barcodes)


def test_label_fields_follow_the_one_real_example(records):
    """999 as in the real record: ZIZO label `$a Songbooks $b MANUEEL INVULLEN $c MM $f DAVI
    $z VN ZIZO 2*9`, SISO label `$c 788.41 $f DAVI $z VN SISO 2*4`."""
    labelled = 0
    for r in records:
        labels = fields(r, "999")
        labelled += bool(labels)
        author = [first(f, "a") for f in fields(r, "100")]
        for f in labels:
            codes = [c for c, _ in f[3]]
            surname = unicodedata.normalize("NFKD", author[0].split(",")[0])
            key = "".join(ch for ch in surname if ch.isascii() and ch.isalpha()).upper()[:4]
            if first(f, "z") == "VN ZIZO 2*9":
                assert codes == ["a", "b", "c", "f", "z"]
                zizo = [first(z, "9") for z in fields(r, "693")]
                assert zizo == ["MMSOAZ"], "the ZIZO label form is known only for MMSOAZ"
                assert (first(f, "a"), first(f, "b"), first(f, "c")) == ("Songbooks", "MANUEEL INVULLEN", "MM")
            else:
                assert first(f, "z") == "VN SISO 2*4" and codes == ["c", "f", "z"]
                assert [first(s, "a") for s in fields(r, "084")] == [first(f, "c")]
            assert first(f, "f") == key
    assert labelled >= 2


# ----------------------------------------------------------------------------------------
# the demo records: what the demo must be able to show

def test_the_set_has_fiction_non_fiction_and_youth(records):
    lit = [r["control"]["008"][33] for r in records]
    youth = [r for r in records if any(first(f, "a") != "volwassenen" for f in fields(r, "521"))]
    assert lit.count("1") >= 30 and lit.count("0") >= 10 and len(youth) >= 15


def test_the_set_shows_editions_and_translations_of_one_work(records):
    editions, translations = defaultdict(list), defaultdict(set)
    for r in records:
        author = tuple(first(f, "a") for f in fields(r, "100"))
        title = tuple(first(f, "a") for f in fields(r, "245"))
        editions[author, title].append(r)
        for f in fields(r, "534"):
            translations[author, first(f, "a")].add(title)
    assert max(len(v) for v in editions.values()) >= 3, "three editions of one work"
    assert sum(len(v) >= 2 for v in translations.values()) >= 2, "two translations (other titles) of one work"


def test_some_records_wait_for_a_subject(records):
    subject_tags = {"084", "693", "600", "610", "650"}
    bare = [r for r in records if not any(f[0] in subject_tags for f in r["fields"])]
    assert len(bare) >= 3


# ----------------------------------------------------------------------------------------
# reproducible

def test_generator_gives_the_committed_file_byte_for_byte(tmp_path):
    out = tmp_path / "demo.xml"
    run = subprocess.run([sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == DEMO.read_bytes(), f"{DEMO.name} is out of date: rerun {SCRIPT.name}"


def test_readme_names_sources_and_what_was_made_up():
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    for needle in ("LibreCat/Catmandu-MARC", "951584af32a5ed22520d4ceae93dcf47c689c5e3", "t/bu_bibs.mrc",
                   "CC BY 4.0", "not Open Vlacc data", "make_demo_records.py"):
        assert needle in readme, needle
