"""From the audience values the catalogue stores to the ZIZO subsystem."""

import csv

import pytest

from catalog_desktop.catalogue.derive import derive_entities
from catalog_desktop.marc import read_marc
from catalog_desktop.marc.mapping import load_profile
from catalog_desktop.resources import resources_dir
from catalog_desktop.vocab import JEUGD, KLEUTER, VOLWASSENEN, load_vocabularies, zizo_subsystem_for_age

EXPECTED_BY_FACET = {
    "e_age_0-2": KLEUTER, "g_age_3-5": KLEUTER, "j_age_6-8": JEUGD, "n_age_9-11": JEUGD,
    "p_age_12-14": JEUGD, "q_age_15": VOLWASSENEN, "y_age_adults": VOLWASSENEN,
    "x_age_nvt": None, "z_age_allyouth": None,  # all ages / all youth: no single subsystem
}


def test_every_open_vlacc_age_facet_its_label_and_raw_code():
    path = resources_dir() / "vocab" / "target_audience_codes.tsv"
    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if not r["facet_id"].startswith("#")]
    assert {r["facet_id"] for r in rows} == set(EXPECTED_BY_FACET)
    for row in rows:
        expected = EXPECTED_BY_FACET[row["facet_id"]]
        assert zizo_subsystem_for_age(row["facet_id"]) == expected, row["facet_id"]
        assert zizo_subsystem_for_age(row["label_nl"]) == expected, row["label_nl"]
        for raw in filter(None, [row["api_raw_code_seen"], row["marc_521_value_seen"]]):
            assert zizo_subsystem_for_age(raw) == expected, raw


@pytest.mark.parametrize("value, expected", [
    ("Vanaf 0-2 jaar", KLEUTER), ("Vanaf 3-5 jaar", KLEUTER), ("Vanaf 6-8 jaar", JEUGD),
    ("Vanaf 12-14 jaar", JEUGD), ("Vanaf 15 jaar", VOLWASSENEN), ("volwassenen", VOLWASSENEN),
    ("Volwassenen", VOLWASSENEN), ("adult", VOLWASSENEN), ("9-11", JEUGD), (4, KLEUTER), (14, JEUGD),
    (15, VOLWASSENEN), ("3-8 jaar", None), ("Alle jeugd", None), ("youth", None), ("", None), (None, None),
    ("onbekend", None),
])
def test_audience_values(value, expected):
    assert zizo_subsystem_for_age(value) == expected


def test_demo_records_audience_matches_their_zizo_subsystem():
    """Through the real derivation: the audience the catalogue stores picks the code's subsystem."""
    vocabs = load_vocabularies()
    profile = load_profile("openvlacc")
    sample = resources_dir() / "sample" / "demo-flemish-records-codes-assigned-for-demonstration.xml"
    audiences, checked = set(), 0
    for item in read_marc(sample):
        entities = derive_entities(item.record, profile)
        audiences.add(entities.audience)
        for code in (c for c in entities.codes if c.scheme == "zizo"):
            result = vocabs.zizo.validate(code.code, audience=entities.audience)
            assert result.status == "known", (entities.control_number, result.message)
            checked += 1
    assert checked == 6
    audiences.discard(None)  # records without 521
    assert {a: zizo_subsystem_for_age(a) for a in audiences} == {
        "volwassenen": VOLWASSENEN, "Vanaf 3-5 jaar": KLEUTER, "Vanaf 6-8 jaar": JEUGD,
        "Vanaf 9-11 jaar": JEUGD, "Vanaf 12-14 jaar": JEUGD, "Vanaf 15 jaar": VOLWASSENEN,
    }
