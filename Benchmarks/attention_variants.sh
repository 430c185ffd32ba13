#!/usr/bin/env bash
# Held-out quality of Sequential Attention variants against the marginal baseline on
# the real datasets in TestData/ (single fits, --repeats 0, 30 % hold-out).
# Usage: Benchmarks/attention_variants.sh "<variant flags>" ["<variant flags>" ...]
# Prints one line per dataset x seed: metric at k for gsel and marginal.
set -euo pipefail
cd "$(dirname "$0")/.."
GSEL=${GSEL:-.build/release/gsel}
DATA=TestData
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
metric() { # file method k column
  awk -F'\t' -v m="$1" -v k="$2" -v c="$3" '$1==m && $2==k {print $c}' "$out/run/evaluation.tsv"
}
run() { # name k column seeds -- gsel args
  local name=$1 k=$2 col=$3 seeds=$4; shift 4
  for variant in "${VARIANTS[@]}"; do
    local sum=0 msum=0 n=0
    for seed in $seeds; do
      # shellcheck disable=SC2086
      "$GSEL" "$@" --k "$k" --repeats 0 --validation-fraction 0.3 --seed "$seed" --out "$out/run" --quiet $variant
      sum=$(echo "$sum + $(metric gsel-sa "$k" "$col")" | bc -l)
      msum=$(echo "$msum + $(metric marginal "$k" "$col")" | bc -l)
      n=$((n + 1))
    done
    printf '%-10s k=%-3s %-45s gsel %.3f  marginal %.3f  (mean of %d seeds)\n' "$name" "$k" "[$variant]" \
      "$(echo "$sum / $n" | bc -l)" "$(echo "$msum / $n" | bc -l)" "$n"
  done
}
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=("")
run golub 10 4 "3 4 5 6" --input "$DATA/golub/golub.expr.tsv.gz" --labels "$DATA/golub/golub.labels.tsv" --label-col label
run pbmc 20 4 "1 2 3" --input "$DATA/pbmc68k/pbmc68k_reduced.h5ad" --label-key bulk_labels
run hs1940-p1 10 6 "1 2" --input "$DATA/hs1940/hs1940_mouse.vcf.gz" --labels "$DATA/hs1940/hs1940_mouse.pheno.tsv" --label-col pheno1
run hs1940-p4 10 4 "1 2" --input "$DATA/hs1940/hs1940_mouse.vcf.gz" --labels "$DATA/hs1940/hs1940_mouse.pheno.tsv" --label-col pheno4
