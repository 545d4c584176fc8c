"""suggest.training_sources: the trainer trains from a MARC export or an Annif corpus, not only the catalogue."""

from __future__ import annotations

import threading

import pytest

from catalog_desktop.resources import default_bundle, resources_dir
from tests.core.shared_data import DATA

DEMO_XML = resources_dir() / "sample" / "demo-flemish-records-codes-assigned-for-demonstration.xml"
GARBAGE = b"00040nam a2200025   4500garbage-no-terminators\x1d"
BRINKMAN = DATA / "corpora" / "kb-nl-dissertations-brinkman"


def test_an_export_is_trained_on_without_entering_the_catalogue(catalogue, book, write_marc, tmp_path):
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.suggest.training_sources import train_from_export

    broken = write_marc(tmp_path / "kapot.mrc", [book("1", "Voor"), GARBAGE])
    seen = []
    result = train_from_export(catalogue, [DEMO_XML, broken], tmp_path / "nieuw", holdout=0.2,
                               compare=default_bundle(), progress=lambda done, total, message: seen.append(message))
    # made for this catalogue's lists: it can be the active bundle
    bundle = Suggester.load(tmp_path / "nieuw", expected_vocab_hash=catalogue.vocabularies().hash)
    assert {"zizo", "genre"} <= set(bundle.schemes) and result.not_for_catalogue is None
    assert result.report == tmp_path / "nieuw-evaluatie.html" and result.report.is_file()
    assert set(result.scores) <= {"zizo", "siso", "genre"} and result.compared_with
    # the broken record is named, not lost; the export did not go into the catalogue
    assert any("1 record(s)" in note and "kapot.mrc #2" in note for note in result.notes), result.notes
    assert catalogue.records.count() == 0 and catalogue.quarantine.count() == 0
    assert {"Export lezen", "Records lezen", "Model trainen"} <= set(seen)  # Dutch phases by default


def test_an_export_without_codes_says_so(catalogue, tmp_path):
    from catalog_desktop.suggest.training_sources import train_from_export

    bu = resources_dir() / "sample" / "bu_bibs-real-records-cc-by.mrc"
    with pytest.raises(ValueError, match="geen records met ZIZO-, SISO- of genrecodes in .*bu_bibs"):
        train_from_export(catalogue, [bu], tmp_path / "nieuw")
    assert not (tmp_path / "nieuw").exists()


def test_a_cancelled_export_training_writes_nothing(catalogue, tmp_path):
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.training_sources import train_from_export

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TrainingCancelled):
        train_from_export(catalogue, [DEMO_XML], tmp_path / "nieuw", cancel=cancel)
    assert not (tmp_path / "nieuw").exists()


def test_an_annif_corpus_with_its_vocabulary_trains_a_bundle_for_that_vocabulary(catalogue, tmp_path):
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.suggest.corpus import LineRange
    from catalog_desktop.suggest.training_sources import train_from_corpus

    train = BRINKMAN / "full_title_topics_abstract-train.tsv"
    if not train.is_file():
        pytest.fail(f"the shared Brinkman corpus is missing: expected {train}")
    result = train_from_corpus(train, tmp_path / "corpus", vocabulary=BRINKMAN / "brinkmanthesaurus_vocab.tsv",
                               lines=LineRange.parse("300"), holdout=0.2, vocabs=catalogue.vocabularies(),
                               compare=default_bundle(), language="en")
    assert Suggester.load(tmp_path / "corpus").schemes == ["subjects"]
    assert result.scores["subjects"]["docs"] > 30 and result.scores["subjects"]["f1@5"] > 0.05
    assert result.compared_with is None  # the old bundle knows no Brinkman subjects
    assert "cannot become the active bundle" in result.not_for_catalogue
    assert "brinkmanthesaurus_vocab.tsv" in result.not_for_catalogue


def test_a_zizo_corpus_without_vocabulary_file_uses_the_catalogue_lists(sample_catalogue, tmp_path):
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue
    from catalog_desktop.suggest.training_sources import train_from_corpus

    vocabs = sample_catalogue.vocabularies()
    (zizo,) = [s for s in training_sets_from_catalogue(sample_catalogue, vocabs)[0] if s.scheme == "zizo"]
    corpus = tmp_path / "zizo.tsv"
    corpus.write_text("".join(f"{d.text.replace(chr(10), ' ')}\t{' '.join(codes)}\n"
                              for d, codes in zip(zizo.docs, zizo.labels) if codes), encoding="utf-8")
    result = train_from_corpus(corpus, tmp_path / "zizo", scheme="zizo", holdout=0.0, vocabs=vocabs)
    assert result.not_for_catalogue is None and result.report is None  # nothing held out: no report
    assert Suggester.load(tmp_path / "zizo", expected_vocab_hash=vocabs.hash).schemes == ["zizo"]


def test_a_broken_corpus_names_file_and_line(tmp_path):
    from catalog_desktop.suggest.corpus import CorpusError
    from catalog_desktop.suggest.training_sources import train_from_corpus

    corpus = tmp_path / "kapot.tsv"
    corpus.write_text("een titel\thttp://x/1\ngeen tab op deze regel\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="kapot.tsv, line 2"):
        train_from_corpus(corpus, tmp_path / "b")
    assert not (tmp_path / "b").exists()
