"""Writes planted genotype-like data for the genome-chunk benchmark (chunked_tournament.sh):
N samples x P biallelic variants on 10 chromosomes of P/10 variants each, as a BGZF VCF
(GT only), a case/control label file and the planted truth.

  make_planted_chunks.py N P OUT_PREFIX [SEED]
    OUT_PREFIX.vcf.gz      genotypes (bgzip; chromosomes 1..10, so 10 chunks = 10 chromosomes)
    OUT_PREFIX.labels.tsv  sample_id, trait (quantitative), status (case/control: trait above its median)
    OUT_PREFIX.truth.tsv   feature_id (CHROM:POS:REF:ALT), role, chunk (1-based, of 10), coefficient

Genotypes: two haplotypes per sample, each allele drawn from a Gaussian AR(1) process along
the chromosome (correlation 0.6 between neighbours, so linkage decays within a few variants)
cut at the variant's allele frequency (uniform in 0.05-0.5); dosage = alleles summed.

Planted (on standardized dosages):
- 12 linear drivers, coefficients 1.0 down to 0.45, one in every chromosome and a second in
  chromosomes 2 and 7;
- a near-duplicate of driver 1 (chromosome 1) in the same chromosome and of driver 2
  (chromosome 2) in chromosome 6: copies of the driver's haplotypes with 3 % of alleles redrawn
  (r about 0.95 with the driver), placed far from it; they carry no effect of their own;
- two synergy pairs: one split across chromosomes 3 and 8 (split_pair), one inside
  chromosome 5 (chunk_pair, the control). In each, b copies a's haplotypes with 10 % of
  alleles redrawn (r about 0.9), and the outcome gets 2.5 x the standardized residual of b
  on a. So a alone carries nothing (the residual is orthogonal to a), b alone a little
  (r about 0.44 with the term), the two together the whole term: the genotype form of the
  tests' PlantedSignal synergy pair.
Phenotypes: trait = the linear predictor plus N(0, 1) noise (quantitative, so a's marginal
covariance with it is exactly 0); status = case when trait exceeds its median (the cut
gives a some marginal signal of its own, about r = 0.1).
"""
import os
import subprocess
import sys

import numpy as np
from scipy.stats import norm

CHROMS = 10


def haplotypes(rng, n, m, maf):
    """Two n x m allele matrices along one chromosome (AR(1) latent, cut at maf)."""
    rho = 0.6
    cut = norm.ppf(maf)
    out = []
    for _ in range(2):
        z = np.empty((n, m), dtype=np.float32)
        z[:, 0] = rng.standard_normal(n)
        e = rng.standard_normal((n, m)).astype(np.float32) * np.float32(np.sqrt(1 - rho * rho))
        for j in range(1, m):
            z[:, j] = rho * z[:, j - 1] + e[:, j]
        out.append((z < cut).astype(np.uint8))
    return out


def redraw(rng, alleles, fraction, maf):
    """A copy of an allele column with `fraction` of alleles redrawn at frequency maf."""
    copy = alleles.copy()
    pick = rng.random(len(copy)) < fraction
    copy[pick] = (rng.random(pick.sum()) < maf).astype(np.uint8)
    return copy


def standardize(x):
    x = x.astype(np.float64)
    return (x - x.mean()) / x.std()


def main(n, p, prefix, seed):
    rng = np.random.default_rng(seed)
    m = p // CHROMS
    maf = rng.uniform(0.05, 0.5, size=(CHROMS, m))
    haps = [haplotypes(rng, n, m, maf[c]) for c in range(CHROMS)]
    # Planted positions (chromosome, index), away from the chromosome ends and each other.
    def spot(c, frac):
        return (c, int(frac * m))
    drivers = [spot(c, 0.3) for c in range(CHROMS)] + [spot(1, 0.7), spot(6, 0.7)]
    beta = np.linspace(1.0, 0.45, len(drivers))
    dup_same = spot(0, 0.8)          # copy of driver 1 (chromosome 1), same chromosome
    dup_other = spot(5, 0.55)        # copy of driver 2 (chromosome 2), chromosome 6
    pairs = {"split_pair": (spot(2, 0.6), spot(7, 0.4)), "chunk_pair": (spot(4, 0.55), spot(4, 0.75))}

    def set_copy(target, source, fraction):
        (tc, tj), (sc, sj) = target, source
        maf[tc, tj] = maf[sc, sj]
        for h in range(2):
            haps[tc][h][:, tj] = redraw(rng, haps[sc][h][:, sj], fraction, maf[sc, sj])

    set_copy(dup_same, drivers[0], 0.03)
    set_copy(dup_other, drivers[1], 0.03)
    dosage = lambda s: haps[s[0]][0][:, s[1]].astype(np.int64) + haps[s[0]][1][:, s[1]]
    eta = sum(b * standardize(dosage(d)) for b, d in zip(beta, drivers))
    for a, b in pairs.values():
        set_copy(b, a, 0.10)
        xa, xb = standardize(dosage(a)), standardize(dosage(b))
        eta = eta + 2.5 * standardize(xb - (xb @ xa / (xa @ xa)) * xa)
    trait = eta + rng.standard_normal(n)

    ids = [f"s{i:04d}" for i in range(n)]
    pos = [np.cumsum(rng.integers(500, 3000, size=m)) + 10_000 for _ in range(CHROMS)]
    def fid(s):
        return f"{s[0] + 1}:{pos[s[0]][s[1]]}:A:G"
    raw = prefix + ".vcf"
    with open(raw, "w") as f:
        f.write("##fileformat=VCFv4.2\n")
        for c in range(CHROMS):
            f.write(f"##contig=<ID={c + 1}>\n")
        f.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
        f.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + "\t".join(ids) + "\n")
        gt = np.array(["0|0", "1|0", "0|1", "1|1"])
        for c in range(CHROMS):
            codes = haps[c][0] + 2 * haps[c][1]  # n x m
            text = gt[codes.T]                    # m x n
            for j in range(m):
                f.write(f"{c + 1}\t{pos[c][j]}\t.\tA\tG\t.\tPASS\t.\tGT\t" + "\t".join(text[j]) + "\n")
    subprocess.run(["bgzip", "-f", raw], check=True)
    with open(prefix + ".labels.tsv", "w") as f:
        f.write("sample_id\ttrait\tstatus\n")
        median = np.median(trait)
        for s, y in zip(ids, trait):
            f.write(f"{s}\t{y:.4f}\t{'case' if y > median else 'control'}\n")
    with open(prefix + ".truth.tsv.tmp", "w") as f:
        f.write("feature_id\trole\tchunk\tcoefficient\n")
        for d, b in zip(drivers, beta):
            f.write(f"{fid(d)}\tlinear\t{d[0] + 1}\t{b:.3f}\n")
        f.write(f"{fid(dup_same)}\tduplicate_of_{fid(drivers[0])}\t{dup_same[0] + 1}\t0\n")
        f.write(f"{fid(dup_other)}\tduplicate_of_{fid(drivers[1])}\t{dup_other[0] + 1}\t0\n")
        for role, (a, b) in pairs.items():
            f.write(f"{fid(a)}\t{role}_a\t{a[0] + 1}\tNA\n")
            f.write(f"{fid(b)}\t{role}_b\t{b[0] + 1}\tNA\n")
    # The truth last: the benchmark script regenerates everything when it is missing.
    os.replace(prefix + ".truth.tsv.tmp", prefix + ".truth.tsv")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 1)
