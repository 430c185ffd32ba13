#!/usr/bin/env bash
# VCF load benchmark: `gsel export` (decode + QC + store + TSV text to /dev/null) against
# `bcftools query` (decode + text) and `zcat` (decompression alone) on a large BGZF VCF made
# by tiling the real hs1940 mouse VCF (default 500k variants x 500 samples, ~1.5 GB of text).
# Prints the best-of-REPEATS wall time and peak RSS of each command with ratios, and the
# load alone (decode + QC + UInt8 store + SHA-256, the `load` timing in run.json) of a cheap
# `gsel --method marginal` run against the hs1940 phenotype pheno1.
#   RECORDS=500000 SAMPLES=500 THREADS=2 REPEATS=3 bash Benchmarks/vcf_load.sh
source "$(dirname "$0")/lib.sh"

RECORDS=${RECORDS:-500000}
SAMPLES=${SAMPLES:-500}
REPEATS=${REPEATS:-3}
SOURCE=TestData/hs1940/hs1940_mouse.vcf.gz
PHENO=TestData/hs1940/hs1940_mouse.pheno.tsv
DATA=bench-data/hs1940_tiled_${RECORDS}x${SAMPLES}.vcf.gz

for tool in bcftools bgzip zcat python3; do
    command -v "$tool" > /dev/null || { echo "vcf_load.sh: $tool is required" >&2; exit 1; }
done
if [ ! -s "$DATA" ]; then
    [ -f "$SOURCE" ] || { echo "vcf_load.sh: $SOURCE not found" >&2; exit 1; }
    echo "writing $DATA ..." >&2
    python3 Benchmarks/make_tiled_vcf.py "$SOURCE" "$RECORDS" "$SAMPLES" | bgzip -@ "$THREADS" -c > "$DATA.tmp"
    mv "$DATA.tmp" "$DATA"
fi

echo "input: $DATA ($(du -h "$DATA" | cut -f1) compressed, $RECORDS variants x $SAMPLES samples); best of $REPEATS"
echo "machine: $(machine)"
best_of "$REPEATS" vcf_zcat zcat "$DATA";                                   zcat_s=$WALL; zcat_mb=$RSS_MB
best_of "$REPEATS" vcf_bcftools bcftools query -f '[%GT\t]\n' "$DATA";      bcf_s=$WALL; bcf_mb=$RSS_MB
best_of "$REPEATS" vcf_gsel "$GSEL" export --input "$DATA" --out /dev/null --threads "$THREADS"; g_s=$WALL; g_mb=$RSS_MB
best_of "$REPEATS" vcf_gsel1 "$GSEL" export --input "$DATA" --out /dev/null --threads 1;          g1_s=$WALL; g1_mb=$RSS_MB
measure vcf_gsel_marginal "$GSEL" --input "$DATA" --labels "$PHENO" --label-col pheno1 --method marginal --k 10 \
    --repeats 0 --validation-fraction 0 --threads "$THREADS" --out bench-data/vcf_marginal
load_s=$(json_number bench-data/vcf_marginal/run.json load) m_s=$WALL m_mb=$RSS_MB

row() { printf '%-40s %8s %8s %12s %8s\n' "$@"; }
row command wall_s rss_MB vs_bcftools vs_zcat
row "zcat > /dev/null" "$zcat_s" "$zcat_mb" "$(ratio "$zcat_s" "$bcf_s")" 1.00
row "bcftools query -f '[%GT\\t]\\n'" "$bcf_s" "$bcf_mb" 1.00 "$(ratio "$bcf_s" "$zcat_s")"
row "gsel export --out /dev/null --threads $THREADS" "$g_s" "$g_mb" "$(ratio "$g_s" "$bcf_s")" "$(ratio "$g_s" "$zcat_s")"
row "gsel export --out /dev/null --threads 1" "$g1_s" "$g1_mb" "$(ratio "$g1_s" "$bcf_s")" "$(ratio "$g1_s" "$zcat_s")"
row "gsel load inside select (run.json 'load')" "$load_s" "$m_mb" "$(ratio "$load_s" "$bcf_s")" "$(ratio "$load_s" "$zcat_s")"
row "gsel --method marginal --k 10 (whole run)" "$m_s" "$m_mb" "$(ratio "$m_s" "$bcf_s")" "$(ratio "$m_s" "$zcat_s")"
