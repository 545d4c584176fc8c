"""catalogue.wording: stored values and quarantine reasons for people, in Dutch or English."""

from catalog_desktop.catalogue.wording import VALUES, quarantine_reason, value_text
from catalog_desktop.marc.profile_schema import LITERARY_VALUES, SUBJECT_KINDS


def test_stored_values_are_named_in_dutch_and_english():
    assert value_text("material", "score") == "partituur" and value_text("material", "score", "en") == "score"
    assert value_text("literary_type", "fiction") == "fictie"
    assert value_text("role", "author") == "auteur" and value_text("subject_kind", "theme") == "thema"
    assert value_text("language", "dut") == "Nederlands (dut)" and value_text("language", "dut", "en") == "Dutch (dut)"


def test_every_value_the_profiles_can_give_has_a_name():
    from catalog_desktop.marc.mapping import load_profile

    assert set(LITERARY_VALUES) <= set(VALUES["literary_type"])
    assert set(SUBJECT_KINDS) <= set(VALUES["subject_kind"])
    for name in ("openvlacc", "vubis"):
        profile = load_profile(name)
        m = profile.material
        assert {*m.record_types.values(), m.serial, m.game} <= set(VALUES["material"]), name
        roles = {*profile.relator_codes.values(), *profile.relator_terms.values(),
                 *(a.default_role for a in profile.agents.values())}
        assert roles <= set(VALUES["role"]), (name, roles - set(VALUES["role"]))


def test_unknown_values_are_shown_as_stored_never_hidden():
    assert value_text("role", "puppeteer") == "puppeteer" and value_text("material", None) == ""


def test_quarantine_reasons_in_dutch_keep_the_english_detail_for_english():
    assert quarantine_reason("no-fields", "the directory lists no fields") == "de directory noemt geen velden"
    assert quarantine_reason("truncated", "the file ends 12 bytes before ...", "en") == "the file ends 12 bytes before ..."
    assert quarantine_reason("something-new", "a new reason") == "a new reason"
