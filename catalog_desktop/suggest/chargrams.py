"""Character n-grams counted with numpy for a whole batch of texts at once.

scikit-learn's ``char_wb`` analyzer builds every n-gram as a Python string, which made it the
slowest step of suggesting (most of the time went there on abstracts). This does the same work
on arrays: texts are lower-cased, every run of non-word characters becomes one space, each
text is padded with spaces and all are joined; each n-gram is hashed from its code points and
counted into ``n_features`` columns. As with ``char_wb``, an n-gram never spans two words
(only its first or last character may be the padding space).
"""

from __future__ import annotations

import re

import numpy as np
import scipy.sparse as sp

HASHER = "numpy-fnv-1"       # stored with the bundle: another hasher means other columns
_NON_WORD = re.compile(r"[\W_]+")
_SEPARATOR = 0               # code point between texts; never in a cleaned text
_SPACE = 32
_MIX = np.uint64(0x9E3779B97F4A7C15)
_PRIME = np.uint64(1099511628211)


def clean(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


CHUNK_CHARACTERS = 500_000    # texts are counted a chunk at a time: memory stays flat on big corpora


def char_ngram_counts(texts: list[str], ngrams: tuple[int, int], n_features: int) -> sp.csr_matrix:
    """Documents x hashed n-gram columns, float32 counts.

    The texts are counted in chunks of about ``CHUNK_CHARACTERS``: the hashing works on several
    64-bit arrays as long as the text, which for a whole corpus cost more than the model itself."""
    cleaned = [clean(t) for t in texts]
    if not cleaned:
        return sp.csr_matrix((0, n_features), dtype=np.float32)
    parts, start, size = [], 0, 0
    for end, text in enumerate(cleaned, 1):
        size += len(text) + 1
        if size >= CHUNK_CHARACTERS or end == len(cleaned):
            parts.append(_count_chunk(cleaned[start:end], ngrams, n_features))
            start, size = end, 0
    return parts[0] if len(parts) == 1 else sp.vstack(parts, format="csr")


def _count_chunk(cleaned: list[str], ngrams: tuple[int, int], n_features: int) -> sp.csr_matrix:
    joined = "\x00".join(cleaned)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(c) + 1 for c in cleaned), dtype=np.int64, count=len(cleaned))
    doc_of = np.repeat(np.arange(len(cleaned), dtype=np.int32), lengths)[: len(points)]
    is_sep = points == _SEPARATOR
    is_space = points == _SPACE
    shift = np.uint64(64 - int(np.log2(n_features)))
    rows, cols = [], []
    with np.errstate(over="ignore"):
        for n in range(ngrams[0], ngrams[1] + 1):
            m = len(points) - n + 1
            if m <= 0:
                continue
            h = np.full(m, np.uint64(14695981039346656037))
            bad = np.zeros(m, dtype=bool)
            for i in range(n):
                h = (h ^ points[i:i + m]) * _PRIME
                bad |= is_sep[i:i + m]
                if 0 < i < n - 1:
                    bad |= is_space[i:i + m]
            # n-grams of the padding alone ("  ") or a space at both ends of a short word are fine;
            # an n-gram that is only spaces is not.
            good = ~bad
            rows.append(doc_of[:m][good])
            cols.append(((h[good] * _MIX) >> shift).astype(np.int32))
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    matrix = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(cleaned), n_features))
    matrix.sum_duplicates()
    return matrix
