"""gsel's held-out evaluation next to scikit-learn on the same split, features and values.

  evaluation_vs_sklearn.py MATRIX LABELS LABEL_COL GSEL_OUT [MARGINAL_OUT]

MATRIX is the gsel input: plain HDF5 with /X (samples x features), /sample_ids and
/feature_ids, an .h5ad (X, obs and var names), or a samples-as-rows TSV[.gz] with the sample
id in the first column. LABELS is
a TSV with sample_id and LABEL_COL. GSEL_OUT is the --out directory of a classification run
with evaluation on; its ranking.tsv gives the ranked features (method gsel-<method>) and
MARGINAL_OUT/ranking.tsv (a `--method marginal` run with the same seed) the marginal order.
The script rebuilds gsel's train/validation split (a port of StratifiedSplit and
SeededGenerator; the seed and validation fraction come from run.json), standardizes with the
training statistics in float32 as gsel does — a fit that stops at the iteration cap moves by
more than 1e-3 in accuracy when its input changes by float32 rounding — fits scikit-learn's
LogisticRegression(C=1) with its defaults on the first k' features of each ranking, and
prints both evaluations side by side with the fit times.
"""
import json
import math
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score

MASK = (1 << 64) - 1


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


class SeededGenerator:
    """xoshiro256** seeded through SplitMix64, as Sources/GSelCore/Support/SeededGenerator.swift."""

    def __init__(self, seed, stream=()):
        x = seed
        for sid in stream:
            x, z = splitmix(x)
            x = z ^ ((sid * 0x9E3779B97F4A7C15) & MASK)
        self.s = []
        for _ in range(4):
            x, z = splitmix(x)
            self.s.append(z)

    def next(self):
        s = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.next() % (i + 1)
            a[i], a[j] = a[j], a[i]


def stratified_split(codes, fraction, seed, stream=(0x5B17,)):
    """Sources/GSelCore/Evaluation/StratifiedSplit.swift for a classification target, with
    the stream SelectionPipeline uses."""
    n = len(codes)
    wanted = min(n - 1, max(1, math.floor(fraction * n + 0.5)))
    strata = [list(np.flatnonzero(codes == c)) for c in range(int(codes.max()) + 1)]
    sizes = [len(s) for s in strata]
    capacity = [max(0, s - 2) for s in sizes]
    quota = [min(c, int(fraction * s)) for s, c in zip(sizes, capacity)]
    remainders = [fraction * s - math.floor(fraction * s) for s in sizes]
    order = sorted(range(len(sizes)), key=lambda i: (-remainders[i], i))
    missing = wanted - sum(quota)
    while missing > 0:
        progressed = False
        for s in order:
            if missing > 0 and quota[s] < capacity[s]:
                quota[s] += 1; missing -= 1; progressed = True
        if not progressed:
            break
    generator = SeededGenerator(seed, stream)
    train, validation = [], []
    for group, q in zip(strata, quota):
        generator.shuffle(group)
        validation += group[:q]
        train += group[q:]
    return np.array(sorted(train)), np.array(sorted(validation))


def load_matrix(path):
    if path.endswith(".h5ad"):
        import anndata
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # old-layout .uns entries
            adata = anndata.read_h5ad(path)
        x = adata.X.toarray() if hasattr(adata.X, "toarray") else np.asarray(adata.X)
        return x.astype(np.float32), [str(s) for s in adata.obs_names], [str(v) for v in adata.var_names]
    if path.endswith((".h5", ".hdf5")):
        import h5py
        with h5py.File(path, "r") as f:
            x = f["X"][...].astype(np.float32)
            samples = [s.decode() for s in f["sample_ids"][...]]
            features = [s.decode() for s in f["feature_ids"][...]]
        return x, samples, features
    import pandas as pd
    frame = pd.read_csv(path, sep="\t", index_col=0)
    return frame.to_numpy(np.float32), [str(s) for s in frame.index], [str(c) for c in frame.columns]


def ranked_features(out_dir, features):
    index = {f: j for j, f in enumerate(features)}
    with open(os.path.join(out_dir, "ranking.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    col = rows[0].index("feature_id")
    return [index[r[col]] for r in rows[1:]]


def gsel_rows(out_dir):
    with open(os.path.join(out_dir, "evaluation.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    header = rows[0]
    return {(r[0], int(r[1])): {h: (None if v == "NA" else float(v)) for h, v in zip(header[2:], r[2:])} for r in rows[1:]}


def main(matrix, labels, label_col, gsel_out, marginal_out=None):
    import pandas as pd
    run = json.load(open(os.path.join(gsel_out, "run.json")))
    params = run["parameters"]
    seed, fraction = int(params["seed"]), float(params["validation-fraction"])
    x, samples, features = load_matrix(matrix)
    table = pd.read_csv(labels, sep="\t", dtype=str).set_index("sample_id")[label_col].dropna()
    labelled = [i for i, s in enumerate(samples) if s in table.index]
    values = [table[samples[i]] for i in labelled]
    names = sorted(set(values))
    codes = np.array([names.index(v) for v in values])
    x = x[labelled]
    train, validation = stratified_split(codes, fraction, seed)
    # gsel's StandardizedData: training mean and 1/sd in Double, stored and applied in float32.
    x64 = x[train].astype(np.float64)
    mean = x64.mean(axis=0)
    var = np.maximum(0, (x64 * x64).mean(axis=0) - mean * mean)
    inv = np.where(var > 1e-12 * np.maximum(1, mean * mean), 1 / np.sqrt(np.where(var > 0, var, 1)), 0)
    standardize = lambda rows: ((x[rows] - mean.astype(np.float32)) * inv.astype(np.float32)).astype(np.float64)
    xtr, xva = standardize(train), standardize(validation)
    ytr, yva = codes[train], codes[validation]

    ours = gsel_rows(gsel_out)
    orders = {f"gsel-{params['method']}": ranked_features(gsel_out, features)}
    if marginal_out:
        orders["marginal"] = ranked_features(marginal_out, features)
    print(f"split: {len(train)} training, {len(validation)} validation samples (seed {seed}, fraction {fraction}); "
          f"{len(names)} classes; scikit-learn {__import__('sklearn').__version__}")
    print(f"{'method':<12} {'k':>4} {'gsel_acc':>9} {'sk_acc':>9} {'diff':>8} {'gsel_bal':>9} {'sk_bal':>9} "
          f"{'gsel_auc':>9} {'sk_auc':>9} {'sk_iter':>7} {'sk_fit_s':>8}")
    total, worst, rows = 0.0, 0.0, 0
    for method, order in orders.items():
        for (m, k), row in sorted(ours.items(), key=lambda item: item[0][1]):
            if m != method:
                continue
            cols = order[:k]
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model = LogisticRegression(C=1.0).fit(xtr[:, cols], ytr)
            predicted = model.predict(xva[:, cols])
            auc = roc_auc_score(yva, model.predict_proba(xva[:, cols])[:, 1]) if len(names) == 2 else None
            seconds = time.perf_counter() - start
            total += seconds
            acc, bal = accuracy_score(yva, predicted), balanced_accuracy_score(yva, predicted)
            diffs = [abs(row["accuracy"] - acc), abs(row["balanced_accuracy"] - bal)]
            if auc is not None and row["auroc"] is not None:
                diffs.append(abs(row["auroc"] - auc))
            worst = max(worst, *diffs)
            rows += 1
            fmt = lambda v: "NA" if v is None else f"{v:.6f}"
            print(f"{method:<12} {k:>4} {row['accuracy']:>9.6f} {acc:>9.6f} {diffs[0]:>8.1e} {row['balanced_accuracy']:>9.6f} "
                  f"{bal:>9.6f} {fmt(row['auroc']):>9} {fmt(auc):>9} {int(model.n_iter_[0]):>7} {seconds:>8.2f}")
    print(f"largest |gsel - scikit-learn| over {rows} rows (accuracy, balanced accuracy, AUROC): {worst:.1e}")
    print(f"SKLEARN_SECONDS {total:.2f}")
    print(f"MAX_DIFF {worst:.2e}")


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    main(*sys.argv[1:])
