"""The default vocabularies: hierarchy, labels, validation messages, observed codes, hashes."""

import shutil

import pytest

from catalog_desktop.resources import resources_dir
from catalog_desktop.vocab import (
    JEUGD, KLEUTER, VOLWASSENEN, Concept, Scheme, load_vocabularies,
)


@pytest.fixture(scope="module")
def vocabs():
    return load_vocabularies()


def test_every_default_entry_keeps_its_source_and_status(vocabs):
    for name in ("zizo", "siso", "genre"):
        scheme = vocabs.scheme(name)
        assert len(scheme) > 0
        for concept in scheme:
            assert concept.source.strip(), (name, concept.code)
            assert concept.status.strip(), (name, concept.code)
    # Nothing invented: no public source gives a ZIZO colour or pictogram.
    assert all(c.colour is None and c.pictogram is None for c in vocabs.zizo)


def test_siso_parents_are_prefixes(vocabs):
    siso = vocabs.siso
    assert siso.parents("788.41") == ["788.4", "788", "78", "7"]
    assert siso.parents("788") == ["78", "7"]
    assert siso.parents("7") == []
    assert siso.parents("366-367") == ["36", "3"]  # what both ends of the shelf range share
    assert siso.parents("Latijn 873") == ["873", "87", "8"]
    assert siso.parents("873 Latijn") == ["873", "87", "8"]
    assert siso.parents("not a code") == []


def test_siso_labels_and_retired_code(vocabs):
    siso = vocabs.siso
    assert siso.label("366-367") == "Leer van de organisatie"
    assert siso.label("788.41") is None  # the source gives no caption: none is made up
    result = siso.validate("528.3")
    assert not result.ok and result.status == "retired"
    assert "528.3 (Telegrafie - Telefonie) is vervallen" in result.message
    assert "ABOLISHED" in result.message and "is retired" in result.message_en


def test_malformed_siso_code_is_explained(vocabs):
    for code in ("78x", "1234.5", "788..4", "-5"):
        result = vocabs.siso.validate(code)
        assert result.status == "malformed" and not result.ok, code
        assert "geen geldige SISO-code" in result.message and "788.41" in result.message
        assert "not a valid SISO code" in result.message_en
    assert vocabs.siso.validate(" 788.41 ").status == "known"
    assert vocabs.siso.get("366 - 367").code == "366-367" and vocabs.siso.get("788.41.").code == "788.41"


def test_unknown_code_says_the_list_is_partial(vocabs):
    result = vocabs.siso.validate("999.9")
    assert result.status == "unknown" and not result.ok
    assert "staat niet in de lijst" in result.message and "onvolledig" in result.message
    assert "partial" in result.message_en
    assert vocabs.zizo.validate("").status == "empty"


def test_zizo_codes_sit_in_a_rubric_path(vocabs):
    zizo = vocabs.zizo
    megev = zizo.get("megev")  # case does not matter
    assert megev.code == "MEGEV" and megev.subsystem == JEUGD
    assert megev.path == ("Mens", "Gevoelens - Gedrag") and megev.label == "Gevoelens - Gedrag"
    assert zizo.parents("MEGEV") == ["ZIZO Jeugd > Mens"]
    assert zizo.label("ZIZO Jeugd > Mens") == "Mens"
    mmsoaz = zizo.get("MMSOAZ")
    assert mmsoaz.subsystem == VOLWASSENEN and mmsoaz.path == ("Kunst", "Muziek maken", "Songbooks")
    assert zizo.parents("MMSOAZ") == ["ZIZO Volwassenen > Kunst > Muziek maken", "ZIZO Volwassenen > Kunst"]
    assert [c.code for c in zizo.children("ZIZO Jeugd > Mens")] == ["MEGEV", "ZIZO Jeugd > Mens > Ziek - Gezond"]
    assert zizo.get("Kleuter ZIZO > Pesten").subsystem == KLEUTER


def test_rubric_without_code_cannot_be_assigned(vocabs):
    result = vocabs.zizo.validate("ZIZO Jeugd > Mens > Ziek - Gezond")
    assert result.status == "rubric" and not result.ok
    assert "zonder gekende eigen code" in result.message
    assert "ZIZO Jeugd > Mens" not in vocabs.zizo.codes(assignable_only=True)


def test_zizo_code_in_the_wrong_subsystem_for_the_age_group(vocabs):
    wrong = vocabs.zizo.validate("MEGEV", audience="volwassenen")
    assert wrong.status == "wrong_subsystem" and not wrong.ok and wrong.expected_subsystem == VOLWASSENEN
    assert wrong.message == (
        "ZIZO-code MEGEV (Gevoelens - Gedrag) hoort bij ZIZO Jeugd, maar de doelgroep (volwassenen) "
        "hoort bij ZIZO Volwassenen."
    )
    assert "belongs to ZIZO Jeugd" in wrong.message_en
    assert vocabs.zizo.validate("MEGEV", audience="Vanaf 9-11 jaar").status == "known"
    assert vocabs.zizo.validate("MEGEV", subsystem=KLEUTER).status == "wrong_subsystem"
    assert vocabs.zizo.validate("MEGEV", audience="Alle jeugd").status == "known"  # spans subsystems: no check


def test_weakly_sourced_codes_are_flagged(vocabs):
    result = vocabs.zizo.validate("SASWAN")
    assert result.ok and result.status == "unverified" and "niet officieel bevestigd" in result.message
    assert vocabs.zizo.validate("AHAAAA").status == "unverified"


def test_genres_flags(vocabs):
    genre = vocabs.genre
    oorlog = genre.get("Oorlogsromans")
    assert oorlog.etiketgenre is True and oorlog.audience == "volwassenen" and not oorlog.form_genre
    assert genre.get("Bloemlezingen").form_genre and genre.get("Bloemlezingen").etiketgenre is None
    assert genre.get("Stoffen boekjes").etiketgenre is False
    # "Detectives" (vge) and "Detectives (jeugd)" are one term with both audiences and both sources.
    detectives = genre.get("detectives")
    assert detectives.audience == "jeugd+volwassenen" and " ; " in detectives.source
    assert genre.get("Humor").audience == "jeugd"
    # ’ and ' are the same term
    assert genre.get("Filmscenario’s") is genre.get("Filmscenario's")


def test_dutch_nbd_genres_are_kept_apart(vocabs):
    assert vocabs.genre.get("Spanning en avontuur") is None  # NL-only value (NBD Biblion)
    assert vocabs.genre.get("Wild-westroman") is None


def test_retired_genre_names_its_successor(vocabs):
    result = vocabs.genre.validate("Volksverhalen")
    assert result.status == "retired"
    assert result.message.endswith("Gebruik in de plaats: Mythen, sagen en legenden.")
    assert vocabs.genre.validate("Stoffen boekjes").concept.replaced_by == "Babyboekjes"
    assert vocabs.genre.validate("Versromans").status == "retired"  # never adopted
    assert vocabs.genre.validate("Reportages").status == "unverified"  # under discussion


def test_observed_codes_are_kept_and_flagged():
    vocabs = load_vocabularies()
    siso = vocabs.siso
    before = siso.hash
    assert siso.validate("914.92").status == "unknown"
    seen = siso.observe("914.92", source="record 12")
    siso.observe("914.92 ")
    assert seen.observed and seen.label is None and seen.parent == "914.9"
    assert siso.get("914.92") == seen and "914.92" not in siso  # kept, but not part of the list
    assert siso.observed() == {"914.92": 2}
    result = siso.validate("914.92")
    assert result.ok and result.status == "observed" and "2 keer" in result.message
    assert siso.parents("914.92") == ["914.9", "914", "91", "9"]
    assert siso.observe("788.41") is siso.get("788.41") and not siso.get("788.41").observed
    assert siso.hash == before  # what the data holds does not change the vocabulary
    # A malformed code seen in data is kept too, but validation still says it is malformed.
    assert vocabs.siso.observe("bad code").observed
    assert vocabs.siso.validate("bad code").status == "malformed"


def test_hash_changes_with_content_not_with_order(tmp_path):
    folder = tmp_path / "vocab"
    shutil.copytree(resources_dir() / "vocab", folder)
    original = load_vocabularies(vocab_dir=folder)

    lines = (folder / "genres.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "genres.tsv").write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")
    reordered = load_vocabularies(vocab_dir=folder)
    assert reordered.genre.hash == original.genre.hash and reordered.hash == original.hash

    siso_text = (folder / "siso.tsv").read_text(encoding="utf-8")
    (folder / "siso.tsv").write_text(siso_text.replace("Leer van de organisatie", "Organisatieleer"), encoding="utf-8")
    changed = load_vocabularies(vocab_dir=folder)
    assert changed.siso.hash != original.siso.hash and changed.hash != original.hash
    assert changed.zizo.hash == original.zizo.hash
    assert len(original.hash) == 64 and set(original.hashes()) == {"zizo", "siso", "genre", "all"}


def test_scheme_hash_ignores_provenance():
    a = Scheme("siso", [Concept("788.41", "x", status="confirmed", source="one")])
    b = Scheme("siso", [Concept("788.41", "x", status="secondary", source="two")])
    c = Scheme("siso", [Concept("788.41", "y", status="confirmed", source="one")])
    assert a.hash == b.hash != c.hash


def test_coverage_note_says_the_lists_are_partial(vocabs):
    nl, en = vocabs.coverage_note(), vocabs.coverage_note("en")
    assert "ONVOLLEDIG" in nl and "officiële lijsten" in nl
    assert "PARTIAL" in en and "official lists" in en
    assert f"{len(vocabs.siso)} SISO-codes" in nl


def test_observed_zizo_code_keeps_what_the_records_say():
    vocabs = load_vocabularies()
    zizo = vocabs.zizo
    path = ("Kunst", "Beeldende kunst", "Schilderkunst")  # as a record's 693 $a/$x/$y would carry it
    seen = zizo.observe("kubesc", source="record 7", path=path, audience="volwassenen")
    assert seen.code == "KUBESC" and seen.observed and seen.label == "Schilderkunst"
    assert seen.subsystem == VOLWASSENEN and seen.path == path
    assert zizo.parents("KUBESC") == ["ZIZO Volwassenen > Kunst > Beeldende kunst", "ZIZO Volwassenen > Kunst"]
    assert zizo.label("ZIZO Volwassenen > Kunst > Beeldende kunst") == "Beeldende kunst"
    assert zizo.validate("KUBESC", audience="Vanaf 9-11 jaar").status == "observed"
    # Records that disagree about the audience: no subsystem is claimed.
    assert zizo.observe("KUBESC", audience="Vanaf 6-8 jaar").subsystem is None
    assert zizo.observed() == {"KUBESC": 2}
    assert vocabs.genre.observe("Cyberpunk").label == "Cyberpunk"


def test_genre_for_the_wrong_audience(vocabs):
    wrong = vocabs.genre.validate("Oorlogsromans", audience="Vanaf 9-11 jaar")
    assert wrong.status == "wrong_audience" and not wrong.ok
    assert wrong.message == "Genre Oorlogsromans is een genre voor volwassenen, maar de doelgroep (Vanaf 9-11 jaar) is jeugd."
    assert vocabs.genre.validate("Humor", audience="volwassenen").status == "wrong_audience"
    assert vocabs.genre.validate("Detectives", audience="Vanaf 9-11 jaar").status == "known"  # both lists
    assert vocabs.genre.validate("Oorlogsromans", audience="Vanaf 15 jaar").status == "known"  # left open
    # A genre whose audience only a secondary source gives is not held against the record.
    assert vocabs.genre.validate("Westerns", audience="Vanaf 9-11 jaar").status == "unverified"


def test_labels_and_codes_for_training_and_constraints(vocabs):
    labels = vocabs.zizo.labels()
    assert labels["MEGEV"] == "Gevoelens - Gedrag" and "AHAADE" not in labels  # no label is made up
    assert vocabs.zizo.codes(subsystem=JEUGD) == ["MEGEV", "ZIZO Jeugd > Mens", "ZIZO Jeugd > Mens > Ziek - Gezond"]
    assert vocabs.zizo.codes(subsystem=JEUGD, assignable_only=True) == ["MEGEV"]
    assert "528.3" not in vocabs.siso.codes(assignable_only=True) and "528.3" in vocabs.siso.codes()


def test_observe_a_records_codes():
    from catalog_desktop.catalogue.entities import CodeRef

    vocabs = load_vocabularies()
    codes = [
        CodeRef("zizo", "ZZTEST", "693", label="Testrubriek", path=("Mens", "Testrubriek")),
        CodeRef("siso", "788.41", "084"), CodeRef("genre", "Nieuw testgenre", "650", label="Nieuw testgenre"),
        CodeRef("avi", "M4", "090"),  # not one of our schemes: passed over
    ]
    seen = vocabs.observe_codes(codes, audience="Vanaf 6-8 jaar", source="record 3")
    assert [c.code for c in seen] == ["ZZTEST", "788.41", "Nieuw testgenre"]
    assert [c.observed for c in seen] == [True, False, True]
    assert vocabs.zizo.get("ZZTEST").subsystem == JEUGD and vocabs.zizo.parents("ZZTEST") == ["ZIZO Jeugd > Mens"]
    assert vocabs.zizo.labels()["ZZTEST"] == "Testrubriek"
