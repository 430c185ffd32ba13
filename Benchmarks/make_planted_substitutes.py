"""Planted data for the consensus-ranking research (issue 11): N samples x P standardized
Gaussian features, binary outcome y = [sum_t beta_t x_t + w * xor(x_a, x_b) + noise > 0]
with w = 1, 6 linear drivers (beta 1.0, 0.9, ..., 0.5), near-copies of the first two drivers
(x + 0.1 * noise, |r| ~ 0.995), and one XOR pair (informative only jointly). Planted
features sit at random positions. The same structure as `PlantedSignal` in the Swift tests.

  python Benchmarks/make_planted_substitutes.py OUT_PREFIX [SAMPLES FEATURES SEED]

writes OUT_PREFIX.tsv (samples as rows), OUT_PREFIX.labels.tsv and OUT_PREFIX.truth.json
(groups: the 6 drivers with their copies, and the two XOR members).
"""
import json
import sys

import numpy as np

from planted_io import command_line, write_planted


def planted(samples=800, features=1000, seed=1, linear=6, xor_weight=1.0, noise=0.3, copy_noise=0.1):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, features)).astype(np.float32)
    positions = rng.permutation(features)
    pair = positions[:2]
    drivers = positions[2:2 + linear]
    copies = positions[2 + linear:4 + linear]
    for d, c in zip(drivers[:2], copies):
        x[:, c] = x[:, d] + copy_noise * rng.standard_normal(samples)
    score = xor_weight * np.where((x[:, pair[0]] > 0) == (x[:, pair[1]] > 0), 1.0, -1.0)
    for t, d in enumerate(drivers):
        score += (1 - 0.1 * t) * x[:, d]
    score += noise * rng.standard_normal(samples)
    y = (score > 0).astype(int)
    groups = [[int(d)] + ([int(copies[t])] if t < 2 else []) for t, d in enumerate(drivers)]
    groups += [[int(pair[0])], [int(pair[1])]]
    return x, y, groups


def main():
    prefix, n, p, seed = command_line(sys.argv, [800, 1000, 1])
    x, y, groups = planted(n, p, seed)
    write_planted(prefix, x, y)
    with open(prefix + ".truth.json", "w") as f:
        json.dump({"groups": [[f"f{j}" for j in g] for g in groups]}, f)


if __name__ == "__main__":
    main()
