"""``catalog vocab``: show, list, validate, check (in-process, through ``main``)."""

import json
import subprocess
import sys
from pathlib import Path

from catalog_desktop.cli.main import main

DATA = Path(__file__).parent / "vocab_data"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_gives_label_hierarchy_status_and_source(capsys):
    code, out, _ = run(capsys, "vocab", "show", "MMSOAZ")
    assert code == 0
    assert "rubric:      Kunst > Muziek maken > Songbooks" in out
    assert "subsystem:   ZIZO Volwassenen" in out
    assert "parents:     ZIZO Volwassenen > Kunst > Muziek maken (Muziek maken) > ZIZO Volwassenen > Kunst (Kunst)" in out
    assert "search-extended.json" in out and "staat in de lijst" in out
    code, out, _ = run(capsys, "vocab", "show", "788.41", "--json")
    (entry,) = json.loads(out)
    assert entry["scheme"] == "siso" and [p["code"] for p in entry["parents"]] == ["788.4", "788", "78", "7"]
    assert entry["concept"]["source"].startswith("beyto1974/")


def test_show_checks_the_subsystem_and_speaks_english_on_request(capsys):
    code, out, _ = run(capsys, "vocab", "show", "MEGEV", "--audience", "Vanaf 15 jaar", "--lang", "en")
    assert "belongs to ZIZO Jeugd, but the audience (Vanaf 15 jaar) belongs to ZIZO Volwassenen" in out


def test_validate_exit_status(capsys):
    code, out, _ = run(capsys, "vocab", "validate", "--scheme", "siso", "788.41", "366-367")
    assert code == 0 and out.count("ok ") == 2
    code, out, _ = run(capsys, "vocab", "validate", "--scheme", "siso", "528.3", "78x", "--json")
    assert code == 1 and [r["status"] for r in json.loads(out)] == ["retired", "malformed"]


def test_list_shows_the_coverage_note_and_hash(capsys):
    code, out, _ = run(capsys, "vocab", "list", "--scheme", "zizo")
    assert code == 0 and "MEGEV" in out and "ONVOLLEDIG" in out
    code, out, _ = run(capsys, "vocab", "list", "--json", "--lang", "en", "--extra", DATA / "genre_test.tsv")
    data = json.loads(out)
    assert len(data["hash"]) == 64 and "PARTIAL" in data["coverage_note"]
    assert "Testgenre" in {c["code"] for c in data["schemes"]["genre"]["concepts"]}


def test_check_reports_what_a_list_holds_and_its_problems(capsys):
    code, out, _ = run(capsys, "vocab", "check", DATA / "zizo_test.ttl", "--json")
    (report,) = json.loads(out)
    assert code == 0 and report["scheme"] == "zizo" and report["concepts"] == 5
    assert (report["new"], report["replacing_defaults"], report["retired"]) == (4, 1, 1)
    code, out, _ = run(capsys, "vocab", "check", DATA / "siso_official.tsv")
    assert code == 1 and "siso_official.tsv:5: '12x4' is not a SISO code" in out
    code, _, err = run(capsys, "vocab", "check", DATA / "nothing.ttl")
    assert code == 1 and "nothing.ttl: no such vocabulary file" in err


def test_vocab_help_does_not_load_the_core():
    code = (
        "import sys; from catalog_desktop.cli.main import build_parser; build_parser();"
        "print(','.join(m for m in ('rdflib', 'catalog_desktop.vocab') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_the_vocab_package_loads_rdflib_only_for_skos_files():
    code = "import sys, catalog_desktop.vocab as v; v.load_vocabularies(); print('rdflib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "False", result.stdout + result.stderr


def test_audit_the_catalogues_codes_against_the_lists(capsys, tmp_path, book, write_marc):
    from catalog_desktop.marc.record import Field

    def with_audience(record, audience):
        record.fields.append(Field("521", subfields=[("a", audience)]))
        return record

    records = [
        with_audience(book("t:1", "Een", zizo="MEGEV"), "volwassenen"),  # a youth code on an adult record
        book("t:2", "Twee", siso="528.3", fiction=False),  # retired
        book("t:3", "Drie", siso="78x", fiction=False),  # malformed
        with_audience(book("t:4", "Vier", zizo="ZZTEST", genre="Testgenre nieuw"), "Vanaf 9-11 jaar"),
        with_audience(book("t:5", "Vijf", zizo="ZZTEST", siso="788.41", genre="Oorlogsromans"), "Vanaf 9-11 jaar"),
    ]
    db = tmp_path / "cat.sqlite"
    assert main(["import", str(write_marc(tmp_path / "t.mrc", records)), "--db", str(db)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "vocab", "audit", "--db", db, "--json")
    data = json.loads(out)
    assert code == 0 and data["records"] == 5
    zizo, siso, genre = (data["schemes"][s] for s in ("zizo", "siso", "genre"))
    assert (zizo["uses"], zizo["listed_uses"], zizo["most_used_unlisted"]) == (3, 1, {"ZZTEST": 2})
    assert (siso["uses"], siso["listed_codes"]) == (3, 2)
    assert genre["most_used_unlisted"] == {"Testgenre nieuw": 1} and genre["listed_codes"] == 1
    statuses = {(p["record"], p["code"], p["status"]) for p in data["problems"]}
    assert statuses == {("t:1", "MEGEV", "wrong_subsystem"), ("t:2", "528.3", "retired"),
                        ("t:3", "78x", "malformed"), ("t:5", "Oorlogsromans", "wrong_audience")}
    code, out, _ = run(capsys, "vocab", "audit", "--db", db, "--scheme", "zizo")
    assert "zizo: 3 uses of 2 codes" in out and "ZZTEST" in out and "hoort bij ZIZO Jeugd" in out


def test_official_lists_stored_with_the_catalogue(capsys, tmp_path):
    from catalog_desktop.catalogue import Catalogue

    db = tmp_path / "cat.sqlite"
    code, out, _ = run(capsys, "vocab", "use", "--db", db)
    assert code == 0 and "No official lists stored" in out
    code, _, err = run(capsys, "vocab", "use", DATA / "annif_siso.tsv", DATA / "zizo_test.ttl", "--scheme", "siso",
                       "--db", db)
    assert code == 1 and "holds a zizo list, not siso" in err  # nothing stored: all or nothing
    code, out, _ = run(capsys, "vocab", "use", "--db", db)
    assert "No official lists stored" in out
    code, out, _ = run(capsys, "vocab", "use", DATA / "annif_siso.tsv", "--scheme", "siso", "--db", db)
    assert code == 0 and "annif_siso.tsv: siso" in out
    code, out, _ = run(capsys, "vocab", "use", DATA / "zizo_test.ttl", "--db", db, "--json")
    data = json.loads(out)
    assert [(e["name"], e["scheme"]) for e in data["lists"]] == [("annif_siso.tsv", "siso"), ("zizo_test.ttl", "zizo")]
    # The catalogue loads them itself: train, suggest and labels see the official lists.
    with Catalogue.open(db) as catalogue:
        vocabs = catalogue.vocabularies()
        assert vocabs.zizo.label("TSTMEGEV") == "Testgevoelens" and vocabs.siso.label("901") == "Testlabel geschiedenis"
        assert vocabs.hash == data["hash"]
    code, out, _ = run(capsys, "vocab", "show", "TSTMEGEV", "--db", db)
    assert "label:       Testgevoelens" in out and "zizo_test.ttl" in out
    code, out, _ = run(capsys, "vocab", "show", "TSTMEGEV")  # without the catalogue: defaults only
    assert "staat niet in de lijst" in out
    code, _, err = run(capsys, "vocab", "use", "--remove", "nothing.tsv", "--db", db)
    assert code == 1 and "no stored list named 'nothing.tsv'" in err
    code, out, _ = run(capsys, "vocab", "use", "--remove", "zizo_test.ttl", "--db", db, "--json")
    assert [e["name"] for e in json.loads(out)["lists"]] == ["annif_siso.tsv"]
    with Catalogue.open(db) as catalogue:
        assert catalogue.vocabularies().zizo.get("TSTMEGEV") is None


def test_the_catalogue_also_loads_official_list_files_named_in_its_settings(tmp_path):
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(tmp_path / "c.sqlite") as catalogue:
        assert catalogue.vocabularies().siso.label("788.41") is None  # the public lists give no caption
        catalogue.settings.set("vocabulary_files", [["siso", str(DATA / "siso_official.tsv")]])
        assert catalogue.vocabularies().siso.label("788.41") == "Testopschrift jazz-songbooks"
