"""Selection quality of gsel against peer selectors on the real datasets in TestData/.

  python Benchmarks/quality.py [--gsel BIN] [--work DIR] [--threads T] [--datasets a,b]
                               [--seeds 1,2,3] [--stability-seeds N] [--half-seeds N]

Same splits, same refit for every method. For each dataset and split seed S this script
makes its own 70/30 split of the labelled samples (stratified by class for classification,
scikit-learn's train_test_split with random_state=S) and writes the training samples'
labels to a file. gsel reads the original input with that label file (samples without a
label are dropped) and `--validation-fraction 0`, so it selects on exactly the training
part; the peers select on the same training rows of the matrix as gsel decodes it
(`gsel export`). Every method's top k is then refit here with the same model:
LogisticRegression(C=1) or Ridge(alpha=1) on features standardized with training
statistics (missing values -> the training mean), scored on the held-out 30 %
(balanced accuracy; R² for a continuous phenotype).

Peers: F-test top k (f_classif / f_regression), L1 (logistic: the smallest C on a grid
from sklearn's l1_min_c, up to a factor of 1.05, with at least k nonzero features, top k by max
|coef| over classes; regression: the first point of the Lasso path (LARS) with at least
k nonzero, top k by |coef|), random-forest impurity importance top k (500 trees, sqrt(p) features per split).
gsel: the default run (`--repeats auto`) and a single fit (`--repeats 0`).

Stability (Nogueira, Sechidis & Brown 2018, JMLR 18(174)): the index of the top-k
feature sets (1 = identical sets, 0 = what random sets of size k give)
  * seeds: gsel on all labelled samples with seeds 1..N (deterministic peers give 1 by
    construction; the forest's seed varies with the run);
  * halves: the labelled samples split into two disjoint stratified halves (seed H),
    each method selects on each half, index of the two sets, mean over H = 1..N.

gsel runs are cached in --work (default bench-data/quality) and rerun with --resume:
a run whose fits exist is only re-aggregated, so a new aggregation rule costs seconds.
"""
import argparse
import json
import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_selection import f_classif, f_regression
from sklearn.linear_model import LogisticRegression, Ridge, lars_path
from sklearn.metrics import balanced_accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from sklearn.svm import l1_min_c

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Dataset:
    """A TestData input, its label file and column, k, and the task."""

    def __init__(self, name, input_args, labels, column, k, regression=False):
        self.name, self.input_args, self.labels, self.column = name, input_args, labels, column
        self.k, self.regression = k, regression

    @property
    def metric(self):
        return "R2" if self.regression else "balanced accuracy"


DATASETS = {
    d.name: d for d in [
        Dataset("golub", ["--input", "TestData/golub/golub.expr.tsv.gz"], "TestData/golub/golub.labels.tsv", "label", 20),
        Dataset("pbmc", ["--input", "TestData/pbmc68k/pbmc68k_reduced.h5ad"],
                "TestData/pbmc68k/pbmc68k_reduced.labels.tsv", "bulk_labels", 20),
        Dataset("hs1940-pheno1", ["--input", "TestData/hs1940/hs1940_mouse.vcf.gz"],
                "TestData/hs1940/hs1940_mouse.pheno.tsv", "pheno1", 20, regression=True),
        Dataset("hs1940-pheno4", ["--input", "TestData/hs1940/hs1940_mouse.vcf.gz"],
                "TestData/hs1940/hs1940_mouse.pheno.tsv", "pheno4", 20),
    ]
}


class Workspace:
    """Where runs are cached, the gsel binary, threads."""

    def __init__(self, gsel, work, threads):
        self.gsel, self.work, self.threads = os.path.abspath(gsel), os.path.abspath(work), threads
        os.chdir(REPO)  # dataset paths are relative to the repository, as in the shell scripts

    def path(self, *parts):
        p = os.path.join(self.work, *parts)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p


# ---------------------------------------------------------------- data

def load_matrix(ws, ds):
    """(sample ids, feature ids, float32 samples x features with NaN) as gsel decodes the input."""
    cache = ws.path(ds.input_args[1].replace("/", "_") + ".npz")
    if not os.path.exists(cache):
        tsv = cache[:-4] + ".tsv"
        subprocess.run([ws.gsel, "export", *ds.input_args, "--out", tsv, "--quiet"], check=True)
        frame = pd.read_csv(tsv, sep="\t", index_col=0, dtype={"sample_id": str}, na_values=["NA"])
        np.savez(cache, samples=frame.index.astype(str).to_numpy(), features=frame.columns.astype(str).to_numpy(),
                 x=frame.to_numpy(dtype=np.float32))
        os.remove(tsv)
    d = np.load(cache, allow_pickle=True)
    return list(d["samples"]), list(d["features"]), d["x"]


def load_labels(ds, samples):
    """(sample ids, labels) of the labelled samples that are in the matrix, in matrix order."""
    frame = pd.read_csv(os.path.join(REPO, ds.labels), sep="\t", dtype=str, keep_default_na=False)
    raw = dict(zip(frame.iloc[:, 0], frame[ds.column]))
    keep = [s for s in samples if raw.get(s, "NA") not in ("NA", "", "-9")]
    y = np.array([float(raw[s]) for s in keep]) if ds.regression else np.array([raw[s] for s in keep])
    return keep, y


class Cohort:
    """The matrix rows and labels of one dataset's labelled samples."""

    def __init__(self, ws, ds):
        samples, self.features, x = load_matrix(ws, ds)
        self.samples, self.y = load_labels(ds, samples)
        row = {s: i for i, s in enumerate(samples)}
        self.x = x[[row[s] for s in self.samples]]
        self.ds = ds
        self.index = {f: j for j, f in enumerate(self.features)}

    def split(self, seed, fraction=0.3):
        """Positions (train, held out): stratified for classes, random for regression."""
        positions = np.arange(len(self.samples))
        strat = None if self.ds.regression else self.y
        a, b = train_test_split(positions, test_size=fraction, random_state=seed, stratify=strat)
        return np.sort(a), np.sort(b)

    def write_labels(self, path, rows):
        with open(path + ".tmp", "w") as f:
            f.write(f"sample_id\t{self.ds.column}\n")
            for i in rows:
                value = self.y[i]
                f.write(f"{self.samples[i]}\t{repr(float(value)) if self.ds.regression else value}\n")
        os.replace(path + ".tmp", path)


def standardize(train, *others):
    """Features scaled with the training mean and sd (population); NaN -> 0 (the mean)."""
    mean = np.nanmean(train, axis=0)
    sd = np.nanstd(train, axis=0)
    sd[~(sd > 0)] = 1
    out = [np.nan_to_num((m - mean) / sd, nan=0.0) for m in (train,) + others]
    return out if others else out[0]


# ---------------------------------------------------------------- selectors

def top_k(score, k):
    return list(np.argsort(-np.nan_to_num(score, nan=-np.inf), kind="stable")[:k])


def f_test(x, y, k, regression, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constant features give 0/0
        score = (f_regression if regression else f_classif)(x, y)[0]
    return top_k(score, k)


def l1(x, y, k, regression, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if regression:
            # LARS adds one feature per step: the first point of the Lasso path with k nonzero.
            _, _, coefs = lars_path(x, y - y.mean(), method="lasso", max_iter=4 * k)
            for a in range(coefs.shape[1]):
                if (coefs[:, a] != 0).sum() >= k:
                    return top_k(np.abs(coefs[:, a]), k)
            return top_k(np.abs(coefs[:, -1]), k)
        binary = len(set(y)) == 2

        def score(c):
            if binary:
                model = LogisticRegression(l1_ratio=1.0, solver="liblinear", C=c, max_iter=1000, tol=1e-6)
            else:
                model = LogisticRegression(l1_ratio=1.0, solver="saga", C=c, max_iter=2000, tol=1e-4, random_state=0)
            return np.abs(model.fit(x, y).coef_).max(axis=0)

        # Double C from l1_min_c until k features are nonzero, then bisect (in log C) down to
        # a factor of 1.05: the smallest such C up to that factor.
        low = l1_min_c(x, y, loss="log")
        high, best = low * 2, None
        while (s := score(high)) is not None and (s > 0).sum() < k:
            low, high = high, high * 2
        best = s
        while high / low > 1.05:
            mid = (low * high) ** 0.5
            s = score(mid)
            if (s > 0).sum() >= k:
                high, best = mid, s
            else:
                low = mid
        return top_k(best, k)


def random_forest(x, y, k, regression, seed):
    cls = RandomForestRegressor if regression else RandomForestClassifier
    # max_features="sqrt" for both tasks: the classifier's default; the regressor's default
    # (all features at every split) takes tens of minutes per forest on hs1940's 9,286 variants.
    model = cls(n_estimators=500, max_features="sqrt", random_state=seed, n_jobs=2).fit(x, y)
    return top_k(model.feature_importances_, k)


PEERS = {"F-test": f_test, "L1": l1, "random forest": random_forest}


def peer_picks(cache, x, y, ds, seed):
    """{peer: top k feature positions}, cached in `cache` (peers are deterministic given the seed)."""
    if os.path.exists(cache):
        with open(cache) as f:
            return json.load(f)
    picks = {name: [int(j) for j in select(x, y, ds.k, ds.regression, seed)] for name, select in PEERS.items()}
    with open(cache + ".tmp", "w") as f:
        json.dump(picks, f)
    os.replace(cache + ".tmp", cache)
    return picks


def refit_score(ds, xtr, ytr, xva, yva, features):
    """The one refit model for every method on standardized features."""
    a, b = xtr[:, features], xva[:, features]
    if ds.regression:
        return r2_score(yva, Ridge(alpha=1.0).fit(a, ytr).predict(b))
    model = LogisticRegression(C=1.0, max_iter=10000).fit(a, ytr)
    return balanced_accuracy_score(yva, model.predict(b))


# ---------------------------------------------------------------- gsel

# What "gsel default" runs, in the quality splits and the seed and half-split stability runs:
# --repeats auto, the adaptive default (issue 21; 50 pairs before, whose fits are cached in
# bench-data/quality: pass --work elsewhere, e.g. bench-data/quality-auto).
DEFAULT_REPEATS = "auto"


def run_gsel(ws, cohort, rows, out, seed, repeats=50, extra=()):
    """gsel on the samples `rows` (through a label file); returns the out directory."""
    labels = out + ".labels.tsv"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if not os.path.exists(labels):
        cohort.write_labels(labels, rows)
    args = [ws.gsel, *cohort.ds.input_args, "--labels", labels, "--label-col", cohort.ds.column,
            "--k", str(cohort.ds.k), "--repeats", str(repeats), "--validation-fraction", "0", "--seed", str(seed),
            "--threads", str(ws.threads), "--out", out, "--resume", "--quiet", *extra]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"gsel failed: {' '.join(args)}\n{done.stderr}")
    return out


def ranked_ids(out):
    frame = pd.read_csv(os.path.join(out, "ranking.tsv"), sep="\t", dtype=str)
    return list(frame["feature_id"])


def ranked_slots(out):
    """Each ranked row as the set of its slot's members (the row's feature when it has no proxies)."""
    frame = pd.read_csv(os.path.join(out, "ranking.tsv"), sep="\t", dtype=str, keep_default_na=False)
    cells = frame["proxies"] if "proxies" in frame else [""] * len(frame)
    return [{m.rsplit(":", 1)[0] for m in cell.split(",") if m} | {f} for f, cell in zip(frame["feature_id"], cells)]


def slot_overlap(a, b):
    """Rows of two ranked lists (sets of slot members) that the other list also holds, counting a
    slot's members as the slot: the mean of the two directions (k for identical lists)."""
    fa, fb = set().union(*a), set().union(*b)
    return (sum(1 for s in a if s & fb) + sum(1 for s in b if s & fa)) / 2


def mean_overlap(lists):
    """Mean top-k overlap over all pairs of lists (each list a list of slot-member sets)."""
    pairs = [(i, j) for i in range(len(lists)) for j in range(i + 1, len(lists))]
    return float(np.mean([slot_overlap(lists[i], lists[j]) for i, j in pairs]))


def nogueira(sets, p):
    """Nogueira, Sechidis & Brown (2018) stability of M feature sets of equal size over p features."""
    m = len(sets)
    z = np.zeros((m, p))
    for i, s in enumerate(sets):
        z[i, list(s)] = 1
    k_bar = z.sum(axis=1).mean()
    freq = z.mean(axis=0)
    variance = m / (m - 1) * freq * (1 - freq)
    return 1 - variance.mean() / ((k_bar / p) * (1 - k_bar / p))


# ---------------------------------------------------------------- experiments

def quality(ws, cohort, seeds, log=print):
    """Per seed: held-out metric of each method's top k. Returns {method: [score per seed]}."""
    ds = cohort.ds
    scores = {}
    for seed in seeds:
        train, held = cohort.split(seed)
        xtr, xva = standardize(cohort.x[train], cohort.x[held])
        ytr, yva = cohort.y[train], cohort.y[held]
        picks = {}
        for name, repeats in (("gsel default", DEFAULT_REPEATS), ("gsel single fit", 0)):
            out = run_gsel(ws, cohort, train, ws.path(ds.name, f"split{seed}", f"repeats{repeats}"), seed, repeats)
            picks[name] = [cohort.index[f] for f in ranked_ids(out)]
        picks.update(peer_picks(ws.path(ds.name, f"split{seed}", "peers.json"), xtr, ytr, ds, seed))
        for name, features in picks.items():
            scores.setdefault(name, []).append(refit_score(ds, xtr, ytr, xva, yva, features))
        log(f"  {ds.name} split {seed}: " + ", ".join(f"{n} {s[-1]:.3f}" for n, s in scores.items()))
    return scores


def stability(ws, cohort, seed_count, half_count, log=print):
    """{method: (index over seeds, mean index over disjoint halves, mean top-k overlap over seeds,
    mean top-k overlap between halves)}; gsel's overlaps count a slot's members as the slot."""
    ds, p = cohort.ds, len(cohort.features)
    everyone = np.arange(len(cohort.samples))
    result = {}
    gsel_sets, gsel_slots = [], []
    for seed in range(1, seed_count + 1):
        out = run_gsel(ws, cohort, everyone, ws.path(ds.name, "all", f"seed{seed}"), seed, DEFAULT_REPEATS)
        gsel_sets.append({cohort.index[f] for f in ranked_ids(out)})
        gsel_slots.append(ranked_slots(out))
    x = standardize(cohort.x)
    seeds = {"gsel default": nogueira(gsel_sets, p), "F-test": 1.0, "L1": 1.0}
    forests = [set(random_forest(x, cohort.y, ds.k, ds.regression, s)) for s in range(1, seed_count + 1)]
    seeds["random forest"] = nogueira(forests, p)
    overlaps = {"gsel default": mean_overlap(gsel_slots), "F-test": float(ds.k), "L1": float(ds.k),
                "random forest": mean_overlap([[{j} for j in f] for f in forests])}
    log(f"  {ds.name} seeds: top-{ds.k} overlap " + ", ".join(f"{n} {v:.1f}" for n, v in overlaps.items()))
    halves = {name: [] for name in seeds}
    half_overlaps = {name: [] for name in seeds}
    for h in range(1, half_count + 1):
        a, b = cohort.split(h, fraction=0.5)
        pair = {name: [] for name in seeds}
        slots = {name: [] for name in seeds}
        for tag, rows in (("a", a), ("b", b)):
            out = run_gsel(ws, cohort, rows, ws.path(ds.name, f"halves{h}", tag), h, DEFAULT_REPEATS)
            pair["gsel default"].append({cohort.index[f] for f in ranked_ids(out)})
            slots["gsel default"].append(ranked_slots(out))
            xh = standardize(cohort.x[rows])
            peers = peer_picks(ws.path(ds.name, f"halves{h}", f"{tag}.peers.json"), xh, cohort.y[rows], ds, h)
            for name, features in peers.items():
                pair[name].append(set(features))
                slots[name].append([{j} for j in features])
        for name in seeds:
            halves[name].append(nogueira(pair[name], p))
            half_overlaps[name].append(mean_overlap(slots[name]))
        log(f"  {ds.name} halves {h}: " + ", ".join(f"{n} {v[-1]:.3f}" for n, v in halves.items()))
    for name in seeds:
        result[name] = (seeds[name], float(np.mean(halves[name])), overlaps[name], float(np.mean(half_overlaps[name])))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gsel", default=os.path.join(REPO, ".build/release/gsel"))
    parser.add_argument("--work", default=os.path.join(REPO, "bench-data/quality"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--stability-seeds", type=int, default=10)
    parser.add_argument("--half-seeds", type=int, default=5)
    args = parser.parse_args()
    ws = Workspace(args.gsel, args.work, args.threads)
    seeds = [int(s) for s in args.seeds.split(",")]
    methods = ["gsel default", "gsel single fit", "F-test", "L1", "random forest"]
    summary = {}
    for name in args.datasets.split(","):
        ds = DATASETS[name]
        cohort = Cohort(ws, ds)
        print(f"{name}: {len(cohort.samples)} labelled samples x {len(cohort.features)} features, k = {ds.k}, "
              f"{ds.metric}", file=sys.stderr, flush=True)
        log = lambda line: print(line, file=sys.stderr, flush=True)
        q = quality(ws, cohort, seeds, log)
        s = stability(ws, cohort, args.stability_seeds, args.half_seeds, log) if args.stability_seeds > 1 else {}
        summary[name] = {"quality": q, "stability": s}
    with open(ws.path("summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(f"held-out quality, mean over split seeds {args.seeds} (refit: logistic C=1 / ridge alpha=1 on the top k)")
    print(f"{'dataset':<15} {'metric':<9} " + " ".join(f"{m:>15}" for m in methods) + f" {'best peer':>10} {'gsel-best':>10}")
    for name, r in summary.items():
        means = {m: float(np.mean(r["quality"][m])) for m in methods}
        best = max(means[m] for m in PEERS)
        verdict = "ok" if means["gsel default"] >= best - 0.01 else "MISSED"
        print(f"{name:<15} {DATASETS[name].metric[:9]:<9} " + " ".join(f"{means[m]:>15.3f}" for m in methods)
              + f" {best:>10.3f} {means['gsel default'] - best:>+10.3f} {verdict}")
    if any(r["stability"] for r in summary.values()):
        print(f"\nNogueira stability index of the top k: over {args.stability_seeds} seeds on all samples / "
              f"two disjoint halves (mean of {args.half_seeds} half splits)")
        peers = ["gsel default", "F-test", "L1", "random forest"]
        print(f"{'dataset':<15} " + " ".join(f"{m:>20}" for m in peers))
        for name, r in summary.items():
            print(f"{name:<15} " + " ".join(f"{r['stability'][m][0]:>9.3f} / {r['stability'][m][1]:<8.3f}" for m in peers))
        print(f"\nTop-k overlap (of k; gsel counts a slot's members as the slot): mean over pairs of "
              f"{args.stability_seeds} seeds / between two disjoint halves")
        print(f"{'dataset':<15} " + " ".join(f"{m:>20}" for m in peers))
        for name, r in summary.items():
            print(f"{name:<15} " + " ".join(f"{r['stability'][m][2]:>9.1f} / {r['stability'][m][3]:<8.1f}" for m in peers))


if __name__ == "__main__":
    main()
