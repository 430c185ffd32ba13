"""Cost rules on planted data (issue 22, docs/costs-and-budget.md): which pick rule spends a
budget best.

Each design plants drivers with costs among Gaussian noise features (binary label from a
noisy linear score), writes the matrix, labels and a cost table, runs the gsel binary with
each --cost-rule (and without costs: its ranking walked down within the budget), and scores the ranking it returns on a
separate test set of 4,000 samples drawn from the same model (logistic regression, C = 1,
refit on the 600 training samples): balanced accuracy, what the ranking cost, the planted
features it holds.

  python Benchmarks/costs_rules.py [--seeds 1,2,3,4,5] [--repeats 0] [--method sa] [--rules none,near,...] [--designs copies,...]

Designs (costs 1 unless said; p = 200 features, n = 600):
  copies       drivers b = 1, .9, .8, .7, .6, .5; driver 0 costs 3 and has a near-copy
               (noise 0.1) costing 1; budget 6: the copy and all five others, not the
               original and three
  strong       one strong driver (b = 2) costing 6, four weak ones (b = 0.5); budget 6:
               the strong one alone beats the four weak plus two noise features
  together     one driver (b = 1) costing 6, six drivers (b = 0.8); budget 6: the six
  trap         one strong driver (b = 2) costing 10, four weak ones (b = 0.5); budget 10:
               gain per cost prefers the weak ones, which leave no room for the strong
  cheap-noise  drivers b = 1, .9, .8, .7 costing 2 each, noise features 0.2; budget 8: the
               four drivers, not forty noise features
"""
import argparse
import os
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from planted_io import write_planted  # noqa: E402

N, P, TEST = 600, 200, 4000


def design(name, rng):
    """(positions of the planted features, betas, costs, budget, near-copy (orig, copy) or None)."""
    pos = rng.permutation(P)
    costs = np.ones(P)
    if name == "copies":
        drivers, betas = pos[:6], [1, .9, .8, .7, .6, .5]
        costs[drivers[0]] = 3
        copy = (drivers[0], pos[6])
        return drivers, betas, costs, 6.0, copy
    if name == "strong":
        drivers, betas = pos[:5], [2, .5, .5, .5, .5]
        costs[drivers[0]] = 6
        return drivers, betas, costs, 6.0, None
    if name == "together":
        drivers, betas = pos[:7], [1] + [.8] * 6
        costs[drivers[0]] = 6
        return drivers, betas, costs, 6.0, None
    if name == "trap":
        drivers, betas = pos[:5], [2, .5, .5, .5, .5]
        costs[drivers[0]] = 10
        return drivers, betas, costs, 10.0, None
    if name == "cheap-noise":
        drivers, betas = pos[:4], [1, .9, .8, .7]
        costs[:] = 0.2
        costs[drivers] = 2
        return drivers, betas, costs, 8.0, None
    raise SystemExit(f"unknown design {name}")


def sample(n, drivers, betas, copy, rng):
    x = rng.standard_normal((n, P))
    if copy:
        x[:, copy[1]] = x[:, copy[0]] + 0.1 * rng.standard_normal(n)
    score = x[:, drivers] @ np.array(betas, dtype=float) + 0.5 * rng.standard_normal(n)
    return x, (score > 0).astype(int)


def ranking(out):
    with open(os.path.join(out, "ranking.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    return [int(r["feature_id"][1:]) for r in rows]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1,2,3,4,5")
    ap.add_argument("--repeats", default="0")
    ap.add_argument("--designs", default="copies,strong,together,trap,cheap-noise")
    ap.add_argument("--k", default="12")
    ap.add_argument("--method", default="sa")
    ap.add_argument("--rules", default="none,gain,ratio,safeguard,near")
    args = ap.parse_args()
    gsel = os.environ.get("GSEL_BIN", os.path.join(ROOT, ".build/release/gsel"))
    work = os.path.join(ROOT, "bench-data", "costs")
    os.makedirs(work, exist_ok=True)
    rules = args.rules.split(",")
    print("design\trule\tseed\tcost\tbudget\tplanted\tcopy_cheap\ttest_bal_acc")
    summary = {}
    for name in args.designs.split(","):
        for seed in [int(s) for s in args.seeds.split(",")]:
            rng = np.random.default_rng(1000 * seed + len(name))
            drivers, betas, costs, budget, copy = design(name, rng)
            x, y = sample(N, drivers, betas, copy, rng)
            xt, yt = sample(TEST, drivers, betas, copy, rng)
            prefix = os.path.join(work, f"{name}-{seed}")
            write_planted(prefix, x, y)
            with open(prefix + ".costs.tsv", "w") as f:
                f.write("feature_id\tcost\n" + "".join(f"f{j}\t{c:g}\n" for j, c in enumerate(costs)))
            for rule in rules:
                out = f"{prefix}-{args.method}-{rule}"
                cmd = [gsel, "--input", prefix + ".tsv", "--labels", prefix + ".labels.tsv", "--k", args.k, "--method", args.method,
                       "--repeats", args.repeats, "--seed", str(seed), "--out", out, "--quiet", "--threads", "2"]
                if rule != "none":
                    cmd += ["--costs", prefix + ".costs.tsv", "--budget", f"{budget:g}", "--cost-rule", rule]
                subprocess.run(cmd, check=True)
                picked = ranking(out)
                if rule == "none":  # the same budget, spent down the cost-blind ranking
                    kept, spent = [], 0.0
                    for j in picked:
                        if spent + costs[j] <= budget + 1e-9:
                            kept.append(j)
                            spent += costs[j]
                    picked = kept
                spent = float(costs[picked].sum())
                model = LogisticRegression(C=1.0, max_iter=1000).fit(x[:, picked], y)
                acc = balanced_accuracy_score(yt, model.predict(xt[:, picked]))
                planted = len(set(picked) & set(drivers) | (set(picked) & {copy[1]} if copy else set()))
                cheap = "" if not copy else ("yes" if copy[1] in picked and copy[0] not in picked else "no")
                print(f"{name}\t{rule}\t{seed}\t{spent:g}\t{budget:g}\t{planted}\t{cheap}\t{acc:.4f}", flush=True)
                summary.setdefault((name, rule), []).append(acc)
    print("\ndesign\trule\tmean_test_bal_acc\tmin")
    for (name, rule), accs in summary.items():
        print(f"{name}\t{rule}\t{np.mean(accs):.4f}\t{np.min(accs):.4f}")


if __name__ == "__main__":
    main()
