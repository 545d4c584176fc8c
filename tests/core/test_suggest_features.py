"""suggest.features: one record -> one Document, the same at training and at suggestion time."""

from __future__ import annotations

from catalog_desktop.suggest.features import document_for_record, documents_for_records, record_features


def _demo(cat, query: str) -> list[int]:
    return [h.id for h in cat.search(query, limit=200) if (h.control_number or "").startswith("DEMO")]


def test_the_document_holds_the_records_text_and_facts(sample_catalogue):
    cat = sample_catalogue
    (rid,) = _demo(cat, "title:houtekiet")
    doc = document_for_record(cat, rid, "genre")
    assert doc.id == cat.records.get(rid).identity and doc.id.startswith("DEMO")
    assert "Houtekiet" in doc.text
    summary = cat.records.entities(rid).entities.summary
    assert summary and summary in doc.text
    for fact in ("lt_fiction", "mat_book", "taal_dut", "drager_boek"):
        assert fact in doc.text.split()


def test_the_predicted_schemes_codes_never_leak_into_its_text(sample_catalogue):
    cat = sample_catalogue
    songbook = cat.search("zizo:MMSOAZ")[0].id
    zizo_doc = document_for_record(cat, songbook, "zizo")
    assert "MMSOAZ" not in zizo_doc.text and "Songbooks" not in zizo_doc.text
    assert "788.41" in zizo_doc.text  # another scheme's code is a fair feature
    assert "788.41" not in document_for_record(cat, songbook, "siso").text
    neutral = document_for_record(cat, songbook)
    assert "MMSOAZ" not in neutral.text and "788.41" not in neutral.text

    (novel,) = [i for i in _demo(cat, "title:houtekiet")]
    genres = [c.code for c in cat.records.entities(novel).codes if c.scheme == "genre"]
    assert genres
    genre_doc = document_for_record(cat, novel, "genre").text.split("\n")
    assert not set(genres) & set(genre_doc)


def test_training_and_suggestion_build_the_same_document(sample_catalogue):
    """catalogue_data (training) and the service (suggestion) both go through record_features."""
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    cat = sample_catalogue
    train, _ = training_sets_from_catalogue(cat, cat.vocabularies())
    checked = 0
    for ts in train:
        ids = [cat.records.by_control_number(d.id).id for d in ts.docs]
        assert documents_for_records(cat, ids, ts.scheme) == ts.docs
        for doc in ts.docs[:3]:
            assert document_for_record(cat, cat.records.by_control_number(doc.id).id, ts.scheme) == doc
            checked += 1
    assert checked >= 6


def test_other_editions_codes_are_the_strongest_hint_and_the_record_itself_never_counts(sample_catalogue):
    cat = sample_catalogue
    editions = _demo(cat, "title:verdriet")  # three editions of Claus, Het verdriet van België
    assert len(editions) == 3
    features = record_features(cat, editions)
    for f in features:
        assert f.edition_codes["genre"] == {"Oorlogsromans": 1.0, "Romans": 1.0}
    # Take the genres off one edition: the others' hints still say both; its own hint is unchanged.
    from catalog_desktop.marc.code_fields import without_code

    first = editions[0]
    stored = cat.records.get(first)
    record = without_code(stored.record, cat.profile(), "genre", "Oorlogsromans")
    cat.records.update(first, record, who="test")
    after = {f.record_id: f for f in record_features(cat, editions)}
    assert after[first].hints("genre") == {"Oorlogsromans": 1.0, "Romans": 1.0}
    assert after[editions[1]].hints("genre") == {"Oorlogsromans": 0.5, "Romans": 1.0}
    assert "Oorlogsromans" not in after[first].codes("genre")


def test_same_authors_other_records_give_a_weaker_hint(sample_catalogue):
    cat = sample_catalogue
    (rid,) = _demo(cat, "title:dwaallicht")  # Elsschot: Villa des Roses and Kaas carry Romans/Novelles
    hints = document_for_record(cat, rid, "genre").hints
    assert hints and all(0 < w <= 0.5 for w in hints.values())
    assert document_for_record(cat, rid, "zizo").hints == {}


def test_a_batch_reads_a_chunk_with_a_fixed_number_of_queries(sample_catalogue):
    from sqlalchemy import event

    cat = sample_catalogue
    ids = [r.id for r in cat.records.page(limit=500)]
    assert len(ids) == 181
    statements = []

    def count(conn, cursor, statement, *rest):
        statements.append(statement)

    def selects_for(some: list[int]) -> int:
        statements.clear()
        event.listen(cat.engine, "before_cursor_execute", count)
        try:
            record_features(cat, some)
        finally:
            event.remove(cat.engine, "before_cursor_execute", count)
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    assert selects_for(ids[100:130]) <= 7 and selects_for(ids) <= 7  # not one query per record


def test_codes_the_vocabulary_does_not_list_are_kept_and_flagged(sample_catalogue):
    from catalog_desktop.marc.code_fields import code_field, with_field
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    cat = sample_catalogue
    rid = cat.records.by_control_number("DEMO00070").id
    field = code_field(cat.profile(), "zizo", "ZZKOOK", path=("Vrije tijd", "Koken"))
    cat.records.update(rid, with_field(cat.records.get(rid).record, field), who="test")
    vocabs = cat.vocabularies()
    assert vocabs.zizo.get("ZZKOOK") is None
    train, _ = training_sets_from_catalogue(cat, vocabs)
    zizo = next(ts for ts in train if ts.scheme == "zizo")
    assert ["ZZKOOK"] in zizo.labels  # kept, not dropped
    assert vocabs.zizo.observed() == {"ZZKOOK": 1}  # and flagged
    concept = vocabs.zizo.get("ZZKOOK")
    assert concept.observed and concept.path == ("Vrije tijd", "Koken") and concept.subsystem == "ZIZO Volwassenen"
    assert zizo.labels_text["ZZKOOK"] == "Koken"  # the record's own rubric leaf, not an invented label
