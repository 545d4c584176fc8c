"""Label words found in the text (after Annif's MLLM backend, much simplified).

Every label (``TrainingSet.labels_text``) is a phrase; a text that contains the phrase, word
for word after light normalisation, is evidence for the code. How much evidence is learned on
the training documents: the share of documents containing the phrase that carry the code,
shrunk towards the share over all phrases, so that codes never seen in training (but in the
vocabulary) still come up when their label is in the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from .base import Backend, QueryData, TrainData

TOKEN = re.compile(r"\w+")
QUALIFIER = re.compile(r"\s*\([^)]*\)")


def label_phrases(label: str) -> set[tuple[str, ...]]:
    """The phrases of a label: itself, and without its qualifier ("migration (demography)"
    is also found as "migration"; the learned precision tells the senses apart)."""
    phrases = {tuple(tokens(label)), tuple(tokens(QUALIFIER.sub(" ", label)))}
    return {p for p in phrases if p}


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Lower case without accents, English/Dutch plural -s stripped (``bicycles`` ~ ``bicycle``)."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return [normalise(w) for w in TOKEN.findall(text)]


class MatchBackend(Backend):
    name = "match"
    phrases: dict[tuple[str, ...], list[int]]
    default_params = {"max_words": 5, "shrink": 2.0}

    def _train(self, data: TrainData) -> None:
        self.phrases = {}
        index = {code: i for i, code in enumerate(data.labels)}
        self._index_phrases(data.labels_text, index)
        found = self._found([*data.texts])
        matched = np.asarray(found.sum(axis=0)).ravel()
        right = np.asarray(found.multiply(data.Y).sum(axis=0)).ravel()
        base = right.sum() / matched.sum() if matched.sum() else 0.1
        shrink = self.params["shrink"]
        self.precision = ((right + shrink * base) / (matched + shrink)).astype(np.float32)

    def _found(self, texts: list[str]) -> sp.csr_matrix:
        """Documents x labels: 1 where the label's phrase occurs in the text."""
        starts = self._starts
        rows, cols = [], []
        for row, text in enumerate(texts):
            words = tokens(text)
            hits: set[int] = set()
            for start, word in enumerate(words):
                for length in starts.get(word, ()):
                    codes = self.phrases.get(tuple(words[start:start + length]))
                    if codes:
                        hits.update(codes)
            rows.extend([row] * len(hits))
            cols.extend(hits)
        return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), self.n_labels))

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        return self._suggest_sparse(query, 0).toarray()

    def _suggest_sparse(self, query: QueryData, top: int) -> sp.csr_matrix:
        found = self._found(query.texts)  # a few labels per text: all of them are kept
        found.data *= self.precision[found.indices]
        return found

    def _arrays(self) -> dict[str, np.ndarray]:
        return {"precision": self.precision}

    def _load(self, arrays, context) -> None:
        self.precision = arrays["precision"]
        self.phrases = {}
        self._index_phrases(context["label_texts"], {code: i for i, code in enumerate(context["labels"])})

    def _index_phrases(self, labels_text, index) -> None:
        for code in sorted(labels_text):
            if code not in index:
                continue
            for words in sorted(label_phrases(labels_text[code])):
                if len(words) <= self.params["max_words"]:
                    self.phrases.setdefault(words, []).append(index[code])
        # For each first word, the phrase lengths that start with it: most words start none.
        self._starts: dict[str, set[int]] = {}
        for phrase in self.phrases:
            self._starts.setdefault(phrase[0], set()).add(len(phrase))


BACKEND = MatchBackend
