"""Planted suppressor pairs (issue 19): features that matter only together with a partner.

N samples x P standardized Gaussian features; 4 ordinary drivers; 2 complementary pairs
(A, B) with corr(A, B) = 0.85 where the outcome depends on B - 0.85 A, so A alone has no
marginal association (cov(A, B - 0.85 A) = 0) but carries the signal given B; and, so that
noise is not all independent, 40 blocks of 5 noise features correlated at about 0.8.
Binary outcome y = [sum_t 1.0 x_t + w * (B_i - 0.85 A_i) / sd + logistic noise > 0].
The same structure as `PlantedSuppressors` in the Swift tests (not the same numbers).

  python Benchmarks/make_planted_suppressors.py OUT_PREFIX [SAMPLES FEATURES SEED]

writes OUT_PREFIX.tsv (samples as rows, features f<j>), OUT_PREFIX.labels.tsv and
OUT_PREFIX.truth.json (drivers, pairs as [A, B], and the planted features).
"""
import json
import sys

import numpy as np

from planted_io import command_line, write_planted


def planted(samples=800, features=1500, seed=1, drivers=4, pairs=2, rho=0.85, pair_weight=1.5,
            driver_weight=1.0, blocks=40, block_size=5, block_rho=0.8):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, features))
    positions = rng.permutation(features)
    d = positions[:drivers]
    a = positions[drivers:drivers + pairs]
    b = positions[drivers + pairs:drivers + 2 * pairs]
    start = drivers + 2 * pairs
    for t in range(blocks):
        members = positions[start + t * block_size:start + (t + 1) * block_size]
        shared = rng.standard_normal(samples)
        for m in members:
            x[:, m] = np.sqrt(block_rho) * shared + np.sqrt(1 - block_rho) * rng.standard_normal(samples)
    for ai, bi in zip(a, b):
        x[:, ai] = rho * x[:, bi] + np.sqrt(1 - rho * rho) * rng.standard_normal(samples)
    sd = np.sqrt(1 - rho * rho)  # sd of B - rho A
    score = driver_weight * x[:, d].sum(axis=1)
    for ai, bi in zip(a, b):
        score += pair_weight * (x[:, bi] - rho * x[:, ai]) / sd
    u = rng.uniform(size=samples)
    score += np.log(u / (1 - u))
    y = (score > 0).astype(int)
    truth = {"drivers": [int(j) for j in d], "pairs": [[int(i), int(j)] for i, j in zip(a, b)],
             "planted": sorted(int(j) for j in list(d) + list(a) + list(b))}
    return x.astype(np.float32), y, truth


def main():
    prefix, n, p, seed = command_line(sys.argv, [800, 1500, 1])
    x, y, truth = planted(n, p, seed)
    write_planted(prefix, x, y)
    with open(prefix + ".truth.json", "w") as f:
        json.dump(truth, f)


if __name__ == "__main__":
    main()
