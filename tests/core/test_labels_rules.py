"""Label rules: shelving word, age group, which label a copy gets, the Etiketveld (999)."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.derive import derive_entities
from catalog_desktop.labels.config import load_rules
from catalog_desktop.labels.etiketveld import field_kind
from catalog_desktop.labels.rules import RecordLabels, labels_for_record
from catalog_desktop.labels.shelving import age_group, shelving_word
from catalog_desktop.marc.mapping import load_profile
from catalog_desktop.marc.record import Field, MarcRecord
from catalog_desktop.vocab import load_vocabularies


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def vocabs():
    return load_vocabularies()


def songbook(*, labels=True, items=("DEMO-ROE-000021",), audience="volwassenen") -> MarcRecord:
    """The shape of the one real Open Vlacc record with label fields (Miles Davis songbook)."""
    fields = [
        Field("001", data="DEMO00063"),
        Field("008", data="261123s2014                      0 eng  "),
        Field("084", subfields=[("a", "788.41")]),
        Field("100", indicators="1 ", subfields=[("a", "Davis, Miles"), ("4", "mus")]),
        Field("245", indicators="10", subfields=[("a", "Kind of blue"), ("h", "BLADMUZIEK")]),
        Field("260", subfields=[("a", "Milwaukee"), ("b", "Hal Leonard"), ("c", "2001")]),
        Field("521", subfields=[("a", audience)]),
        Field("693", indicators=" 2", subfields=[("9", "MMSOAZ"), ("a", "Kunst"), ("x", "Muziek maken"),
                                                  ("y", "Songbooks"), ("z", "Songbooks")]),
    ]
    fields += [Field("852", subfields=[("a", "Bibliotheek Roeselare"), ("p", b)]) for b in items]
    if labels:
        fields += [
            Field("999", subfields=[("a", "Songbooks"), ("b", "MANUEEL INVULLEN"), ("c", "MM"), ("f", "DAVI"),
                                    ("z", "VN ZIZO 2*9")]),
            Field("999", subfields=[("c", "788.41"), ("f", "DAVI"), ("z", "VN SISO 2*4")]),
        ]
    return MarcRecord("00000ncm a2200000   4500", fields)


def entities(record):
    return derive_entities(record, load_profile("openvlacc"))


@pytest.mark.parametrize("author,title,nonfiling,expected", [
    ("Davis, Miles", "Kind of blue", 0, "DAVI"),
    ("Brontë, Emily", "Wuthering heights", 0, "BRON"),
    ("O'Brien, Flann", "De derde politieman", 0, "OBRI"),
    ("Vendel, Edward van de", "De dagen", 0, "VEND"),
    ("Li, Ang", "x", 0, "LI"),
    (None, "De kleine prins", 0, "KLEI"),
    (None, "Het verdriet", 4, "VERD"),
    (None, "L'étranger", 0, "ÉTRA"),
    (None, "L\u2019étranger", 0, "ÉTRA"),
    (None, "The hobbit", 0, "HOBB"),
    (None, "", 0, ""),
    # letters with diacritics and other alphabets are kept as written (our documented choice)
    ("Świetlicki, Marcin", "x", 0, "ŚWIE"),
    ("Čapek, Karel", "x", 0, "ČAPE"),
    ("Szymborska, Wisława", "x", 0, "SZYM"),
    ("Kiš, Danilo", "x", 0, "KIŠ"),
    ("Kis\u030c, Danilo", "x", 0, "KIŠ"),  # decomposed (as MARC-8 conversions give it): composed
    ("Ōe, Kenzaburō", "x", 0, "ŌE"),
    ("Erdoğan, Aslı", "x", 0, "ERDO"),
    ("Łukasiewicz, Jan", "x", 0, "ŁUKA"),
    ("Weiß, Peter", "x", 0, "WEIS"),  # ß is SS in capitals: four letters
    ("Достоевский, Фёдор", "x", 0, "ДОСТ"),
    ("Καζαντζάκης, Νίκος", "x", 0, "ΚΑΖΑ"),
    ("ガルシア", "x", 0, "ガルシア"),
    ("한강", "x", 0, "한강"),
    ("Nguyễn, Du", "x", 0, "NGUY"),
    ("Trần, Anh", "x", 0, "TRẦN"),
    ("A\u0332bc, x", "x", 0, "A\u0332BC"),  # a mark with no composed form counts with its letter
])
def test_shelving_word(rules, author, title, nonfiling, expected):
    assert shelving_word(author, title, rules, nonfiling) == expected


@pytest.mark.parametrize("author,expected", [
    ("Świetlicki, Marcin", "SWIE"),
    ("Čapek, Karel", "CAPE"),
    ("Trần, Anh", "TRAN"),
    ("Łukasiewicz, Jan", "ŁUKA"),  # no base letter to fall back on: kept
    ("Kis\u030c, Danilo", "KIS"),
    ("Достоевский, Фёдор", "ДОСТ"),  # other alphabets are never changed
    ("Йорданов", "ЙОРД"),
    ("ガルシア", "ガルシア"),  # dropping the marks of kana would change the letter
])
def test_shelving_word_with_diacritics_dropped(rules, author, expected):
    from dataclasses import replace

    assert shelving_word(author, "x", replace(rules, diacritics="drop"), 0) == expected


def test_shelving_word_diacritics_setting_is_checked(tmp_path):
    from catalog_desktop.labels.config import LabelConfigError, default_rules_path

    text = default_rules_path().read_text(encoding="utf-8").replace('diacritics = "keep"', 'diacritics = "strip"')
    bad = tmp_path / "label-rules.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(LabelConfigError, match="diacritics"):
        load_rules(bad)


@pytest.mark.parametrize("audience,group", [
    ("Vanaf 0-2 jaar", "0-2"), ("Vanaf 3-5 jaar", "3-5"), ("Vanaf 6-8 jaar", "6-8"), ("Vanaf 9-11 jaar", "9-11"),
    ("Vanaf 12-14 jaar", "12-14"), ("Vanaf 15 jaar", "15+"), ("age9-11", "9-11"), ("volwassenen", None), (None, None),
])
def test_age_group(rules, audience, group):
    found = age_group(audience, rules)
    assert (found.name if found else None) == group
    if found:
        assert found.colour.startswith("#") and len(found.colour) == 7


def test_999_kind_from_z_then_from_the_siso_code():
    assert field_kind([("a", "Songbooks"), ("c", "MM"), ("z", "VN ZIZO 2*9")]) == "zizo"
    assert field_kind([("c", "788.41"), ("z", "VN SISO 2*4")]) == "siso"
    assert field_kind([("c", "788.41"), ("f", "DAVI")], ("788.41",)) == "siso"
    assert field_kind([("a", "iets")]) == "other"


def test_existing_999_is_used_exactly(rules, vocabs):
    labels, problems = labels_for_record(7, entities(songbook()), rules, vocabs)
    assert problems == []
    (label,) = labels
    assert (label.kind, label.code, label.label_code, label.rubric, label.shelving_word) == \
        ("zizo", "MMSOAZ", "MM", "Songbooks", "DAVI")
    assert label.etiketveld == "$a Songbooks $b MANUEEL INVULLEN $c MM $f DAVI $z VN ZIZO 2*9"
    assert label.etiketveld_source == "record"
    assert (label.siso, label.item_key, label.barcode) == ("788.41", "DEMO-ROE-000021", "DEMO-ROE-000021")
    # the colour and pictogram are the rules file's local defaults: the vocabulary has none
    assert (label.colour, label.colour_source) == ("#c2185b", "local-default")
    assert (label.pictogram, label.pictogram_source) == ("demo-muziek", "local-default")


def test_generated_999_reproduces_the_real_example(rules, vocabs):
    """Without label fields, the rules rebuild exactly the two 999s of the real record."""
    rec = RecordLabels(7, entities(songbook(labels=False)), rules, vocabs)
    from catalog_desktop.labels.store import missing_label_fields

    assert missing_label_fields(rec) == [
        (("a", "Songbooks"), ("b", "MANUEEL INVULLEN"), ("c", "MM"), ("f", "DAVI"), ("z", "VN ZIZO 2*9")),
        (("c", "788.41"), ("f", "DAVI"), ("z", "VN SISO 2*4")),
    ]
    assert missing_label_fields(RecordLabels(7, entities(songbook()), rules, vocabs)) == []


def test_siso_first_when_the_library_shelves_by_siso(vocabs):
    from catalog_desktop.labels.run import rules_for

    (label,), _ = labels_for_record(7, entities(songbook()), rules_for(prefer="siso"), vocabs)
    assert (label.kind, label.label_code, label.shelving_word) == ("siso", "788.41", "DAVI")
    assert label.etiketveld == "$c 788.41 $f DAVI $z VN SISO 2*4"


def test_youth_copy_gets_its_age_colour(rules, vocabs):
    (label,), _ = labels_for_record(7, entities(songbook(labels=False, audience="Vanaf 9-11 jaar")), rules, vocabs)
    assert label.age_group == "9-11" and label.age_colour == "#43a047"
    assert label.etiketveld.endswith("$z JN ZIZO 2*9") and label.etiketveld_source == "generated"


def test_one_label_per_copy_and_a_record_without_copies_gets_one(rules, vocabs):
    labels, _ = labels_for_record(7, entities(songbook(items=("A1", "A2"))), rules, vocabs)
    assert [lb.item_key for lb in labels] == ["A1", "A2"]
    labels, _ = labels_for_record(7, entities(songbook(items=())), rules, vocabs)
    assert [lb.item_key for lb in labels] == ["seq:0"]


def test_non_fiction_without_a_code_is_listed_not_labelled(rules, vocabs):
    record = songbook(labels=False, items=("B1", "B2"))
    record.fields = [f for f in record.fields if f.tag not in ("084", "693")]
    labels, problems = labels_for_record(9, entities(record), rules, vocabs)
    assert labels == []
    assert [(p.item_key, p.reason) for p in problems] == [("B1", "no-code"), ("B2", "no-code")]
    assert "ZIZO" in problems[0].message and problems[0].title == "Kind of blue"


def test_fiction_gets_its_genre_pictogram(rules, vocabs, book):
    record = book("F1", "De avonden", author="Reve, Gerard", genre="Detectives", barcode="C1")
    (label,), _ = labels_for_record(3, entities(record), rules, vocabs)
    assert (label.kind, label.code, label.pictogram, label.shelving_word) == \
        ("genre", "Detectives", "demo-vergrootglas", "REVE")
    plain = book("F2", "De avonden", author="Reve, Gerard", barcode="C2")
    (label,), _ = labels_for_record(3, entities(plain), rules, vocabs)
    assert (label.kind, label.pictogram) == ("fiction", "demo-boek")


def test_per_copy_adjustment_changes_only_that_copy(rules, vocabs):
    labels, _ = labels_for_record(7, entities(songbook(items=("A1", "A2"))), rules, vocabs,
                                  adjustments={"A2": {"shelving_word": "MILE", "colour": "#000000"}})
    assert [(lb.shelving_word, lb.colour, lb.adjusted) for lb in labels] == [
        ("DAVI", "#c2185b", ""), ("MILE", "#000000", "shelving_word,colour")]
    assert labels[1].colour_source == "adjusted"


def test_an_official_list_wins_over_the_local_defaults(rules, tmp_path, book):
    """Colours and pictograms of a loaded (official) list are used and say so."""
    official = tmp_path / "genre_official.tsv"
    official.write_text("code\tlabel\tetiketgenre\tform_genre\taudience\tcolour\tpictogram\n"
                        "Detectives\tDetectives\tja\tnee\tvolwassenen\t#123456\tdemo-ster.svg\n"
                        "Humor\tHumor\tnee\tnee\tjeugd\t\t\n", encoding="utf-8")
    vocabs = load_vocabularies(extra=[official])
    record = book("F1", "De avonden", author="Reve, Gerard", genre="Detectives", barcode="C1")
    (label,), _ = labels_for_record(3, entities(record), rules, vocabs)
    assert (label.colour, label.colour_source) == ("#123456", "vocabulary")
    assert (label.pictogram, label.pictogram_source) == ("demo-ster.svg", "vocabulary")
    from catalog_desktop.labels.pictograms import pictogram_path

    assert pictogram_path(label.pictogram).name == "demo-ster.svg"
    # a genre the official list says is no etiketgenre gets no genre label, despite the local default
    humor = book("F2", "Moppen", author="Reve, Gerard", genre="Humor", barcode="C2")
    (label,), _ = labels_for_record(3, entities(humor), rules, vocabs)
    assert label.kind == "fiction"


def test_no_shelving_word_and_unknown_literary_type_are_listed(rules, vocabs):
    from label_helpers import record

    nameless = record("X1", "...", fiction=True, barcodes=("Z1",))  # no author, no title word
    labels, (problem,) = labels_for_record(1, entities(nameless), rules, vocabs)
    assert labels == [] and (problem.item_key, problem.reason) == ("Z1", "no-shelving-word")
    unknown = record("X2", "Iets", author="Peeters, Jan", fiction=None, barcodes=("Z2",))
    labels, (problem,) = labels_for_record(2, entities(unknown), rules, vocabs)
    assert labels == [] and problem.reason == "no-code" and "008/33" in problem.message
