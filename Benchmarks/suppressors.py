"""Planted suppressor pairs (issue 19): who keeps features that matter only with a partner?

  python Benchmarks/suppressors.py [--gsel BIN] [--baseline BIN] [--seeds 1,2,3] [--samples 640]

For each data seed: `make_planted_suppressors.py` data (SAMPLES x 1,500 features, 4 drivers,
2 pairs (A, B) with corr 0.85 and the outcome on B - 0.85 A, 40 blocks of correlated noise),
k = 8. Every method selects on all SAMPLES samples (gsel with `--validation-fraction 0`):
gsel's default run and single fit (`--repeats 0`), optionally a baseline gsel binary's
default run (e.g. 0.2.0), the F-test (f_classif), the L1-logistic path (the smallest C on a
grid from l1_min_c with >= k nonzero coefficients, top k by |coef|) and random-forest
impurity importance (500 trees, sqrt(p) features per split). Prints, per method and seed,
the planted features in the top 8 and whether each A has a row of its own (not in its
partner's slot).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import warnings
warnings.simplefilter("ignore")

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_selection import f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.svm import l1_min_c

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_planted_suppressors  # noqa: E402
from planted_io import write_planted  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
K = 8


def gsel_rows(binary, prefix, seed, extra, out):
    args = [binary, "--input", prefix + ".tsv", "--labels", prefix + ".labels.tsv", "--label-col", "label",
            "--k", str(K), "--validation-fraction", "0", "--seed", str(seed), "--threads", "2", "--out", out,
            "--quiet", *extra]
    subprocess.run(args, check=True)
    rows = []
    with open(os.path.join(out, "ranking.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cells = dict(zip(header, line.rstrip("\n").split("\t")))
            members = {m.rsplit(":", 1)[0] for m in cells.get("proxies", "").split(",") if m}
            rows.append({cells["feature_id"]} | members)
    return [{int(m[1:]) for m in row} for row in rows]


def l1_path(x, y, k):
    warnings.simplefilter("ignore", ConvergenceWarning)
    for c in l1_min_c(x, y, loss="log") * np.logspace(0, 3, 60):
        model = LogisticRegression(penalty="l1", C=c, solver="liblinear", max_iter=2000).fit(x, y)
        coef = np.abs(model.coef_).max(axis=0)
        if (coef > 0).sum() >= k:
            return list(np.argsort(-coef)[:k])
    return list(np.argsort(-coef)[:k])


def score(rows, truth):
    planted = set(truth["planted"])
    found = sum(1 for r in rows if r & planted)
    own = [any(a in r and b not in r for r in rows) for a, b in truth["pairs"]]
    return found, own


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gsel", default=os.path.join(REPO, ".build/release/gsel"))
    parser.add_argument("--baseline")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--samples", type=int, default=640)
    args = parser.parse_args()
    results = {}
    work = tempfile.mkdtemp(prefix="gsel-suppressors-")
    for seed in [int(s) for s in args.seeds.split(",")]:
        x, y, truth = make_planted_suppressors.planted(args.samples, 1500, seed, pair_weight=2.5)
        prefix = os.path.join(work, f"d{seed}")
        write_planted(prefix, x, y, digits=5)
        z = (x - x.mean(0)) / x.std(0)
        methods = {
            "gsel default run": gsel_rows(args.gsel, prefix, seed, [], prefix + ".default"),
            "gsel single fit": gsel_rows(args.gsel, prefix, seed, ["--repeats", "0"], prefix + ".single"),
        }
        if args.baseline:
            methods["baseline gsel default run"] = gsel_rows(args.baseline, prefix, seed, [], prefix + ".baseline")
        f, _ = f_classif(z, y)
        methods["F-test"] = [{int(j)} for j in np.argsort(-f)[:K]]
        methods["L1-logistic path"] = [{int(j)} for j in l1_path(z, y, K)]
        forest = RandomForestClassifier(n_estimators=500, max_features="sqrt", random_state=seed, n_jobs=2).fit(z, y)
        methods["random forest"] = [{int(j)} for j in np.argsort(-forest.feature_importances_)[:K]]
        for name, rows in methods.items():
            found, own = score(rows, truth)
            results.setdefault(name, []).append((found, own))
            print(f"seed {seed} {name:26s} planted {found}/{K}, A rows of their own {own}", file=sys.stderr, flush=True)
    print(f"\n| method | planted features in the top {K} (data seeds {args.seeds}) | both A features as rows of their own |")
    print("|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {' / '.join(str(f) for f, _ in r)} | {' / '.join('yes' if all(o) else 'no' for _, o in r)} |")
    json.dump({k: [[f, o] for f, o in v] for k, v in results.items()}, open(os.path.join(work, "summary.json"), "w"))


if __name__ == "__main__":
    main()
