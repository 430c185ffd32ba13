"""Research for issue 20 (interactions): does a product-moment pair screen find a planted
XOR pair that greedy selection cannot see? For standardized features z and a residual r of
the outcome (y − mean, or y − p̂ of a logistic fit on the linear features already chosen),

    T_ij = Σ_n r_n z_ni z_nj / sqrt(Σ_n r_n² z_ni² z_nj²)

is about N(0, 1) for a pair with no interaction, and the whole p x p table is two matrix
products (Zᵀ diag(r) Z and its squares), O(n p²). Neither member of an XOR pair has a
first-order gain, but their product carries it: for sign-XOR of Gaussians corr(z_a z_b,
s_a s_b) = 2/π. The null of the table's maximum is measured by permuting r.

  python Benchmarks/interaction_screen.py planted          # planted sets, 5 seeds each
  python Benchmarks/interaction_screen.py hs1940 EXPORT.tsv # hs1940: two real SNPs, simulated trait

EXPORT.tsv is `gsel export --input TestData/hs1940/hs1940_mouse.vcf.gz --out EXPORT.tsv`
(dosages as gsel decodes them). Prints, per data set: the pair's |T|, its rank among all
pairs, the largest other |T|, and the mean permutation maximum.
"""
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression

from make_planted_substitutes import planted


def pair_table(z, r):
    """|T_ij| for every pair (diagonal 0), float64."""
    num = z.T @ (z * r[:, None])
    z2 = z * z
    den = np.sqrt(z2.T @ (z2 * (r * r)[:, None]))
    t = np.abs(num / np.maximum(den, 1e-300))
    np.fill_diagonal(t, 0)
    return t


def residual(z, y, chosen):
    if not chosen:
        return (y - y.mean()).astype(z.dtype)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(z[:, chosen], y)
    return y - model.predict_proba(z[:, chosen])[:, 1]


def screen(z, y, pair, chosen, permutations=5, seed=0, same=None):
    """Rank of `pair` (or of any pair both of whose members are in `same[a]`, `same[b]`)."""
    r = residual(z, y, chosen)
    t0 = time.perf_counter()
    table = pair_table(z, r)
    seconds = time.perf_counter() - t0
    upper = np.triu_indices(z.shape[1], 1)
    values = table[upper]
    order = np.argsort(-values)
    a_set = same[0] if same else {pair[0]}
    b_set = same[1] if same else {pair[1]}
    hit = [(i in a_set and j in b_set) or (i in b_set and j in a_set)
           for i, j in zip(upper[0][order], upper[1][order])]
    rank = hit.index(True) + 1 if True in hit else None
    other = values[order[[k for k, h in enumerate(hit) if not h][0]]]
    rng = np.random.default_rng(seed)
    null = np.mean([pair_table(z, rng.permutation(r))[upper].max() for _ in range(permutations)])
    return table[pair[0], pair[1]], rank, other, null, seconds


def planted_sets():
    print("samples features xor_weight drivers seed residual |T_pair| rank max_other null_max seconds")
    for n, p in [(800, 1000), (3000, 200)]:
        for weight in [1.0, 0.6, 0.4]:
            for linear in [6, 0]:
                for seed in range(1, 6):
                    x, y, groups = planted(n, p, seed, linear=linear, xor_weight=weight)
                    pair = (groups[-2][0], groups[-1][0])
                    drivers = [g[0] for g in groups[:-2]]
                    z = (x - x.mean(0)) / x.std(0)
                    for name, chosen in [("y", []), ("drivers", drivers)] if drivers else [("y", [])]:
                        t, rank, other, null, s = screen(z, y, pair, chosen, seed=seed)
                        print(n, p, weight, linear, seed, name, f"{t:.2f}", rank, f"{other:.2f}", f"{null:.2f}",
                              f"{s:.2f}", flush=True)


def hs1940(path, features=3000):
    """Two real common SNPs with a simulated epistatic trait (high when exactly one of them
    carries an ALT allele), screened among `features` variants (the two and a random rest):
    a pair counts as found when both members are the SNPs or variants in LD with them
    (|r| >= 0.9)."""
    import pandas as pd
    x = pd.read_csv(path, sep="\t", index_col=0).to_numpy(np.float32)
    x = np.where(np.isnan(x), np.nanmean(x, axis=0), x)
    x = x[:, x.std(0) > 0]
    print("seed snp_a snp_b alt_freq_a alt_freq_b r_ab xor_weight |T_pair| rank(LD-aware) max_other null_max seconds")
    rng = np.random.default_rng(7)
    frequency = x.mean(0) / 2
    common = np.where((frequency > 0.2) & (frequency < 0.8))[0]
    for seed in range(1, 4):
        a, b = rng.choice(common, 2, replace=False)
        rest = rng.choice(np.setdiff1d(np.arange(x.shape[1]), [a, b]), features - 2, replace=False)
        columns = np.concatenate([[a, b], rest])
        sub = x[:, columns]
        z = ((sub - sub.mean(0)) / sub.std(0)).astype(np.float32)
        ra, rb = np.abs(z.T @ z[:, 0]) / len(z), np.abs(z.T @ z[:, 1]) / len(z)
        same = (set(np.where(ra >= 0.9)[0]), set(np.where(rb >= 0.9)[0]))
        for weight in [1.0, 0.6]:
            local = np.random.default_rng(seed)
            score = weight * np.where((x[:, a] > 0) != (x[:, b] > 0), 1.0, -1.0) + local.standard_normal(len(x))
            y = (score > np.median(score)).astype(np.float32)
            t, rank, other, null, s = screen(z, y, (0, 1), [], permutations=3, seed=seed, same=same)
            print(seed, a, b, f"{frequency[a]:.2f}", f"{frequency[b]:.2f}", f"{ra[1]:.2f}", weight, f"{t:.2f}", rank,
                  f"{other:.2f}", f"{null:.2f}", f"{s:.1f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["planted"]:
        planted_sets()
    elif sys.argv[1:2] == ["hs1940"]:
        hs1940(sys.argv[2])
    else:
        sys.exit(__doc__)
