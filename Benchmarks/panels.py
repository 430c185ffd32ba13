"""Panel benchmark (issue 22 item 4): gsel's default run next to the panel selectors people use on
single-cell data, on the same splits, scored by the same logistic refit.

  python Benchmarks/panels.py run   [--work DIR] [--ks 16,32,64] [--splits 1,2,3] [--selectors a,b]
                                    [--costs] [--budget 60] [--overlap-seeds 1,2] [--dataset pbmc|tiled]
  python Benchmarks/panels.py pick  ...   (one selection in its own process; `run` calls it under GNU time)
  python Benchmarks/panels.py tile  --cells N --out FILE.h5ad   (the larger set: pbmc68k_reduced tiled with noise)

Data: TestData/pbmc68k/pbmc68k_reduced.h5ad (700 cells x 765 genes; `X` is scaled log expression,
`raw` the log-normalized expression of the same genes), label `bulk_labels` (10 types).

Splits: quality.py's stratified 70/30 split of the labelled cells (train_test_split with
random_state = split seed S). Every selector sees only the training 70 %:
  * gsel: the default run as typed, plus what gives it the split: `gsel --input H5AD --labels
    TRAIN_LABELS --label-col bulk_labels --k K --validation-fraction 0 --seed S --out DIR` (a label
    file with the training cells only; cells without a label are dropped; no inner hold-out, so
    it selects on exactly the training cells as the peers do);
  * scanpy rank_genes_groups (t-test, scanpy's default, and Wilcoxon) on the training cells'
    log-normalized expression (`raw`, which rank_genes_groups uses by default), top gene per type
    round robin (rank 1 of every type, then rank 2, ...; a gene already taken is skipped);
  * scanpy highly_variable_genes (flavor seurat, the default) on the same log expression: top k by
    normalized dispersion (unsupervised);
  * Spapros ProbesetSelector(n=k, all 765 genes as candidates, seed=S) on the same log expression;
  * LassoNet (LassoNetClassifier, defaults: one hidden layer of 100, M=10, path_multiplier 1.02,
    Debian's CPU torch) on the standardized training matrix: genes ranked by the penalty at which
    they leave the path (feature_importances_), top k;
  * quality.py's F-test and L1-logistic path (smallest C with >= k nonzero, top k by max |coef|).
Refit (the same for all): LogisticRegression(C=1, max_iter=10000) on the selected genes of the
gsel-decoded matrix (`gsel export`), standardized with training statistics; held-out accuracy
and macro-F1 (each class weighs the same; F1 of a class never predicted is 0).

Cost: every selection runs in its own process under GNU time (/usr/bin/time): wall, CPU
(user + sys) and peak RSS of that process, so python start-up and imports (scanpy ~2-4 s) count,
as they do for a user. Rankings that do not depend on k (scanpy, HVG, F-test, LassoNet) are
computed once per split at the largest k and their cost is that run's.

Top-k overlap between seeds: the selector run with seeds 1 and 2 on split 1's training cells,
|A ∩ B| (k = identical); deterministic selectors give k by construction ("det.").

With costs (--costs): made-up costs 1 + 4 x the percentile (0..1) of the gene's mean expression
(`var/means`; the rule of docs/costs-and-budget.md: dear highly expressed genes, up to 5, mean
3), budget B (default 60). gsel: the same default run plus `--costs FILE --budget B` (k 32, the
budget binds first). Peers at the same budget:
  * cost-weighted L1: standardized columns divided by their cost, then the L1-logistic path
    (a cost-scaled penalty: sum_j cost_j |b_j|): the smallest C on a 5 % grid whose nonzero genes
    cost at least B together, genes taken in order of max |coef| while they fit;
  * greedy gain per cost (forward logistic): from nothing, each step shortlists the 25 affordable
    genes with the largest gradient norm of the training log-loss per unit cost, refits
    LogisticRegression(C=1) with each, and adds the one with the largest log-loss decrease per
    unit cost; stops when nothing fits;
  * each cost-blind ranking above (at its largest k) walked down, taking what fits the budget.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import quality  # noqa: E402  (Dataset, Cohort, standardize, F-test and L1 peers)

H5AD = "TestData/pbmc68k/pbmc68k_reduced.h5ad"
LABELS = "TestData/pbmc68k/pbmc68k_reduced.labels.tsv"
COLUMN = "bulk_labels"

RANKING_SELECTORS = ["scanpy-ttest", "scanpy-wilcoxon", "hvg", "lassonet", "f-test"]  # one run gives every k
PER_K_SELECTORS = ["gsel", "spapros", "l1"]
STOCHASTIC = {"gsel", "spapros", "lassonet"}
ALL_SELECTORS = ["gsel", "scanpy-ttest", "scanpy-wilcoxon", "hvg", "spapros", "lassonet", "f-test", "l1"]
COST_SELECTORS = ["gsel-costs", "cost-l1", "greedy-gain-per-cost"]


def dataset(name):
    if name == "pbmc":
        return quality.Dataset("pbmc", ["--input", H5AD], LABELS, COLUMN, 32)
    path = os.path.join("bench-data", "panels", f"{name}.h5ad")
    return quality.Dataset(name, ["--input", path], path[:-5] + ".labels.tsv", COLUMN, 32)


class Data:
    """The cohort (gsel-decoded matrix, labels) and, for the scanpy-family peers, the log expression."""

    def __init__(self, ws, ds):
        self.ds = ds
        self.cohort = quality.Cohort(ws, ds)

    def log_adata(self, rows):
        """AnnData of the cells `rows` (cohort order) with the log-normalized expression as X."""
        import anndata as ad
        a = ad.read_h5ad(self.ds.input_args[1])
        log = a.raw.to_adata() if a.raw is not None else a
        log = log[self.cohort.samples][rows].copy()
        log = log[:, self.cohort.features].copy()
        log.obs[COLUMN] = pd.Categorical(self.cohort.y[rows])
        log.raw = None
        return log

    def means(self):
        import anndata as ad
        a = ad.read_h5ad(self.ds.input_args[1], backed="r")
        return a.var.loc[self.cohort.features, "means"].to_numpy(dtype=float)


def costs_of(data):
    """1 + 4 x percentile (0..1) of the gene's mean expression (docs/costs-and-budget.md)."""
    from scipy.stats import rankdata
    m = data.means()
    pct = (rankdata(m, method="average") - 1) / (len(m) - 1)
    return 1 + 4 * pct


# ---------------------------------------------------------------- peers (ranked feature positions)

def round_robin(names_by_group, index, k):
    picked, seen = [], set()
    depth = max(len(v) for v in names_by_group)
    for r in range(depth):
        for names in names_by_group:
            if r < len(names) and names[r] not in seen:
                seen.add(names[r])
                picked.append(index[names[r]])
                if len(picked) == k:
                    return picked
    return picked


def pick_scanpy(data, train, k, seed, method):
    import scanpy as sc
    a = data.log_adata(train)
    sc.tl.rank_genes_groups(a, COLUMN, method=method, n_genes=a.n_vars)
    names = a.uns["rank_genes_groups"]["names"]
    groups = list(names.dtype.names)
    return round_robin([list(names[g]) for g in groups], data.cohort.index, k)


def pick_hvg(data, train, k, seed):
    import scanpy as sc
    a = data.log_adata(train)
    sc.pp.highly_variable_genes(a, n_top_genes=k)  # flavor seurat
    score = a.var["dispersions_norm"].to_numpy(dtype=float)
    order = np.argsort(-np.nan_to_num(score, nan=-np.inf), kind="stable")
    return [data.cohort.index[a.var_names[j]] for j in order[:k]]


def pick_spapros(data, train, k, seed):
    from spapros import se
    a = data.log_adata(train)
    a.var["highly_variable"] = True  # every gene a candidate, as for the other selectors
    selector = se.ProbesetSelector(a, COLUMN, n=k, seed=seed, verbosity=0, save_dir=None, n_jobs=2)
    selector.select_probeset()
    ps = selector.probeset
    return [data.cohort.index[g] for g in ps.index[ps["selection"]]]


def pick_lassonet(data, train, k, seed):
    from lassonet import LassoNetClassifier
    x = quality.standardize(data.cohort.x[train])
    classes, y = np.unique(data.cohort.y[train], return_inverse=True)
    model = LassoNetClassifier(random_state=seed, torch_seed=seed, verbose=0)
    model.path(x.astype(np.float32), y, return_state_dicts=False)
    imp = model.feature_importances_.numpy()
    return [int(j) for j in np.argsort(-imp, kind="stable")[:k]]


def pick_sklearn(data, train, k, seed, which):
    x = quality.standardize(data.cohort.x[train])
    fn = quality.f_test if which == "f-test" else quality.l1
    return [int(j) for j in fn(x, data.cohort.y[train], k, False, seed)]


def pick_cost_l1(data, train, budget, costs):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import l1_min_c
    x = quality.standardize(data.cohort.x[train]) / costs
    y = data.cohort.y[train]

    def coefs(c):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            m = LogisticRegression(l1_ratio=1.0, solver="saga", C=c, max_iter=2000, tol=1e-4, random_state=0)
            return np.abs(m.fit(x, y).coef_).max(axis=0)

    c = l1_min_c(x, y, loss="log")
    while True:
        s = coefs(c)
        if costs[s > 0].sum() >= budget or (s > 0).all():
            break
        c *= 1.05
    return walk(list(np.argsort(-s, kind="stable")[: int((s > 0).sum())]), costs, budget)


def pick_greedy(data, train, budget, costs, shortlist=25):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    x = quality.standardize(data.cohort.x[train])
    classes, y = np.unique(data.cohort.y[train], return_inverse=True)
    onehot = np.eye(len(classes))[y]
    chosen, spent = [], 0.0
    prob = np.tile(onehot.mean(axis=0), (len(y), 1))
    loss = log_loss(y, prob, labels=range(len(classes)))
    while True:
        free = [j for j in range(x.shape[1]) if j not in chosen and spent + costs[j] <= budget + 1e-9]
        if not free:
            return chosen
        grad = np.linalg.norm(x[:, free].T @ (prob - onehot), axis=1) / len(y)
        cand = [free[i] for i in np.argsort(-grad / costs[free], kind="stable")[:shortlist]]
        best, best_ratio, best_prob, best_loss = None, -np.inf, None, None
        for j in cand:
            m = LogisticRegression(C=1.0, max_iter=10000).fit(x[:, chosen + [j]], y)
            p = m.predict_proba(x[:, chosen + [j]])
            new = log_loss(y, p, labels=range(len(classes)))
            if (loss - new) / costs[j] > best_ratio:
                best, best_ratio, best_prob, best_loss = j, (loss - new) / costs[j], p, new
        chosen.append(best)
        spent += costs[best]
        prob, loss = best_prob, best_loss


def walk(ranking, costs, budget):
    kept, spent = [], 0.0
    for j in ranking:
        if spent + costs[j] <= budget + 1e-9:
            kept.append(int(j))
            spent += costs[j]
    return kept


# ---------------------------------------------------------------- gsel

def gsel_args(ws, data, train, k, seed, out, extra=()):
    labels = out + ".labels.tsv"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if not os.path.exists(labels):
        data.cohort.write_labels(labels, train)
    return [ws.gsel, *data.ds.input_args, "--labels", labels, "--label-col", COLUMN, "--k", str(k),
            "--validation-fraction", "0", "--seed", str(seed), "--out", out, "--quiet", *extra]


def gsel_picks(data, out):
    return [data.cohort.index[f] for f in quality.ranked_ids(out)]


# ---------------------------------------------------------------- one selection, in its own process

def cmd_pick(args):
    ws = quality.Workspace(args.gsel, args.work, 2)
    data = Data(ws, dataset(args.dataset))
    train, _ = data.cohort.split(args.split)
    s, k = args.seed, args.k
    if args.selector in ("scanpy-ttest", "scanpy-wilcoxon"):
        picks = pick_scanpy(data, train, k, s, "t-test" if args.selector == "scanpy-ttest" else "wilcoxon")
    elif args.selector == "hvg":
        picks = pick_hvg(data, train, k, s)
    elif args.selector == "spapros":
        picks = pick_spapros(data, train, k, s)
    elif args.selector == "lassonet":
        picks = pick_lassonet(data, train, k, s)
    elif args.selector in ("f-test", "l1"):
        picks = pick_sklearn(data, train, k, s, args.selector)
    elif args.selector == "cost-l1":
        picks = pick_cost_l1(data, train, args.budget, costs_of(data))
    elif args.selector == "greedy-gain-per-cost":
        picks = pick_greedy(data, train, args.budget, costs_of(data))
    else:
        sys.exit(f"unknown selector {args.selector}")
    with open(args.picks + ".tmp", "w") as f:
        json.dump([int(j) for j in picks], f)
    os.replace(args.picks + ".tmp", args.picks)


# ---------------------------------------------------------------- the whole benchmark

def timed(cmd, tfile, log):
    with open(log, "w") as err:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "-o", tfile, *cmd], stdout=subprocess.DEVNULL,
                              stderr=err)
    if done.returncode != 0:
        return None
    wall, rss, user, system = open(tfile).read().split()[-4:]
    return {"wall": float(wall), "cpu": float(user) + float(system), "rss_mb": int(rss) / 1024}


class Runner:
    def __init__(self, args):
        self.args = args
        self.ws = quality.Workspace(args.gsel, args.work, 2)
        self.data = Data(self.ws, dataset(args.dataset))
        self.failures = {}

    def run(self, selector, k, split, seed, budget=None):
        """{'picks', 'wall', 'cpu', 'rss_mb'} of one selection (cached), or None when it failed."""
        tag = f"{selector}/k{k}_split{split}_seed{seed}" + (f"_budget{budget:g}" if budget else "")
        rec = self.ws.path("runs", tag + ".json")
        if os.path.exists(rec):
            return json.load(open(rec))
        if self.args.cached_only and not budget:  # the runs with costs still run
            return None
        log = self.ws.path("runs", tag + ".log")
        train, _ = self.data.cohort.split(split)
        if selector in ("gsel", "gsel-costs"):
            out = self.ws.path("runs", tag + ".out")
            extra = []
            if selector == "gsel-costs":
                extra = ["--costs", self.costs_file(), "--budget", f"{budget:g}"]
            cmd = gsel_args(self.ws, self.data, train, k, seed, out, extra)
        else:
            picks_file = self.ws.path("runs", tag + ".picks.json")
            cmd = [sys.executable, os.path.abspath(__file__), "pick", "--selector", selector, "--k", str(k),
                   "--split", str(split), "--seed", str(seed), "--work", self.ws.work, "--gsel", self.ws.gsel,
                   "--dataset", self.args.dataset, "--picks", picks_file]
            if budget:
                cmd += ["--budget", f"{budget:g}"]
        print(f"  {tag} ...", file=sys.stderr, flush=True)
        t = timed(cmd, self.ws.path("runs", tag + ".time"), log)
        if t is None:
            tail = open(log).read().strip().splitlines()[-3:]
            self.failures[selector] = " | ".join(tail)
            print(f"  {tag} FAILED: {self.failures[selector]}", file=sys.stderr, flush=True)
            return None
        t["picks"] = gsel_picks(self.data, out) if selector.startswith("gsel") else json.load(open(picks_file))
        json.dump(t, open(rec, "w"))
        return t

    def costs_file(self):
        path = self.ws.path("costs.tsv")
        if not os.path.exists(path):
            c = costs_of(self.data)
            with open(path, "w") as f:
                f.write("feature_id\tcost\n" + "".join(f"{g}\t{v:.6g}\n" for g, v in zip(self.data.cohort.features, c)))
        return path

    def costs(self):
        frame = pd.read_csv(self.costs_file(), sep="\t")
        return frame["cost"].to_numpy(dtype=float)

    def score(self, split, features):
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import accuracy_score, f1_score
        c = self.data.cohort
        train, held = c.split(split)
        xtr, xva = quality.standardize(c.x[train], c.x[held])
        model = LogisticRegression(C=1.0, max_iter=10000).fit(xtr[:, features], c.y[train])
        pred = model.predict(xva[:, features])
        labels = sorted(set(c.y))
        per_class = f1_score(c.y[held], pred, labels=labels, average=None, zero_division=0)
        return (accuracy_score(c.y[held], pred), f1_score(c.y[held], pred, labels=labels, average="macro", zero_division=0),
                dict(zip(labels, per_class)))


def fmt(values, digits=3):
    v = np.array(values, dtype=float)
    return f"{v.mean():.{digits}f} ± {v.std(ddof=1) if len(v) > 1 else 0:.{digits}f}"


def cmd_run(args):
    r = Runner(args)
    ks = [int(k) for k in args.ks.split(",")]
    splits = [int(s) for s in args.splits.split(",")]
    selectors = [s for s in args.selectors.split(",") if s]
    c = r.data.cohort
    print(f"{args.dataset}: {len(c.samples)} cells x {len(c.features)} genes, {len(set(c.y))} types; "
          f"splits {splits} (70/30 stratified), k {ks}", file=sys.stderr, flush=True)
    results = {}  # (selector, k) -> list of (acc, f1, per_class, time)
    overlaps = {}
    kmax = max(ks)
    for sel in selectors:
        for split in splits:
            if sel in RANKING_SELECTORS:
                t = r.run(sel, kmax, split, split)
                for k in ks:
                    if t:
                        acc, f1, pc = r.score(split, t["picks"][:k])
                        results.setdefault((sel, k), []).append((acc, f1, pc, t))
            else:
                for k in ks:
                    t = r.run(sel, k, split, split)
                    if t:
                        acc, f1, pc = r.score(split, t["picks"][:k])
                        results.setdefault((sel, k), []).append((acc, f1, pc, t))
        if sel in STOCHASTIC and args.overlap_seeds and splits:
            a, b = [int(s) for s in args.overlap_seeds.split(",")]
            for k in ks:
                kk = kmax if sel in RANKING_SELECTORS else k
                ta, tb = r.run(sel, kk, splits[0], a), r.run(sel, kk, splits[0], b)
                if ta and tb:
                    overlaps[(sel, k)] = len(set(ta["picks"][:k]) & set(tb["picks"][:k]))
        for k in ks:
            if (sel, k) in results:
                f1 = [f for _, f, _, _ in results[(sel, k)]]
                print(f"  {sel} k={k}: macro-F1 " + " ".join(f"{v:.3f}" for v in f1), file=sys.stderr, flush=True)
    print_table(args, results, overlaps, selectors, ks, r)
    summary = {f"{s}|{k}": [(a, f) for a, f, _, _ in v] for (s, k), v in results.items()}

    if args.costs:
        costs = r.costs()
        budget = args.budget
        cost_rows = {}
        for sel in COST_SELECTORS:
            for split in splits:
                t = r.run(sel, 32, split, split, budget=budget)
                if t:
                    acc, f1, pc = r.score(split, t["picks"])
                    cost_rows.setdefault(sel, []).append((acc, f1, len(t["picks"]), costs[t["picks"]].sum(), t))
        for sel in selectors:  # cost-blind rankings walked within the budget
            for split in splits:
                kk = kmax
                rec = r.run(sel, kk, split, split)
                if rec:
                    picks = walk(rec["picks"], costs, budget)
                    acc, f1, pc = r.score(split, picks)
                    cost_rows.setdefault(f"{sel} (k={kk} ranking, walked)", []).append(
                        (acc, f1, len(picks), costs[picks].sum(), rec))
        print(f"\nWith costs (1 + 4 x percentile of mean expression), budget {budget:g}: held-out accuracy and "
              f"macro-F1, mean ± sd over splits {splits}")
        print(f"| selector | genes bought | cost spent | accuracy | macro-F1 | wall s | CPU s | peak RSS MB |")
        print("|---|---|---|---|---|---|---|---|")
        for sel, rows in cost_rows.items():
            acc, f1, n, spent, ts = zip(*rows)
            print(f"| {sel} | {min(n)}-{max(n)} | {np.mean(spent):.1f} | {fmt(acc)} | {fmt(f1)} | "
                  f"{np.mean([t['wall'] for t in ts]):.1f} | {np.mean([t['cpu'] for t in ts]):.1f} | "
                  f"{np.mean([t['rss_mb'] for t in ts]):.0f} |")
            summary[f"costs|{sel}"] = [(a, f) for a, f in zip(acc, f1)]
    json.dump(summary, open(r.ws.path(f"summary-{args.dataset}.json"), "w"), indent=1)
    if r.failures:
        print("\nfailed:")
        for sel, msg in r.failures.items():
            print(f"  {sel}: {msg}")


def print_table(args, results, overlaps, selectors, ks, r):
    print(f"\n{args.dataset}: held-out accuracy and macro-F1 of LogisticRegression(C=1) refit on each selector's "
          f"top k, mean ± sd over splits; cost per selection (mean over splits)")
    print("| selector | k | accuracy | macro-F1 | wall s | CPU s | peak RSS MB | top-k overlap, seeds 1 vs 2 |")
    print("|---|---|---|---|---|---|---|---|")
    for k in ks:
        for sel in selectors:
            rows = results.get((sel, k))
            if not rows:
                continue
            acc, f1, _, ts = zip(*rows)
            ov = overlaps.get((sel, k))
            ov = f"{ov} of {k}" if ov is not None else ("det." if sel not in STOCHASTIC else "not run")
            note = " (one run, all k)" if sel in RANKING_SELECTORS else ""
            if len(rows) < len(args.splits.split(",")):
                note += f" ({len(rows)} of {len(args.splits.split(','))} splits)"
            print(f"| {sel} | {k} | {fmt(acc)} | {fmt(f1)} | {np.mean([t['wall'] for t in ts]):.1f}{note} | "
                  f"{np.mean([t['cpu'] for t in ts]):.1f} | {np.mean([t['rss_mb'] for t in ts]):.0f} | {ov} |")
    sys.stdout.flush()
    # the per-class F1 at k = 32 of gsel and the best peer (which types are confused)
    if 32 in ks and ("gsel", 32) in results:
        peers = [s for s in selectors if s != "gsel" and (s, 32) in results]
        if peers:
            best = max(peers, key=lambda s: np.mean([f for _, f, _, _ in results[(s, 32)]]))
            labels = sorted(results[("gsel", 32)][0][2])
            print(f"\nper-class F1 at k = 32, mean over splits: gsel vs the best peer by macro-F1 ({best})")
            print("| type | gsel | " + best + " |\n|---|---|---|")
            for lab in labels:
                g = np.mean([pc[lab] for _, _, pc, _ in results[("gsel", 32)]])
                b = np.mean([pc[lab] for _, _, pc, _ in results[(best, 32)]])
                print(f"| {lab} | {g:.3f} | {b:.3f} |")
            sys.stdout.flush()


# ---------------------------------------------------------------- the larger set

def cmd_tile(args):
    """pbmc68k_reduced's cells repeated to N cells with Gaussian noise (sd `noise` x the gene's sd) on
    the scaled `X` and on the log `raw` (clipped at 0), as a dense h5ad with the same obs labels."""
    import anndata as ad
    rng = np.random.default_rng(args.seed)
    a = ad.read_h5ad(H5AD)
    reps = int(np.ceil(args.cells / a.n_obs))
    idx = np.tile(np.arange(a.n_obs), reps)[: args.cells]
    x = np.asarray(a.X)[idx].astype(np.float32)
    x += args.noise * x.std(axis=0) * rng.standard_normal(x.shape).astype(np.float32)
    raw = np.asarray(a.raw.X.todense() if hasattr(a.raw.X, "todense") else a.raw.X)[idx].astype(np.float32)
    raw = np.clip(raw + args.noise * raw.std(axis=0) * rng.standard_normal(raw.shape).astype(np.float32), 0, None)
    names = [f"{a.obs_names[i]}-t{r}" for r, i in zip(np.repeat(np.arange(reps), a.n_obs)[: args.cells], idx)]
    obs = pd.DataFrame({COLUMN: a.obs[COLUMN].to_numpy()[idx]}, index=names)
    var = pd.DataFrame({"means": raw.mean(axis=0)}, index=a.var_names)
    out = ad.AnnData(X=x, obs=obs, var=var)
    out.raw = ad.AnnData(X=raw, obs=obs, var=var)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    out.write_h5ad(args.out)
    obs.rename_axis("sample_id").to_csv(args.out[:-5] + ".labels.tsv", sep="\t")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("run", "pick"):
        p = sub.add_parser(name)
        p.add_argument("--gsel", default=os.environ.get("GSEL_BIN", os.path.join(REPO, ".build/release/gsel")))
        p.add_argument("--work", default=os.path.join(REPO, "bench-data/panels"))
        p.add_argument("--dataset", default="pbmc")
        p.add_argument("--budget", type=float, default=60)
    run = sub.choices["run"]
    run.add_argument("--ks", default="16,32,64")
    run.add_argument("--splits", default="1,2,3")
    run.add_argument("--selectors", default=",".join(ALL_SELECTORS))
    run.add_argument("--overlap-seeds", default="1,2")
    run.add_argument("--costs", action="store_true")
    run.add_argument("--cached-only", action="store_true",
                     help="print what earlier runs left in --work (the section with costs still runs)")
    pick = sub.choices["pick"]
    pick.add_argument("--selector", required=True)
    pick.add_argument("--k", type=int, required=True)
    pick.add_argument("--split", type=int, required=True)
    pick.add_argument("--seed", type=int, required=True)
    pick.add_argument("--picks", required=True)
    tile = sub.add_parser("tile")
    tile.add_argument("--cells", type=int, default=20000)
    tile.add_argument("--noise", type=float, default=0.5)
    tile.add_argument("--seed", type=int, default=1)
    tile.add_argument("--out", required=True)
    args = ap.parse_args()
    {"run": cmd_run, "pick": cmd_pick, "tile": cmd_tile}[args.cmd](args)


if __name__ == "__main__":
    main()
