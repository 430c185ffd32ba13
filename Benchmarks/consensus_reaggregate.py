"""Research replica of gsel 0.3's consensus rule (issue 19), to re-aggregate the fits that
Benchmarks/quality.py left in bench-data/quality with variants of the rule, without rerunning
gsel: held-out quality per split (quality.py's refit), mean top-k overlap between seeds and
between disjoint halves (a slot's members count as the slot).

  python Benchmarks/consensus_reaggregate.py DATASET SPLITS SEEDS HALVES VARIANTS
  e.g. python Benchmarks/consensus_reaggregate.py pbmc 1,2,3,4,5 5 2 "old:0:1000000000,final:3:5:c:0.5"

A variant is NAME:W:M[:c[:S]]: W votes per full-split fit, M the minimum co-picks of a
complement, `c` to give full-split votes to complements only (else to every slot), S the
minimum share of the less picked feature's fits (gsel 0.3: 3:5:c:0.5; gsel 0.2's rule:
0:1000000000). Checked against the binary: the same fits give the same top k.
"""
import itertools
import os
import sys

import numpy as np

REPS = False
def load(path):
    df = pd.read_csv(path, sep='\t', index_col=0)
    return df
MINCO = 0
COND = 0.0
COMPONLY = False
INDEX = None
STATS = {}
def slots_rank(half, full, corr, K, wfull, excl=0.5, tau=0.75):
    allf = half + full; N = len(allf); H = len(half); F = len(full)
    ch, cf, osum = {}, {}, {}
    for n, f in enumerate(allf):
        for i, j in enumerate(f):
            (ch if n < H else cf)[j] = (ch if n < H else cf).get(j, 0) + 1
            osum[j] = osum.get(j, 0) + i + 1
    cnt = lambda j: ch.get(j, 0) + cf.get(j, 0)
    def sup(h, u):
        if wfull == 'mean': return h / H + (u / F if F else 0)
        if wfull == 'mix':  # gsel after 0.3.0: (10 * h/H + 3 * u/F) / 13, fixed whatever B
            return (10 * h / H + 3 * u / F) / 13 if F else h / H
        return (h + wfull * u) / (H + wfull * F)
    ix = (lambda j: INDEX[j]) if INDEX else (lambda j: j)
    feats = sorted(osum, key=lambda j: (-sup(ch.get(j, 0), cf.get(j, 0)), osum[j], ix(j)))
    sets = [set(f) for f in allf]
    reps, slot, comp = [], {}, []
    for j in feats:
        home = None; isc = False
        for s, r in enumerate(reps):
            if abs(corr(j, r)) >= tau:
                co = sum(1 for S in sets if j in S and r in S)
                if excl is not None and co * N > excl * cnt(j) * cnt(r) and co >= MINCO and co >= COND * min(cnt(j), cnt(r)):
                    isc = True; continue
                home = s; break
        if home is None: reps.append(j); home = len(reps) - 1; comp.append(isc)
        slot[j] = home
    sh = [0] * len(reps); sf = [0] * len(reps); os_ = [0] * len(reps)
    for n, f in enumerate(allf):
        seen = set()
        for i, j in enumerate(f):
            s = slot[j]
            if s in seen: continue
            seen.add(s); os_[s] += i + 1
            if n < H: sh[s] += 1
            else: sf[s] += 1
    mo = [os_[s] / max(sh[s] + sf[s], 1) for s in range(len(reps))]
    ssup = (lambda s: sup(sh[s], sf[s]) if comp[s] else sh[s] / H) if COMPONLY else (lambda s: sup(sh[s], sf[s]))
    order = sorted(range(len(reps)), key=lambda s: (-ssup(s), -sh[s], mo[s], ix(reps[s])))
    STATS['slots'] = [(set(j for j in slot if slot[j] == s), sh[s], sf[s], comp[s], ssup(s)) for s in order]
    STATS['top_half_freq'] = sh[order[0]] / max(H, 1); STATS['stable'] = sum(1 for s in order if sh[s] / max(H,1) >= 0.6)
    return [set(j for j in slot if slot[j] == s) for s in order[:K]] if not REPS else [reps[s] for s in order[:K]]
def overlap(a, b):
    fb = set().union(*b); fa = set().union(*a)
    return (sum(1 for s in a if s & fb) + sum(1 for s in b if s & fa)) / 2
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import fit_sets  # noqa: E402
import quality  # noqa: E402



def main():
    reagg = sys.modules[__name__]  # the rule's settings are this module's globals
    name = sys.argv[1]; splits = [int(s) for s in sys.argv[2].split(',')] if sys.argv[2] else []
    seeds = int(sys.argv[3]); halves = int(sys.argv[4])
    variants = [(a, int(b), int(c)) for a, b, c in (v.split(':')[:3] for v in sys.argv[5].split(','))]
    conds = {v.split(':')[0]: float(v.split(':')[4]) if len(v.split(':')) > 4 else 0.0 for v in sys.argv[5].split(',')}
    componly = {v.split(':')[0]: len(v.split(':')) > 3 and v.split(':')[3] == 'c' for v in sys.argv[5].split(',')}
    ds = quality.DATASETS[name]
    ws = quality.Workspace('.build/release/gsel', 'bench-data/quality', 2)
    cohort = quality.Cohort(ws, ds)
    reagg.INDEX = cohort.index
    def corr_for(rows):
        xs = cohort.x[rows]; mu = np.nanmean(xs, 0); sd = np.nanstd(xs, 0); sd[sd == 0] = 1
        Z = np.nan_to_num((xs - mu) / sd); cache = {}
        def corr(a, b):
            key = (a, b) if a < b else (b, a)
            if key not in cache: cache[key] = float(np.mean(Z[:, cohort.index[a]] * Z[:, cohort.index[b]]))
            return cache[key]
        return corr
    def rank(out, rows, w, mc, k):
        fits = fit_sets.read_fits(out); reagg.MINCO = mc; reagg.REPS = False
        corr = corr_for(rows)
        slots = reagg.slots_rank([f.picks for f in fits if f.pair > 0], [f.picks for f in fits if f.pair == 0], corr, k, w, excl=0.5)
        reagg.REPS = True
        reps = reagg.slots_rank([f.picks for f in fits if f.pair > 0], [f.picks for f in fits if f.pair == 0], corr, k, w, excl=0.5)
        return slots, reps
    for vname, w, mc in variants:
        reagg.COMPONLY = componly.get(vname, False)
        reagg.COND = conds.get(vname, 0.0)
        q = []
        for seed in splits:
            train, held = cohort.split(seed)
            xtr, xva = quality.standardize(cohort.x[train], cohort.x[held])
            _, reps = rank(ws.path(ds.name, f"split{seed}", "repeats50"), train, w, mc, ds.k)
            q.append(quality.refit_score(ds, xtr, ytr := cohort.y[train], xva, cohort.y[held], [cohort.index[j] for j in reps]))
        everyone = np.arange(len(cohort.samples))
        lists = [rank(ws.path(ds.name, "all", f"seed{s}"), everyone, w, mc, ds.k)[0] for s in range(1, seeds + 1)]
        seed_ov = reagg.overlap and np.mean([reagg.overlap(lists[i], lists[j]) for i, j in itertools.combinations(range(len(lists)), 2)]) if seeds > 1 else float('nan')
        hov = []
        for h in range(1, halves + 1):
            a, b = cohort.split(h, fraction=0.5)
            la = rank(ws.path(ds.name, f"halves{h}", "a"), a, w, mc, ds.k)[0]; lb = rank(ws.path(ds.name, f"halves{h}", "b"), b, w, mc, ds.k)[0]
            hov.append(reagg.overlap(la, lb))
        print(f"{name} {vname}: quality {' '.join(f'{x:.3f}' for x in q)} mean {np.mean(q) if q else float('nan'):.3f} | seed overlap {seed_ov:.1f} | halves overlap {np.mean(hov) if hov else float('nan'):.1f}", flush=True)


if __name__ == "__main__":
    main()
