"""suggest.constraints: the record's literary type and age group limit what may be suggested."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.suggest import Suggestion
from catalog_desktop.suggest.constraints import apply_rule, rules_for
from catalog_desktop.suggest.features import RecordFeatures
from catalog_desktop.vocab import load_vocabularies, zizo_subsystem_for_age

SCHEMES = ("zizo", "siso", "genre")


def _features(literary_type: str | None, audience: str | None) -> RecordFeatures:
    ents = RecordEntities(control_number="X", title="T", literary_type=literary_type, audience=audience)
    return RecordFeatures(1, "X", ents, zizo_subsystem_for_age(audience) if audience else None)


def _suggestion(scheme: str, code: str) -> Suggestion:
    return Suggestion(scheme, code, None, 0.5, 0.5)


@pytest.fixture(scope="module")
def vocabs():
    return load_vocabularies()


def test_fiction_gets_genres_and_no_zizo_or_siso():
    rules = rules_for(_features("fiction", "volwassenen"), SCHEMES)
    assert rules["genre"].applies and not rules["zizo"].applies and not rules["siso"].applies
    assert "fictie" in rules["zizo"].reason


def test_non_fiction_gets_zizo_and_siso_and_no_genre(vocabs):
    rules = rules_for(_features("non-fiction", "volwassenen"), SCHEMES)
    assert rules["zizo"].applies and rules["siso"].applies and not rules["genre"].applies
    assert apply_rule(rules["genre"], [_suggestion("genre", "Romans")], vocabs.genre, 5) == []


def test_the_age_group_picks_the_zizo_subsystem(vocabs):
    youth_code, adult_code = "MEGEV", "MMSOAZ"  # ZIZO Jeugd and ZIZO Volwassenen in the bundled list
    assert vocabs.zizo.get(youth_code).subsystem == "ZIZO Jeugd"
    assert vocabs.zizo.get(adult_code).subsystem == "ZIZO Volwassenen"
    both = [_suggestion("zizo", adult_code), _suggestion("zizo", youth_code)]

    youth = rules_for(_features("non-fiction", "Vanaf 9-11 jaar"), SCHEMES)["zizo"]
    assert youth.subsystem == "ZIZO Jeugd"
    assert [s.code for s in apply_rule(youth, both, vocabs.zizo, 5)] == [youth_code]
    adult = rules_for(_features("non-fiction", "volwassenen"), SCHEMES)["zizo"]
    assert adult.subsystem == "ZIZO Volwassenen"
    kept = apply_rule(adult, both, vocabs.zizo, 5)
    assert [s.code for s in kept] == [adult_code]
    assert kept[0].label == vocabs.zizo.label(adult_code)  # label filled in from the vocabulary


def test_a_record_with_a_zizo_or_siso_code_gets_no_other_but_more_genres():
    from catalog_desktop.catalogue.entities import CodeRef

    features = _features(None, "volwassenen")
    features.entities.codes.append(CodeRef("zizo", "MMSOAZ", "693"))
    features.entities.codes.append(CodeRef("genre", "Romans", "650"))
    rules = rules_for(features, SCHEMES)
    assert not rules["zizo"].applies and "MMSOAZ" in rules["zizo"].reason
    assert rules["siso"].applies and rules["genre"].applies


def test_unknown_facts_constrain_nothing_and_say_so(vocabs):
    rules = rules_for(_features(None, None), SCHEMES)
    assert all(rules[s].applies for s in SCHEMES)
    assert rules["zizo"].subsystem is None and rules["genre"].audience is None
    assert "onbekend" in rules["zizo"].reason and "unknown" in rules["genre"].reason_en
    both = [_suggestion("zizo", "MMSOAZ"), _suggestion("zizo", "MEGEV")]
    assert len(apply_rule(rules["zizo"], both, vocabs.zizo, 5)) == 2


def test_a_code_the_vocabulary_does_not_know_is_not_filtered_by_guesswork(vocabs):
    rule = rules_for(_features("non-fiction", "Vanaf 9-11 jaar"), SCHEMES)["zizo"]
    assert [s.code for s in apply_rule(rule, [_suggestion("zizo", "NOTINLIST")], vocabs.zizo, 5)] == ["NOTINLIST"]


def test_youth_records_get_youth_genres(vocabs):
    rule = rules_for(_features("fiction", "Vanaf 9-11 jaar"), SCHEMES)["genre"]
    assert rule.audience == "jeugd"
    adult_only = [c for c in ("Thrillers", "Spionageromans", "Oorlogsromans")
                  if (concept := vocabs.genre.get(c)) is not None and concept.audience == "volwassenen"]
    assert adult_only, "the bundled genre list should mark some adult-only genres"
    assert apply_rule(rule, [_suggestion("genre", adult_only[0])], vocabs.genre, 5) == []
