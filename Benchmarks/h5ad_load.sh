#!/usr/bin/env bash
# h5ad load benchmark: a synthetic 20k cells x 20k genes CSR AnnData file with 5 % nonzero
# entries (20M values; Benchmarks/make_sparse_h5ad.py), read by gsel (kept CSR, never
# densified) and by anndata.read_h5ad. gsel has no load-only command, so it is timed three
# ways: the `load` timing of a cheap `gsel --method marginal` run (read + store + labels +
# SHA-256 of the input, from run.json), that run's whole wall time, and `gsel export --out
# /dev/null` (load + the dense TSV text of all 400M values, an upper bound).
#   CELLS=20000 GENES=20000 DENSITY=0.05 THREADS=2 bash Benchmarks/h5ad_load.sh
source "$(dirname "$0")/lib.sh"

CELLS=${CELLS:-20000}
GENES=${GENES:-20000}
DENSITY=${DENSITY:-0.05}
DATA=bench-data/sparse_${CELLS}x${GENES}_${DENSITY}.h5ad
if [ ! -s "$DATA" ]; then
    echo "writing $DATA ..." >&2
    "$PY" Benchmarks/make_sparse_h5ad.py "$CELLS" "$GENES" "$DENSITY" "$DATA"
fi

echo "input: $DATA ($(du -h "$DATA" | cut -f1), $CELLS cells x $GENES genes, CSR, density $DENSITY)"
echo "machine: $(machine)"
# anndata's own read time goes to stderr (the log); the process's peak RSS comes from GNU time.
measure h5ad_anndata "$PY" -c 'import sys, time, anndata
t = time.perf_counter(); a = anndata.read_h5ad(sys.argv[1])
print(f"{time.perf_counter() - t:.2f}", file=sys.stderr)' "$DATA"
ad_s=$(tail -1 bench-data/h5ad_anndata.log) ad_mb=$RSS_MB
out=bench-data/h5ad_marginal
measure h5ad_gsel_marginal "$GSEL" --input "$DATA" --label-key cell_type --method marginal --k 10 --repeats 0 \
    --validation-fraction 0 --threads "$THREADS" --out "$out"
run_s=$WALL run_mb=$RSS_MB load_s=$(json_number "$out/run.json" load)
measure h5ad_gsel_export "$GSEL" export --input "$DATA" --out /dev/null --threads "$THREADS"
export_s=$WALL export_mb=$RSS_MB

row() { printf '%-62s %8s %8s %12s\n' "$@"; }
row command wall_s rss_MB vs_anndata
row "anndata.read_h5ad (read only, in-process)" "$ad_s" "$ad_mb" 1.00
row "gsel load + labels + SHA-256 (run.json 'load')" "$load_s" "$run_mb" "$(ratio "$load_s" "$ad_s")"
row "gsel --method marginal --k 10 (whole run)" "$run_s" "$run_mb" "$(ratio "$run_s" "$ad_s")"
row "gsel export --out /dev/null (load + 400M values as text)" "$export_s" "$export_mb" "$(ratio "$export_s" "$ad_s")"
