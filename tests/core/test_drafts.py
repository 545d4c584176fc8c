"""catalogue.drafts: the one record behind the MARC view and the entity view, without Qt."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.code_info import code_info
from catalog_desktop.catalogue.drafts import Draft
from catalog_desktop.catalogue.entity_edits import set_entity_value
from catalog_desktop.catalogue.errors import CatalogueError


def _verdriet(cat) -> int:
    return sorted(h.id for h in cat.search("title:verdriet"))[0]


def test_a_subfield_typed_in_marc_is_in_the_entities_and_back(sample_catalogue):
    cat = sample_catalogue
    draft = Draft.of(cat, _verdriet(cat))
    assert draft.entity_values()["title"] == "Het verdriet van België" and not draft.dirty
    draft.set_text(draft.text.replace("$aHet verdriet van België", "$aHet verdriet van Vlaanderen"))
    assert draft.entity_values()["title"] == "Het verdriet van Vlaanderen"
    assert draft.entities().title == "Het verdriet van Vlaanderen" and draft.dirty
    draft.set_entity("publisher", "Uitgeverij Vlaanderen")
    assert "$bUitgeverij Vlaanderen" in draft.text
    assert "$aHet verdriet van Vlaanderen" in draft.text  # the MARC edit is kept


def test_saving_a_draft_keeps_untouched_fields_byte_for_byte_and_is_one_step(sample_catalogue):
    from catalog_desktop.marc.iso2709 import parse_record

    cat = sample_catalogue
    rid = _verdriet(cat)
    before = cat.records.get(rid).record
    draft = Draft.of(cat, rid)
    draft.set_entity("year", "1984")
    change = draft.save(who="an")
    assert change.records == (rid,) and not draft.dirty and draft.version == 2
    after = parse_record(cat.records.get(rid).current_marc())[0]
    changed = [(a.tag) for a, b in zip(after.fields, before.fields) if a.raw != b.raw]
    assert changed == ["260"]
    assert cat.edits.next_undo().name.startswith("Record bewerkt: Het verdriet van België")
    (diff,) = cat.edits.diff(cat.edits.next_undo().id)
    assert any("1983" in line for line in diff.removed) and any("1984" in line for line in diff.added)
    assert not any(line.startswith("=LDR") for line in diff.removed)  # lengths only: not an edit


def test_messages_are_located_on_the_lines_of_the_text(sample_catalogue):
    cat = sample_catalogue
    draft = Draft.of(cat, _verdriet(cat))
    line_245 = next(n for n, line in enumerate(draft.text.splitlines(), 1) if line.startswith("=245"))
    draft.set_text(draft.text.replace("=245  14", "=245  1X") + "\nonzin")
    messages = draft.check()
    assert any(m.line == line_245 and m.where == "245" and "indicator 2" in m.nl for m in messages)
    unreadable = [m for m in messages if m.line == len(draft.text.splitlines())]
    assert unreadable and unreadable[0].severity == "error"
    with pytest.raises(CatalogueError, match="niet bewaard"):
        draft.save()


def test_entity_values_add_a_missing_field_in_tag_order_and_an_empty_value_removes_it(sample_catalogue):
    cat = sample_catalogue
    record = cat.records.get(_verdriet(cat)).record
    with_isbn = set_entity_value(record, cat.profile(), "isbn", "9789029012638")
    assert with_isbn.value("020", "a") == "9789029012638"
    tags = [f.tag for f in with_isbn.fields]
    assert tags == sorted(tags)
    assert set_entity_value(with_isbn, cat.profile(), "isbn", "").first("020") is None


def test_code_info_names_the_rubric_the_hierarchy_and_what_the_lists_lack(sample_catalogue):
    from catalog_desktop.catalogue.entities import CodeRef

    cat = sample_catalogue
    infos = code_info([CodeRef("zizo", "MEGEV", "693"), CodeRef("siso", "788.41", "084"),
                       CodeRef("zizo", "XXNOPE", "693")], cat.vocabularies())
    zizo, siso, unknown = infos
    assert zizo.in_list and zizo.path and zizo.path[-1] == zizo.label
    assert [p.split()[0] for p in siso.path] == ["7", "78", "788", "788.4"]
    assert not unknown.in_list
