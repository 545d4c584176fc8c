"""Top-k selection for the suggestion path, without building what is thrown away.

``top_product(A, B, k)`` is the sparse product ``A @ B`` keeping only the ``k`` largest entries
of each row, best first. Query texts share some word or character n-gram with most training
documents, so the full product is nearly dense (half of yso's 50,000 documents per query):
scipy builds all of it and a sort then keeps 50. ``sparse_dot_topn`` (ING's C++ kernel) keeps a
heap per row instead, on both cores for a batch; that made the nearest-document search, the
largest cost of a suggestion, three to four times faster. Its public wrapper copies the index
arrays of ``B`` on every call (``astype`` without ``copy=False``): 20 MB for the training
vectors of yso, some milliseconds of every single-record suggestion. The kernel it wraps is
called directly when the arrays already have its types; otherwise (or if a later version moves
the kernel) the public function is used.

``dense_top_per_row(M, k)`` keeps the ``k`` largest positive entries of each row of a dense
matrix, as CSR (backends that score densely).
"""

from __future__ import annotations

import os

import numpy as np
import scipy.sparse as sp

PARALLEL_FROM = 32   # rows from which a product is worth spreading over the cores


CORES = min(os.cpu_count() or 1, 4)


def _threads(rows: int) -> int | None:
    return CORES if rows >= PARALLEL_FROM and CORES > 1 else None


def top_product(A: sp.csr_matrix, B: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """``A @ B`` keeping the ``k`` largest positive entries per row, each row best first
    (float32 CSR; its column indices are in rank order, not sorted: read, do not re-sort)."""
    A = sp.csr_matrix(A, dtype=np.float32)
    if A.shape[0] == 0 or A.nnz == 0 or B.nnz == 0 or k <= 0:
        return sp.csr_matrix((A.shape[0], B.shape[1]), dtype=np.float32)
    if A.shape[1] != B.shape[0]:
        raise ValueError(f"shapes {A.shape} and {B.shape} do not multiply")
    k = min(int(k), B.shape[1])
    threads = _threads(A.shape[0])
    arrays = (A.data, A.indptr, A.indices, B.data, B.indptr, B.indices)
    if all(a.flags.c_contiguous for a in arrays) and B.dtype == np.float32 and all(
            a.dtype == np.int32 for a in (A.indptr, A.indices, B.indptr, B.indices)):
        try:
            from sparse_dot_topn import _core

            common = dict(top_n=k, nrows=A.shape[0], ncols=B.shape[1], threshold=0.0,
                          A_data=A.data, A_indptr=A.indptr, A_indices=A.indices,
                          B_data=B.data, B_indptr=B.indptr, B_indices=B.indices)
            if threads:
                out = _core.sp_matmul_topn_sorted_mt(n_threads=threads, **common)
            else:
                out = _core.sp_matmul_topn_sorted(density=1.0, **common)
            return sp.csr_matrix(out, shape=(A.shape[0], B.shape[1]))
        except (ImportError, AttributeError, TypeError):
            pass
    from sparse_dot_topn import sp_matmul_topn

    out = sp_matmul_topn(A, sp.csr_matrix(B, dtype=np.float32), top_n=k, threshold=0.0, sort=True, n_threads=threads)
    return sp.csr_matrix(out, dtype=np.float32)


def dense_top_per_row(scores: np.ndarray, k: int) -> sp.csr_matrix:
    """The ``k`` largest positive entries of each row of a dense score matrix, as CSR."""
    scores = np.asarray(scores, dtype=np.float32)
    n, width = scores.shape
    if width > k:
        cols = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    else:
        cols = np.tile(np.arange(width), (n, 1))
    values = np.take_along_axis(scores, cols, axis=1)
    rows = np.repeat(np.arange(n), cols.shape[1])
    good = values.ravel() > 0
    return sp.csr_matrix((values.ravel()[good], (rows[good], cols.ravel()[good])), shape=scores.shape, dtype=np.float32)
