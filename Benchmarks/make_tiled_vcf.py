#!/usr/bin/env python3
"""Write a large VCF for benchmarks by tiling the real hs1940 mouse VCF.

Keeps the first SAMPLES samples and repeats the 10300 records until RECORDS records are
written; tile t > 0 renames each chromosome C to `tT_C` (positions stay as they are, within
VCF's 32-bit POS; PLINK 2 reads such names with `--allow-extra-chr`). Output goes to stdout
(pipe it through `bgzip`). Usage: make_tiled_vcf.py HS1940.vcf.gz RECORDS SAMPLES
"""
import gzip
import sys


def main() -> None:
    source, records, samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    header, body = [], []
    with gzip.open(source, "rt") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("##"):
                header.append(line.rstrip("\n"))
            else:
                trimmed = "\t".join(fields[: 9 + samples])
                (header if line.startswith("#") else body).append(trimmed)
    out = sys.stdout
    out.write("\n".join(header) + "\n")
    written, tile = 0, 0
    while written < records:
        for line in body:
            if written == records:
                break
            chrom, pos, rest = line.split("\t", 2)
            out.write(f"{chrom if tile == 0 else f't{tile}_{chrom}'}\t{pos}\t{rest}\n")
            written += 1
        tile += 1


if __name__ == "__main__":
    main()
