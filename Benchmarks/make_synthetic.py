"""Writes a synthetic expression-like benchmark: N samples x P features, samples as rows,
as gzipped TSV (header `sample_id g00001 ...`), a binary label file and the planted truth.

  make_synthetic.py N P OUT_PREFIX [SEED]
    OUT_PREFIX.tsv.gz     matrix, 3 decimals
    OUT_PREFIX.labels.tsv sample_id, label (case/control)
    OUT_PREFIX.truth.tsv  planted features with their coefficients

Features are standard normal with a shared factor inside blocks of 50 (correlation 0.3),
so there are correlated distractors. The label is Bernoulli(sigmoid(sum beta_i x_i)) over
20 planted features with coefficients decreasing from 1.0 to 0.3, plus one synergy pair
(two correlated features that predict only together, as in the README's research notes).
"""
import gzip
import io
import os
import sys

import numpy as np


def main(n, p, prefix, seed):
    rng = np.random.default_rng(seed)
    block = 50
    factors = rng.standard_normal((n, (p + block - 1) // block)).astype(np.float32)
    x = rng.standard_normal((n, p)).astype(np.float32)
    x = np.sqrt(0.7) * x + np.sqrt(0.3) * np.repeat(factors, block, axis=1)[:, :p]
    planted = rng.choice(p, size=22, replace=False)
    linear, pair = planted[:20], planted[20:]
    beta = np.linspace(1.0, 0.3, len(linear))
    # Synergy pair: x_b = 0.95 x_a + 0.31 v, the outcome driven by v only.
    v = rng.standard_normal(n).astype(np.float32)
    x[:, pair[1]] = 0.95 * x[:, pair[0]] + 0.31 * v
    eta = x[:, linear] @ beta + 1.5 * v
    y = rng.random(n) < 1 / (1 + np.exp(-eta))
    ids = [f"s{i:05d}" for i in range(n)]
    names = [f"g{j + 1:05d}" for j in range(p)]
    with gzip.open(prefix + ".tsv.gz.tmp", "wb", compresslevel=1) as f:
        f.write(("sample_id\t" + "\t".join(names) + "\n").encode())
        for start in range(0, n, 100):
            buf = io.StringIO()
            np.savetxt(buf, x[start:start + 100], fmt="%.3f", delimiter="\t")
            lines = buf.getvalue().splitlines()
            f.write("".join(f"{ids[start + i]}\t{line}\n" for i, line in enumerate(lines)).encode())
    with open(prefix + ".labels.tsv", "w") as f:
        f.write("sample_id\tlabel\n")
        for s, label in zip(ids, y):
            f.write(f"{s}\t{'case' if label else 'control'}\n")
    with open(prefix + ".truth.tsv", "w") as f:
        f.write("feature_id\trole\tcoefficient\n")
        for j, b in zip(linear, beta):
            f.write(f"{names[j]}\tlinear\t{b:.3f}\n")
        for j in pair:
            f.write(f"{names[j]}\tsynergy_pair\tNA\n")
    # The matrix last: the benchmark script regenerates everything when it is missing.
    os.replace(prefix + ".tsv.gz.tmp", prefix + ".tsv.gz")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 1)
