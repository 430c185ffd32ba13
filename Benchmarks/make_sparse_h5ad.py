"""Writes a synthetic sparse AnnData file for the h5ad load benchmark: CELLS x GENES, CSR X
(float32, DENSITY of the entries nonzero, log1p of Poisson-like counts), obs `cell_type`
(5 categories), written by anndata itself (no compression, as scanpy writes by default).

  make_sparse_h5ad.py CELLS GENES DENSITY OUT.h5ad [SEED]
"""
import os
import sys

import anndata
import numpy as np
import pandas as pd
import scipy.sparse as sp


def main(cells, genes, density, out, seed):
    rng = np.random.default_rng(seed)
    per_row = int(round(density * genes))
    indptr = np.arange(cells + 1, dtype=np.int64) * per_row
    # Distinct sorted column indices per row: a random subset of each row's genes.
    indices = np.empty(cells * per_row, dtype=np.int32)
    for r in range(cells):
        indices[r * per_row:(r + 1) * per_row] = np.sort(rng.choice(genes, size=per_row, replace=False))
    data = np.log1p(rng.poisson(2.0, size=cells * per_row) + 1).astype(np.float32)
    x = sp.csr_matrix((data, indices, indptr), shape=(cells, genes))
    obs = pd.DataFrame({"cell_type": pd.Categorical(rng.choice([f"type{i}" for i in range(5)], size=cells))},
                       index=[f"cell{i:06d}" for i in range(cells)])
    var = pd.DataFrame(index=[f"gene{j:05d}" for j in range(genes)])
    anndata.AnnData(X=x, obs=obs, var=var).write_h5ad(out + ".tmp.h5ad")
    os.replace(out + ".tmp.h5ad", out)


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5]) if len(sys.argv) == 6 else 1)
