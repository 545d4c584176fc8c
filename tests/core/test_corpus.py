"""Annif TSV corpora and vocabularies: streaming, .gz, line ranges, seeded splits, clear errors."""

import gzip
import itertools

import pytest

from catalog_desktop.suggest.corpus import (
    CorpusError,
    LineRange,
    random_split,
    read_corpus,
    read_vocabulary,
)
from tests.core.shared_data import DATA

CORPUS = (
    "Fietsen in Vlaanderen\t<http://ex.org/p1> <http://ex.org/p2>\n"
    "\n"
    "Koken voor kinderen\thttp://ex.org/p3\n"
    "Sterrenkunde voor beginners\t<http://ex.org/p4> <http://ex.org/p4>\n"
)


def corpora():
    if not (DATA / "corpora").is_dir():
        pytest.fail(f"the shared subject corpora are missing: expected them in {DATA / 'corpora'}")
    return DATA / "corpora"


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "train.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def test_reads_text_and_codes_without_brackets_and_skips_blank_lines(corpus_file):
    docs = list(read_corpus(corpus_file))
    assert [(d.text, d.codes, d.id) for d in docs] == [
        ("Fietsen in Vlaanderen", ("http://ex.org/p1", "http://ex.org/p2"), "1"),
        ("Koken voor kinderen", ("http://ex.org/p3",), "3"),
        ("Sterrenkunde voor beginners", ("http://ex.org/p4",), "4"),  # duplicate code once
    ]


def test_gzip_and_byte_order_mark(tmp_path):
    path = tmp_path / "train.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\ufeff" + CORPUS)
    assert [d.text for d in read_corpus(path)][0] == "Fietsen in Vlaanderen"


def test_line_ranges(corpus_file):
    assert LineRange.parse("2") == LineRange(1, 2)
    assert LineRange.parse("3-4") == LineRange(3, 4)
    assert LineRange.parse("3-") == LineRange(3, None)
    assert [d.line for d in read_corpus(corpus_file, LineRange.parse("3-4"))] == [3, 4]
    assert [d.line for d in read_corpus(corpus_file, LineRange.parse("1"))] == [1]
    for bad in ("x", "5-2", "0-3"):
        with pytest.raises(CorpusError, match="not a line range"):
            LineRange.parse(bad)


def test_stops_reading_after_the_range():
    """Line ranges stream: lines past the range are never read (the yso corpus has 681,067)."""
    path = corpora() / "annif-yso-finna" / "yso-finna-en.shuffled.tsv.gz"
    docs = list(itertools.islice(read_corpus(path, LineRange.parse("11-20")), 100))
    assert [d.line for d in docs] == list(range(11, 21))
    assert all(code.startswith("http://www.yso.fi/onto/yso/p") for d in docs for code in d.codes)


def test_bad_lines_name_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("goed\t<http://ex.org/p1>\nzonder tab\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.tsv, line 2: no tab"):
        list(read_corpus(path))
    path.write_text("geen onderwerpen\t \n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1: no subjects"):
        list(read_corpus(path))
    path.write_bytes(b"caf\xe9\t<http://ex.org/p1>\n")
    with pytest.raises(CorpusError, match="not a UTF-8"):
        list(read_corpus(path))
    with pytest.raises(CorpusError, match="no such file"):
        list(read_corpus(tmp_path / "missing.tsv"))


def test_vocabulary(tmp_path):
    path = tmp_path / "vocab.tsv"
    path.write_text("<http://ex.org/p1>\tfietsen\n<http://ex.org/p2>\tkoken\t641.5\n\n", encoding="utf-8")
    assert read_vocabulary(path) == {"http://ex.org/p1": "fietsen", "http://ex.org/p2": "koken"}
    path.write_text("<http://ex.org/p1> fietsen\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 1: expected <uri><TAB>label"):
        read_vocabulary(path)


def test_real_brinkman_vocabulary_covers_its_corpus():
    folder = corpora() / "kb-nl-dissertations-brinkman"
    vocabulary = read_vocabulary(folder / "brinkmanthesaurus_vocab.tsv")
    assert len(vocabulary) == 14735  # 14,737 lines: two URIs repeat with a Cyrillic label
    assert vocabulary["http://data.bibliotheken.nl/id/thes/p387357904"] == "Ekaterinburg"
    test = list(read_corpus(folder / "full_title_topics_abstract-test.tsv"))
    assert len(test) == 1360 and all(code in vocabulary for d in test for code in d.codes)


def test_random_split_is_reproducible_and_disjoint():
    docs = [doc for doc in read_corpus(corpora() / "kb-nl-dissertations-brinkman"
                                       / "full_title_topics_abstract-test.tsv")]
    train, test = random_split(docs, holdout=0.2, seed=7)
    again_train, again_test = random_split(iter(docs), holdout=0.2, seed=7)
    assert [d.line for d in test] == [d.line for d in again_test]
    assert len(train) + len(test) == len(docs)
    assert not {d.line for d in train} & {d.line for d in test}
    assert 0.15 < len(test) / len(docs) < 0.25
    _, other = random_split(docs, holdout=0.2, seed=8)
    assert [d.line for d in other] != [d.line for d in test]
    with pytest.raises(CorpusError, match="held-out share"):
        random_split(docs, holdout=1.0)
