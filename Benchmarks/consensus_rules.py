"""Research prototype (issue 11): aggregation rules over the fits of gsel default runs.

Reads the fit files that Benchmarks/quality.py left in bench-data/quality (and planted runs
in bench-data/planted), re-aggregates them with each rule, and prints per dataset: held-out
quality of the rule's top k (same split and refit as quality.py), the number of stable
slots (frequency >= 0.6), the largest slot frequency, and near-duplicate pairs (|r| >= 0.9
on the training split) in the top k. No gsel rebuild is needed per rule.

  python Benchmarks/consensus_rules.py [--datasets golub,pbmc,...] [--seeds 1,2,3] [--planted 1,2,3]

Rules (a slot is a set of features; one fit counts at most once per slot):
  frequency        every feature its own slot (gsel 0.1.0)
  cluster:T        greedy correlation clusters: features in order of frequency join the
                   first slot whose representative has |r| >= T, else open a slot; a fit
                   counts once per slot, at its earliest member (gsel's rule with T = 0.75)
  nearest:T        as cluster:T, joining the slot whose representative is most correlated
  exclusive:T:E[:M[:S]] as cluster:T, and the pair must rarely be picked in one fit: co-picks
                   <= E x the co-picks expected if the two were picked independently, fewer
                   than M, or fewer than S x the picks of the less picked (gsel 0.3:
                   exclusive:0.75:0.5:5:0.5)
  match:T          per-fit matching: slots open in order of frequency among the picks not yet
                   assigned; each fit assigns to a slot its pick of the representative, else
                   its unassigned pick with the largest |r| >= T to the representative
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_sets  # noqa: E402
import quality  # noqa: E402


class Slot:
    def __init__(self, representative):
        self.representative = representative
        self.members = {}  # feature -> fits in which it stood for the slot
        self.orders = []   # 1-based pick position of the slot's pick in each fit that has one

    def add(self, feature, order):
        self.members[feature] = self.members.get(feature, 0) + 1
        self.orders.append(order)

    @property
    def count(self):
        return len(self.orders)

    @property
    def mean_order(self):
        return float(np.mean(self.orders))


class FitTable:
    """The stability fits (pair > 0) as feature indices, with pick counts, mean orders and
    the correlations of the picked features on the training split."""

    def __init__(self, fits, index, xtrain):
        self.fits = [[index[f] for f in fit.picks] for fit in fits if fit.pair > 0]
        self.n = len(self.fits)
        picked = sorted({j for fit in self.fits for j in fit})
        self.position = {j: i for i, j in enumerate(picked)}
        self.picked = picked
        self.count = np.zeros(len(picked))
        order = np.zeros(len(picked))
        incidence = np.zeros((self.n, len(picked)))
        for f, fit in enumerate(self.fits):
            for o, j in enumerate(fit):
                self.count[self.position[j]] += 1
                order[self.position[j]] += o + 1
                incidence[f, self.position[j]] = 1
        self.mean_order = order / self.count
        self.copicks = incidence.T @ incidence
        with np.errstate(invalid="ignore", divide="ignore"):
            r = np.corrcoef(xtrain[:, picked].T)
        self.r = np.nan_to_num(np.abs(r))

    def by_frequency(self):
        return sorted(self.picked, key=lambda j: (-self.count[self.position[j]], self.mean_order[self.position[j]], j))

    def corr(self, a, b):
        return self.r[self.position[a], self.position[b]]


def rank_slots(slots):
    return sorted(slots, key=lambda s: (-s.count, s.mean_order, s.representative))


def frequency_rule(table):
    slots = []
    for j in table.by_frequency():
        s = Slot(j)
        for fit in table.fits:
            if j in fit:
                s.add(j, fit.index(j) + 1)
        slots.append(s)
    return rank_slots(slots)


def cluster_rule(table, tau, exclusive=None, nearest=False, min_copicks=0, min_share=0.0):
    reps, member_of = [], {}
    for j in table.by_frequency():
        home, best = None, -1.0
        for rep in reps:
            if table.corr(rep, j) < tau:
                continue
            if exclusive is not None:
                a, b = table.position[rep], table.position[j]
                expected = table.count[a] * table.count[b] / table.n
                if (table.copicks[a, b] > exclusive * expected and table.copicks[a, b] >= min_copicks
                        and table.copicks[a, b] >= min_share * min(table.count[a], table.count[b])):
                    continue
            if not nearest:
                home = rep
                break
            if table.corr(rep, j) > best:
                home, best = rep, table.corr(rep, j)
        if home is None:
            reps.append(j)
            home = j
        member_of[j] = home
    slots = {rep: Slot(rep) for rep in reps}
    for fit in table.fits:
        seen = set()
        for o, j in enumerate(fit):
            rep = member_of[j]
            slots[rep].members[j] = slots[rep].members.get(j, 0) + 1  # fits that picked the member
            if rep not in seen:  # the fit counts once, at its earliest member
                seen.add(rep)
                slots[rep].orders.append(o + 1)
    return rank_slots(list(slots.values()))


def match_rule(table, tau):
    unassigned = [dict((j, o + 1) for o, j in enumerate(fit)) for fit in table.fits]
    slots = []
    while any(unassigned):
        counts = {}
        for left in unassigned:
            for j, o in left.items():
                c, s = counts.get(j, (0, 0))
                counts[j] = (c + 1, s + o)
        rep = min(counts, key=lambda j: (-counts[j][0], counts[j][1] / counts[j][0], j))
        slot = Slot(rep)
        for left in unassigned:
            if rep in left:
                slot.add(rep, left.pop(rep))
                continue
            best = max(left, key=lambda j: (table.corr(rep, j), -j), default=None)
            if best is not None and table.corr(rep, best) >= tau:
                slot.add(best, left.pop(best))
        slots.append(slot)
    return rank_slots(slots)


def parse_rule(text):
    parts = text.split(":")
    if parts[0] == "frequency":
        return frequency_rule
    if parts[0] == "cluster":
        return lambda t: cluster_rule(t, float(parts[1]))
    if parts[0] == "nearest":
        return lambda t: cluster_rule(t, float(parts[1]), nearest=True)
    if parts[0] == "exclusive":
        return lambda t: cluster_rule(t, float(parts[1]), float(parts[2]),
                                      min_copicks=int(parts[3]) if len(parts) > 3 else 0,
                                      min_share=float(parts[4]) if len(parts) > 4 else 0.0)
    if parts[0] == "match":
        return lambda t: match_rule(t, float(parts[1]))
    raise SystemExit(f"unknown rule {text}")


def near_duplicates(features, xtrain, limit=0.9):
    r = np.abs(np.corrcoef(xtrain[:, features].T))
    return int(((r >= limit).sum() - len(features)) // 2)


def describe(slots, k, n, names):
    return "; ".join(f"{names[s.representative]} {s.count / n:.2f}" + (
        " (" + ",".join(f"{names[m]}:{c / s.count:.2f}" for m, c in sorted(s.members.items(), key=lambda x: -x[1])[:4]) + ")"
        if len(s.members) > 1 else "") for s in slots[:k])


def real_data(ws, rules, names, seeds, verbose, run="repeats50"):
    for name in names:
        cohort = quality.Cohort(ws, quality.DATASETS[name])
        ds = cohort.ds
        rows = {r: [] for r in rules}
        for seed in seeds:
            out = ws.path(ds.name, f"split{seed}", run)
            if not os.path.exists(os.path.join(out, "ranking.tsv")):
                continue
            train, held = cohort.split(seed)
            xtr, xva = quality.standardize(cohort.x[train], cohort.x[held])
            table = FitTable(fit_sets.read_fits(out), cohort.index, xtr)
            for rule in rules:
                slots = parse_rule(rule)(table)
                top = [s.representative for s in slots[:ds.k]]
                score = quality.refit_score(ds, xtr, cohort.y[train], xva, cohort.y[held], top)
                stable = sum(s.count / table.n >= 0.6 for s in slots)
                rows[rule].append((score, stable, slots[0].count / table.n, near_duplicates(top, xtr)))
                if verbose:
                    print(f"  {name} {seed} {rule}: {score:.3f} | {describe(slots, 6, table.n, cohort.features)}")
        for rule, values in rows.items():
            if values:
                v = np.array(values)
                print(f"{name:<14} {rule:<18} {ds.metric[:8]} {v[:, 0].mean():.3f}  stable slots {v[:, 1].mean():5.1f}"
                      f"  top frequency {v[:, 2].mean():.2f}  near-duplicate pairs in top k {v[:, 3].mean():.1f}"
                      f"  ({len(values)} splits: " + " ".join(f"{s:.3f}" for s in v[:, 0]) + ")")


def planted(work, rules, seeds, k=8, prefix="w1p"):
    for rule in rules:
        found, redundant, stable = [], [], []
        for seed in seeds:
            base = os.path.join(work, f"{prefix}{seed}")
            out = f"{base}-out-r50"
            if not os.path.exists(os.path.join(out, "ranking.tsv")):
                continue
            groups = json.load(open(base + ".truth.json"))["groups"]
            import pandas as pd
            frame = pd.read_csv(base + ".tsv", sep="\t", index_col=0)
            features = list(frame.columns)
            index = {f: j for j, f in enumerate(features)}
            x = quality.standardize(frame.to_numpy(dtype=np.float64))
            table = FitTable(fit_sets.read_fits(out), index, x)
            slots = parse_rule(rule)(table)
            top = {features[s.representative] for s in slots[:k]}
            found.append(sum(any(f in top for f in g) for g in groups))
            redundant.append(sum(all(f in top for f in g) for g in groups if len(g) > 1))
            stable.append(sum(s.count / table.n >= 0.6 for s in slots))
        if found:
            print(f"planted        {rule:<18} groups in top {k}: {found}  redundant pairs: {redundant}  stable slots: {stable}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=os.path.join(quality.REPO, "bench-data/quality"))
    parser.add_argument("--planted-work", default=os.path.join(quality.REPO, "bench-data/planted"))
    parser.add_argument("--datasets", default=",".join(quality.DATASETS))
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--planted", default="1,2,3")
    parser.add_argument("--rules", default="frequency,cluster:0.9,cluster:0.6,exclusive:0.6:0.5,match:0.9,match:0.6")
    parser.add_argument("--run", default="repeats50", help="run folder of each split (e.g. repeats50-q40)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    ws = quality.Workspace(os.path.join(quality.REPO, ".build/release/gsel"), args.work, 2)
    rules = args.rules.split(",")
    if args.planted:
        planted(args.planted_work, rules, [int(s) for s in args.planted.split(",")])
    if args.datasets:
        real_data(ws, rules, args.datasets.split(","), [int(s) for s in args.seeds.split(",")], args.verbose, args.run)


if __name__ == "__main__":
    main()
