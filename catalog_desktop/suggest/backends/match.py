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

import numpy as np
import scipy.sparse as sp

from .base import Backend, QueryData, TrainData

TOKEN = re.compile(r"\w+")


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
    default_params = {"max_words": 5, "shrink": 2.0}

    def _train(self, data: TrainData) -> None:
        self.phrases: dict[tuple[str, ...], list[int]] = {}
        index = {code: i for i, code in enumerate(data.labels)}
        for code, label in data.labels_text.items():
            words = tuple(tokens(label))
            if code in index and 0 < len(words) <= self.params["max_words"]:
                self.phrases.setdefault(words, []).append(index[code])
        found = self._found([*data.texts])
        matched = np.asarray(found.sum(axis=0)).ravel()
        right = np.asarray(found.multiply(data.Y).sum(axis=0)).ravel()
        base = right.sum() / matched.sum() if matched.sum() else 0.1
        shrink = self.params["shrink"]
        self.precision = ((right + shrink * base) / (matched + shrink)).astype(np.float32)

    def _found(self, texts: list[str]) -> sp.csr_matrix:
        """Documents x labels: 1 where the label's phrase occurs in the text."""
        longest = max((len(p) for p in self.phrases), default=0)
        rows, cols = [], []
        for row, text in enumerate(texts):
            words = tokens(text)
            hits: set[int] = set()
            for start in range(len(words)):
                for length in range(1, min(longest, len(words) - start) + 1):
                    codes = self.phrases.get(tuple(words[start:start + length]))
                    if codes:
                        hits.update(codes)
            rows.extend([row] * len(hits))
            cols.extend(hits)
        return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), self.n_labels))

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        found = self._found(query.texts)
        return found.multiply(self.precision[None, :]).toarray()

    def _arrays(self) -> dict[str, np.ndarray]:
        return {"precision": self.precision}

    def _load(self, arrays, context) -> None:
        self.precision = arrays["precision"]
        index = {code: i for i, code in enumerate(context["labels"])}
        self.phrases = {}
        for code, label in context["label_texts"].items():
            words = tuple(tokens(label))
            if code in index and 0 < len(words) <= self.params["max_words"]:
                self.phrases.setdefault(words, []).append(index[code])


BACKEND = MatchBackend
