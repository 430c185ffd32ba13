#!/usr/bin/env bash
# Scale benchmark: a synthetic 2,000 samples x 20,000 features gzipped TSV with 22 planted
# informative features (Benchmarks/make_synthetic.py). Times loading alone (`zcat`, `gsel export
# --out /dev/null`, pandas.read_csv) and one Sequential Attention fit with k = 100 (default 20 %
# held out), and reports how many planted features gsel and the F-test baseline recover.
# Targets (2 cores): `gsel --k 100 --repeats 0` <= 60 s wall, peak RSS < 2 GB.
#   SAMPLES=2000 FEATURES=20000 THREADS=2 bash Benchmarks/scale_20k.sh
source "$(dirname "$0")/lib.sh"

SAMPLES=${SAMPLES:-2000}
FEATURES=${FEATURES:-20000}
BASE=bench-data/synthetic_${SAMPLES}x${FEATURES}
if [ ! -s "$BASE.tsv.gz" ]; then
    echo "writing $BASE.tsv.gz ..." >&2
    "$PY" Benchmarks/make_synthetic.py "$SAMPLES" "$FEATURES" "$BASE"
fi

# planted OUT_DIR N: how many planted features are among the first N of OUT_DIR/ranking.tsv.
planted() {
    awk -F'\t' -v n="$2" 'FNR == NR { if (FNR > 1) truth[$1] = 1; next }
        /^#/ || $1 == "rank" { next } $1 <= n && ($2 in truth) { found++ } END { print found + 0 }' \
        "$BASE.truth.tsv" "$1/ranking.tsv"
}
# auroc OUT_DIR METHOD K: held-out AUROC from OUT_DIR/evaluation.tsv.
auroc() { awk -F'\t' -v m="$2" -v k="$3" '$1 == m && $2 == k { print $5 }' "$1/evaluation.tsv"; }

echo "input: $BASE.tsv.gz ($(du -h "$BASE.tsv.gz" | cut -f1), $SAMPLES samples x $FEATURES features, 22 planted)"
echo "machine: $(machine)"
measure s20k_zcat zcat "$BASE.tsv.gz";                                       zcat_s=$WALL zcat_mb=$RSS_MB
measure s20k_export "$GSEL" export --input "$BASE.tsv.gz" --out /dev/null --threads "$THREADS"
export_s=$WALL export_mb=$RSS_MB
# pandas' own read time goes to stderr (the log); the process's peak RSS comes from GNU time.
measure s20k_pandas "$PY" -c 'import sys, time, pandas
t = time.perf_counter(); pandas.read_csv(sys.argv[1], sep="\t", index_col=0, dtype={"sample_id": str})
print(f"{time.perf_counter() - t:.2f}", file=sys.stderr)' "$BASE.tsv.gz"
pandas_s=$(tail -1 bench-data/s20k_pandas.log) pandas_mb=$RSS_MB

sel_args=(--input "$BASE.tsv.gz" --labels "$BASE.labels.tsv" --label-col label --k 100 --repeats 0 --seed 1)
measure s20k_select "$GSEL" "${sel_args[@]}" --method sa --threads "$THREADS" --out "$BASE.out-sa"
sel_s=$WALL sel_mb=$RSS_MB
measure s20k_marginal "$GSEL" "${sel_args[@]}" --method marginal --threads "$THREADS" --out "$BASE.out-marginal"
marg_s=$WALL marg_mb=$RSS_MB

row() { printf '%-58s %8s %8s %9s\n' "$@"; }
echo
row "loading (whole file, to memory)" wall_s rss_MB vs_zcat
row "zcat > /dev/null" "$zcat_s" "$zcat_mb" 1.00
row "gsel export --out /dev/null (load + TSV text)" "$export_s" "$export_mb" "$(ratio "$export_s" "$zcat_s")"
row "gsel load + SHA-256 inside select (run.json)" "$(json_number "$BASE.out-sa/run.json" load)" - \
    "$(ratio "$(json_number "$BASE.out-sa/run.json" load)" "$zcat_s")"
row "pandas.read_csv (read only, in-process)" "$pandas_s" "$pandas_mb" "$(ratio "$pandas_s" "$zcat_s")"
echo
printf '%-40s %8s %8s %12s %13s %13s\n' "selection, k = 100, one fit" wall_s rss_MB "planted@22" "planted@100" "AUROC@100"
printf '%-40s %8s %8s %12s %13s %13s\n' "gsel --method sa --threads $THREADS" "$sel_s" "$sel_mb" \
    "$(planted "$BASE.out-sa" 22)/22" "$(planted "$BASE.out-sa" 100)/22" "$(printf %.3f "$(auroc "$BASE.out-sa" gsel-sa 100)")"
printf '%-40s %8s %8s %12s %13s %13s\n' "gsel --method marginal (F-test)" "$marg_s" "$marg_mb" \
    "$(planted "$BASE.out-marginal" 22)/22" "$(planted "$BASE.out-marginal" 100)/22" "$(printf %.3f "$(auroc "$BASE.out-sa" marginal 100)")"
echo "sa: load $(json_number "$BASE.out-sa/run.json" load) s, selection $(json_number "$BASE.out-sa/run.json" selection) s (run.json)"
echo
echo "targets: selection ${sel_s} s <= 60 s: $(verdict "$sel_s" '<=' 60); peak RSS ${sel_mb} MB < 2048 MB: $(verdict "$sel_mb" '<=' 2047)"
