#!/usr/bin/env bash
# VCF load benchmark: gsel vs bcftools query vs zcat on a large BGZF VCF made by tiling
# the real hs1940 mouse VCF (default 500k variants x 500 samples, ~1.5 GB of text).
# Prints the best-of-N wall time of each command side by side with ratios.
#   RECORDS=500000 SAMPLES=500 THREADS=2 REPEATS=3 bash scripts/bench_vcf.sh
# GSEL_BIN overrides the gsel binary (default: .build/release/gsel, built if absent).
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-500000}
SAMPLES=${SAMPLES:-500}
THREADS=${THREADS:-2}
REPEATS=${REPEATS:-3}
SOURCE=${GSEL_SHARED_DATA:-../shared/data}/hs1940_mouse.vcf.gz
DATA=bench-data/hs1940_tiled_${RECORDS}x${SAMPLES}.vcf.gz
GSEL=${GSEL_BIN:-.build/release/gsel}

for tool in bcftools bgzip zcat python3; do
    command -v "$tool" > /dev/null || { echo "bench_vcf.sh: $tool is required" >&2; exit 1; }
done
[ -f "$SOURCE" ] || { echo "bench_vcf.sh: $SOURCE not found (set GSEL_SHARED_DATA)" >&2; exit 1; }
[ -x "$GSEL" ] || swift build -c release --product gsel

mkdir -p bench-data
if [ ! -s "$DATA" ]; then
    echo "writing $DATA ..." >&2
    python3 scripts/make_bench_vcf.py "$SOURCE" "$RECORDS" "$SAMPLES" | bgzip -@ "$THREADS" -c > "$DATA.tmp"
    mv "$DATA.tmp" "$DATA"
fi

# Best wall time in seconds of REPEATS runs of a command (its output discarded).
best_time() {
    local best=""
    for _ in $(seq "$REPEATS"); do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; if (b == "" || t < b) b = t; printf "%.3f", b }')
    done
    echo "$best"
}

echo "input: $DATA ($(du -h "$DATA" | cut -f1) compressed, $RECORDS variants x $SAMPLES samples), $(nproc) cores, best of $REPEATS" >&2
zcat_s=$(best_time zcat "$DATA")
bcftools_s=$(best_time bcftools query -f '[%GT\t]\n' "$DATA")
gsel_s=$(best_time "$GSEL" export --input "$DATA" --out /dev/null --threads "$THREADS")
gsel1_s=$(best_time "$GSEL" export --input "$DATA" --out /dev/null --threads 1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-44s %9s %12s %9s\n' command wall_s vs_bcftools vs_zcat
printf '%-44s %9s %12s %9s\n' "zcat > /dev/null" "$zcat_s" "$(ratio "$zcat_s" "$bcftools_s")" 1.00
printf '%-44s %9s %12s %9s\n' "bcftools query -f '[%GT\\t]\\n'" "$bcftools_s" 1.00 "$(ratio "$bcftools_s" "$zcat_s")"
printf '%-44s %9s %12s %9s\n' "gsel export --threads $THREADS" "$gsel_s" "$(ratio "$gsel_s" "$bcftools_s")" "$(ratio "$gsel_s" "$zcat_s")"
printf '%-44s %9s %12s %9s\n' "gsel export --threads 1" "$gsel1_s" "$(ratio "$gsel1_s" "$bcftools_s")" "$(ratio "$gsel1_s" "$zcat_s")"
