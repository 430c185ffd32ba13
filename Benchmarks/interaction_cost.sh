#!/usr/bin/env bash
# What the interaction screen adds to a default run (issue 20: <= 30 %), side by side with the
# previous version on the dev datasets in TestData/:
#
#   bash Benchmarks/interaction_cost.sh OLD_GSEL [NEW_GSEL]
#
# OLD_GSEL is a gsel binary built before the screen (e.g. from commit 75a138c), NEW_GSEL this
# checkout's (default .build/release/gsel). For each dataset the old binary makes the default
# run (k = 20, default flags, THREADS threads); the new binary then finishes a copy of that
# folder with --resume: the fits are the same bytes (the screen changes no fit), so only its
# aggregation runs, and run.json's timings give the two versions' totals on the same fits.
# Prints one row per dataset: old total, new total, growth, screen seconds, pairs listed.
source "$(dirname "$0")/lib.sh"
OLD=${1:?usage: interaction_cost.sh OLD_GSEL [NEW_GSEL]}
NEW=${2:-$GSEL}
out=bench-data/interaction_cost
mkdir -p "$out"
run() {  # NAME ARGS...
    local name=$1; shift
    rm -rf "$out/$name.old" "$out/$name.new"
    "$OLD" "$@" --k 20 --threads "$THREADS" --out "$out/$name.old" --quiet
    cp -r "$out/$name.old" "$out/$name.new"
    "$NEW" "$@" --k 20 --threads "$THREADS" --out "$out/$name.new" --resume --quiet
    "$PY" - "$name" "$out/$name.old/run.json" "$out/$name.new/run.json" <<'PY'
import json, sys
name, old, new = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
t_old = old["timings_seconds"]
t_new = new["timings_seconds"]
total_old = t_old["load"] + t_old["selection"] + t_old["aggregation and evaluation"]
# The new run resumed: its selection is the old one's (same fits).
total_new = t_old["load"] + t_old["selection"] + t_new["aggregation and evaluation"]
screen = new["interactions"] or {}
listed = [f"{p['first']} x {p['second']}" for p in screen.get("pairs", []) if p["listed"]]
print(f"| {name} | {old['stability']['pairs']} | {total_old:.1f} | {total_new:.1f} | {100 * (total_new / total_old - 1):+.1f} % "
      f"| {t_new.get('interaction screen (in aggregation)', 0):.2f} | {', '.join(listed) or 'none'} |")
PY
}
echo "| dataset | pairs | previous version s | with the screen s | growth | screen s | pairs listed |"
echo "|---|---|---|---|---|---|---|"
run golub --input TestData/golub/golub.expr.tsv.gz --labels TestData/golub/golub.labels.tsv --label-col label
run pbmc --input TestData/pbmc68k/pbmc68k_reduced.h5ad --labels TestData/pbmc68k/pbmc68k_reduced.labels.tsv --label-col bulk_labels
run hs1940-pheno1 --input TestData/hs1940/hs1940_mouse.vcf.gz --labels TestData/hs1940/hs1940_mouse.pheno.tsv --label-col pheno1
