"""TF-IDF rows for the texts being suggested for, without scikit-learn's per-call checks.

Suggesting for one record called ``TfidfVectorizer.transform`` and ``normalize``, whose input
validation (and its dataframe probing) took about half the time of the whole suggestion. Here
the fitted vectorizer's own analyzer, vocabulary and idf weights are applied with the same
arithmetic as ``CountVectorizer._count_vocab`` + ``TfidfTransformer.transform`` (sublinear tf,
idf, l2 norm), so the rows equal scikit-learn's to float32 rounding (a test checks).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse as sp


def normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row of a float32 CSR matrix to unit length (empty rows stay empty), in place."""
    if matrix.nnz:
        lengths = np.diff(matrix.indptr)
        squares = np.add.reduceat(np.square(matrix.data), matrix.indptr[:-1][lengths > 0], dtype=np.float64)
        norms = np.ones(matrix.shape[0], dtype=np.float64)
        norms[lengths > 0] = np.sqrt(squares)
        norms[norms == 0] = 1.0
        matrix.data /= np.repeat(norms, lengths).astype(matrix.data.dtype)
    return matrix


def word_tfidf(texts: list[str], analyze: Callable[[str], list[str]], vocabulary: dict[str, int],
               idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear-tf TF-IDF word rows of unit length (float32), as the fitted vectorizer gives."""
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        counter: dict[int, int] = {}
        for term in analyze(text):
            column = vocabulary.get(term)
            if column is not None:
                counter[column] = counter.get(column, 0) + 1
        indices.extend(counter)
        counts.extend(counter.values())
        indptr.append(len(indices))
    data = np.asarray(counts, dtype=np.float32)
    np.log(data, out=data)
    data += 1.0
    cols = np.asarray(indices, dtype=np.int32)
    data *= idf[cols]
    matrix = sp.csr_matrix((data, cols, np.asarray(indptr, dtype=np.int32)), shape=(len(texts), len(idf)))
    matrix.sort_indices()
    return normalise_rows(matrix)
