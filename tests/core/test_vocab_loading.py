"""A trainer's official lists: our TSV columns, Annif's TSV format, SKOS Turtle; merged over the defaults."""

from pathlib import Path

import pytest

from catalog_desktop.vocab import VOLWASSENEN, JEUGD, VocabularyError, load_vocabularies, read_vocabulary_file

DATA = Path(__file__).parent / "vocab_data"


def test_tsv_in_our_columns_merges_over_the_defaults():
    path = DATA / "siso_official.tsv"
    defaults = load_vocabularies()
    vocabs = load_vocabularies(extra=[path])
    concept = vocabs.siso.get("788.41")
    assert concept.label == "Testopschrift jazz-songbooks" and concept.parent == "788.4"
    assert concept.status == "official" and concept.confirmed
    assert concept.source.startswith(str(path))  # the list that gave it is recorded
    assert vocabs.siso.label("788.4") == "Testopschrift bladmuziek"
    assert vocabs.siso.validate("999.91").status == "retired"
    # Defaults the list does not mention stay, with their own source.
    assert vocabs.siso.get("528.3").retired and "essen2punt0" in vocabs.siso.get("528.3").source
    assert vocabs.extra_sources == [str(path)] and str(path) in vocabs.siso.sources
    assert vocabs.hash != defaults.hash and vocabs.zizo.hash == defaults.zizo.hash
    assert str(path) in vocabs.coverage_note()


def test_a_bad_row_is_reported_with_file_and_line():
    vocabs = load_vocabularies(extra=[DATA / "siso_official.tsv"])
    (problem,) = [p for p in vocabs.problems if p.path.endswith("siso_official.tsv")]
    assert problem.line == 5 and "'12x4' is not a SISO code" in problem.message
    assert vocabs.siso.get("12x4") is None


def test_annif_vocabulary_format():
    scheme, concepts, problems = read_vocabulary_file(DATA / "annif_siso.tsv", "siso")
    assert scheme == "siso" and not problems
    assert [(c.code, c.label) for c in concepts] == [
        ("367.1", "Testlabel stresspreventie"), ("901", "Testlabel geschiedenis"),
        ("902.5", "Testlabel met notatie"),  # the notation column wins over the URI
    ]
    assert concepts[0].note == "http://example.org/test/siso/367.1"
    vocabs = load_vocabularies(extra=[("siso", DATA / "annif_siso.tsv")])
    assert vocabs.siso.label("367.1") == "Testlabel stresspreventie"
    assert vocabs.siso.parents("902.5") == ["902", "90", "9"]


def test_annif_file_without_a_scheme_is_refused_clearly(tmp_path):
    path = tmp_path / "vocab.tsv"
    path.write_text("<http://example.org/a>\tA\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="cannot tell which scheme"):
        load_vocabularies(extra=[path])


def test_skos_turtle():
    path = DATA / "zizo_test.ttl"
    vocabs = load_vocabularies(extra=[path])
    zizo = vocabs.zizo
    child = zizo.get("TSTMEGEV")
    assert child.label == "Testgevoelens" and child.parent == "TSTME" and child.subsystem == JEUGD
    assert zizo.label("TSTME") == "Mens (test)"  # the Dutch prefLabel, not the English one
    assert zizo.parents("TSTMEGEV") == ["TSTME"]
    assert child.path == ("Mens (test)", "Testgevoelens")  # from the labels up the chain
    old = zizo.validate("TSTOLD")
    assert old.status == "retired" and "Gebruik in de plaats: TSTMEGEV" in old.message
    assert zizo.get("TSTVW").subsystem == VOLWASSENEN  # no notation: code from the URI
    # MEGEV is in the defaults and in the file: the file's broader wins, the default's rubric path stays.
    megev = zizo.get("MEGEV")
    assert megev.parent == "TSTME" and megev.path == ("Mens", "Gevoelens - Gedrag")
    assert megev.source.startswith(str(path))
    assert zizo.validate("TSTMEGEV", audience="Vanaf 15 jaar").status == "wrong_subsystem"


def test_genre_list_with_colours_and_pictograms():
    vocabs = load_vocabularies(extra=[DATA / "genre_test.tsv"])
    test = vocabs.genre.get("Testgenre")
    assert (test.etiketgenre, test.form_genre, test.audience) == (True, False, "jeugd")
    assert (test.colour, test.pictogram) == ("#123456", "test-icoon.svg")
    thrillers = vocabs.genre.get("Thrillers")
    assert thrillers.pictogram == "thriller-test.svg" and thrillers.etiketgenre is True
    assert vocabs.genre.get("Spionageromans").etiketgenre is True  # defaults the list leaves alone stay


def test_unreadable_files_are_refused_with_their_name(tmp_path):
    missing = tmp_path / "zizo-missing.ttl"
    with pytest.raises(VocabularyError, match="zizo-missing.ttl: no such vocabulary file"):
        load_vocabularies(extra=[missing])
    broken = tmp_path / "zizo-broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(VocabularyError, match="zizo-broken.ttl: not a readable SKOS/RDF file"):
        load_vocabularies(extra=[broken])
    headerless = tmp_path / "siso-bad.tsv"
    headerless.write_text("788.41\tsomething\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="neither a header with a 'code' column"):
        load_vocabularies(extra=[headerless])
    csv_file = tmp_path / "siso.csv"
    csv_file.write_text("code,label\n788.41,x\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="save the list as TSV"):
        load_vocabularies(extra=[csv_file])
    with pytest.raises(VocabularyError, match="holds a zizo list, not siso"):
        load_vocabularies(extra=[("siso", DATA / "zizo_test.ttl")])


def test_official_codes_replace_the_rubric_nodes_that_stood_in_for_them():
    vocabs = load_vocabularies(extra=[DATA / "zizo_rubrics.ttl"])
    zizo = vocabs.zizo
    assert zizo.get("ZIZO Jeugd > Mens") is None and zizo.get("ZIZO Jeugd > Mens > Ziek - Gezond") is None
    assert zizo.parents("MEGEV") == ["TSTMENS"]  # the default code now hangs under the official one
    assert zizo.parents("TSTZIEK") == ["TSTMENS"]
    assert zizo.get("TSTZIEK").path == ("Mens", "Ziek - gezond")  # from the labels up the chain
    assert zizo.get("ZIZO Volwassenen > Kunst") is not None  # rubrics the file does not cover stay
