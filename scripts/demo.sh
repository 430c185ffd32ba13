#!/usr/bin/env bash
# Set up, build in release mode, and run gsel on the shipped Golub leukemia data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release
out=gsel-out
.build/release/gsel --input TestData/golub/golub.expr.tsv.gz --labels TestData/golub/golub.labels.tsv \
  --label-col label --k 20 --out "$out" "$@"
echo "results: $(pwd)/$out (ranking.tsv, selection_path.tsv, evaluation.tsv, report.html, run.json)"
