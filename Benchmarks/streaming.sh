#!/usr/bin/env bash
# Streaming beyond --max-memory: a VCF whose dosage store is about 4x the budget (default the
# real hs1940 mouse VCF tiled to 1.2M variants x its first 1000 samples, ~1.0 GiB of UInt8
# codes after QC, against --max-memory 256M), selected once in memory and once with the
# budget (the store goes to an on-disk cache in TMPDIR, the fits stream it). Same seed and
# command otherwise (Sequential Attention, automatic wide-data screen, --repeats 2, pheno1).
# Prints wall time, CPU time and peak RSS of both runs, the RSS limit (budget + 256 MB) with a
# verdict, and whether ranking.tsv is byte-identical.
#   RECORDS=1200000 SAMPLES=1000 BUDGET=256M REPEATS=2 THREADS=2 bash Benchmarks/streaming.sh
source "$(dirname "$0")/lib.sh"

RECORDS=${RECORDS:-1200000}
SAMPLES=${SAMPLES:-1000}
BUDGET=${BUDGET:-256M}
REPEATS=${REPEATS:-2}
SOURCE=TestData/hs1940/hs1940_mouse.vcf.gz
PHENO=TestData/hs1940/hs1940_mouse.pheno.tsv
DATA=bench-data/hs1940_tiled_${RECORDS}x${SAMPLES}.vcf.gz
CACHE=bench-data/streaming-tmp

for tool in bgzip python3; do
    command -v "$tool" > /dev/null || { echo "streaming.sh: $tool is required" >&2; exit 1; }
done
if [ ! -s "$DATA" ]; then
    echo "writing $DATA ..." >&2
    python3 Benchmarks/make_tiled_vcf.py "$SOURCE" "$RECORDS" "$SAMPLES" | bgzip -@ "$THREADS" -c > "$DATA.tmp"
    mv "$DATA.tmp" "$DATA"
fi
mkdir -p "$CACHE"

run() {  # run NAME EXTRA...: one selection run into bench-data/NAME
    local name=$1; shift
    rm -rf "bench-data/$name"
    measure "$name" env TMPDIR="$CACHE" "$GSEL" --input "$DATA" --labels "$PHENO" --label-col pheno1 --k 10 \
        --repeats "$REPEATS" --seed 1 --threads "$THREADS" --out "bench-data/$name" "$@"
}

echo "input: $DATA ($(du -h "$DATA" | cut -f1) compressed, $RECORDS variants x $SAMPLES samples); --max-memory $BUDGET"
echo "machine: $(machine)"
run stream_memory;                       m_s=$WALL; m_cpu=$CPU; m_mb=$RSS_MB
run stream_disk --max-memory "$BUDGET";  d_s=$WALL; d_cpu=$CPU; d_mb=$RSS_MB
store=$(sed -n 's/.*features; store \([0-9.]* [KMGT]*i*B\).*/\1/p' bench-data/stream_memory.log | head -1)
budget_mb=$(awk -v b="$BUDGET" 'BEGIN { n = b + 0; u = toupper(substr(b, length(b))); f = (u == "G" ? 1024 : u == "K" ? 1 / 1024 : u == "M" ? 1 : 1 / 1048576); printf "%.0f", n * f }')
limit_mb=$((budget_mb + 256))
if cmp -s bench-data/stream_memory/ranking.tsv bench-data/stream_disk/ranking.tsv; then same=identical; else same=DIFFERENT; fi
leftover=$(find "$CACHE" -type f | wc -l)

echo "store: $store (in memory) / on disk with --max-memory $BUDGET; cache files left in TMPDIR: $leftover"
grep -h 'on-disk cache' bench-data/stream_disk.log | sed 's/^/  /'
row() { printf '%-28s %8s %8s %8s %10s\n' "$@"; }
row run wall_s cpu_s rss_MB rss_limit
row "in memory" "$m_s" "$m_cpu" "$m_mb" "-"
row "--max-memory $BUDGET" "$d_s" "$d_cpu" "$d_mb" "$limit_mb $(verdict "$d_mb" "<=" "$limit_mb")"
echo "ranking.tsv: $same"
