"""Research replay of adaptive repeats (issue 21) on the fits Benchmarks/quality.py cached in
bench-data/quality/<dataset>/all/seed1..5 (50 pairs each, all samples, --validation-fraction 0),
without rerunning gsel. Pairs of different seeds are independent draws of the same problem, so
a run of up to 100 pairs is seed s's full-split fits and pairs followed by seed s+1's pairs.

For each stopping rule (z, tolerance) it prints where the rule stops on each pseudo-run, the
top-k overlap (slots' members count as the slot) between independent runs at their stopping
points, and the overlap of a stopped list with the fixed 50-pair list of the same seed.

  python Benchmarks/adaptive_replay.py DATASET [z:tol ...]
"""
import itertools
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import consensus_reaggregate as ra  # noqa: E402
import fit_sets  # noqa: E402
import quality  # noqa: E402

ROUND, FLOOR, CAP = 10, 10, 100


def uncertain(slots, pairs, k, threshold, z, F, wfull=3, delta=0.0):
    """(top-k slots whose support interval holds the k-th boundary, such slots outside the top k,
    slots whose frequency interval holds the threshold)."""
    b = len(pairs)
    H = 2 * b
    sup = [s[4] for s in slots]
    boundary = (sup[k - 1] + (sup[k] if len(sup) > k else 0.0)) / 2 if len(sup) >= k else -1
    inside = outside = stable = 0
    for rank, (members, sh, sf, comp, support) in enumerate(slots):
        counts = np.array([(1 if members & set(a) else 0) + (1 if members & set(bb) else 0) for a, bb in pairs], float)
        counts = np.append(counts, 1.0)  # one pseudo pair at frequency 1/2: no zero variance from few pairs
        var = counts.var(ddof=1)
        se_f = math.sqrt(var / b) / 2
        se_sup = se_f * H / (H + wfull * F) if comp else se_f
        if z * se_sup <= delta:
            continue  # known to within the indifference zone: a tie, not a swap more pairs would fix
        if boundary >= 0 and abs(support - boundary) < z * se_sup:
            if rank < k:
                inside += 1
            else:
                outside += 1
        if abs(sh / H - threshold) < z * se_f:
            stable += 1
    return inside, outside, stable


def main():
    name = sys.argv[1]
    rules = [(float(a), int(b), float(c)) for a, b, c in (r.split(":") for r in (sys.argv[2:] or ["2:1:0", "2:1:0.05", "2:1:0.08"]))]
    ds = quality.DATASETS[name]
    ws = quality.Workspace(".build/release/gsel", "bench-data/quality", 2)
    cohort = quality.Cohort(ws, ds)
    ra.INDEX = cohort.index
    ra.COMPONLY, ra.MINCO, ra.COND, ra.REPS = True, 5, 0.5, False
    xs = cohort.x
    mu = np.nanmean(xs, 0)
    sd = np.nanstd(xs, 0)
    sd[sd == 0] = 1
    Z = np.nan_to_num((xs - mu) / sd)
    cache = {}

    def corr(a, b):
        key = (a, b) if a < b else (b, a)
        if key not in cache:
            cache[key] = float(np.mean(Z[:, cohort.index[a]] * Z[:, cohort.index[b]]))
        return cache[key]

    seeds = {}
    for s in range(1, 6):
        fits = fit_sets.read_fits(ws.path(ds.name, "all", f"seed{s}"))
        full = [f.picks for f in fits if f.pair == 0]
        by = {}
        for f in fits:
            if f.pair > 0:
                by.setdefault(f.pair, {})[f.half] = f.picks
        seeds[s] = (full, [(by[p]["a"], by[p]["b"]) for p in sorted(by)])

    def ranking(full, pairs):
        half = [x for pr in pairs for x in pr]
        top = ra.slots_rank(half, full, corr, ds.k, 3, excl=0.5)
        return top, ra.STATS["slots"]

    runs = [(seeds[s][0], seeds[s][1] + seeds[s % 5 + 1][1]) for s in (1, 3)]
    fixed50 = {s: ranking(seeds[s][0], seeds[s][1])[0] for s in range(1, 6)}
    f50 = [ra.overlap(fixed50[a], fixed50[b]) for a, b in itertools.combinations(range(1, 6), 2)]
    f100 = ra.overlap(ranking(*runs[0])[0], ranking(*runs[1])[0])
    print(f"{name}: fixed 50 pairs, seed overlap mean {np.mean(f50):.1f} (min {min(f50)}); fixed 100: {f100}")
    trace = {}
    for r, (full, pairs) in enumerate(runs):
        for b in range(FLOOR, CAP + 1, ROUND):
            top, slots = ranking(full, pairs[:b])
            trace[(r, b)] = (top, slots)
    for z, tol, delta in rules:
        stops, lists = [], []
        for r, (full, pairs) in enumerate(runs):
            stop = CAP
            for b in range(FLOOR, CAP + 1, ROUND):
                i, o, st = uncertain(trace[(r, b)][1], pairs[:b], ds.k, 0.6, z, len(full), delta=delta)
                if min(i, o) <= tol and st <= max(1, tol):
                    stop = b
                    break
            stops.append(stop)
            lists.append(trace[(r, stop)][0])
        own = [ra.overlap(lists[r], fixed50[1 if r == 0 else 3]) for r in range(2)]
        cap = [ra.overlap(lists[r], trace[(r, CAP)][0]) for r in range(2)]
        print(f"  z {z} tol {tol} delta {delta}: stops at {stops} pairs; overlap between runs {ra.overlap(*lists)}; "
              f"with own fixed-50 {own}; with own 100 {cap}")
    for r in range(2):
        row = []
        for b in range(FLOOR, CAP + 1, ROUND):
            i, o, st = uncertain(trace[(r, b)][1], runs[r][1][:b], ds.k, 0.6, 2.0, len(runs[r][0]))
            row.append(f"{b}:{i}/{o}/{st}")
        print(f"  run {r} uncertain in/out/stable at z 2: " + " ".join(row))


if __name__ == "__main__":
    main()
