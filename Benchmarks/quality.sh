#!/usr/bin/env bash
# Selection quality against peers on the real datasets in TestData/ (Golub, pbmc68k
# bulk_labels, hs1940 pheno1 and pheno4; k = 20): gsel's default run (--repeats 50) and a
# single fit next to the F-test, L1 (logistic / Lasso path) and random-forest importance,
# each refit with the same model on the same 70/30 splits; Nogueira's stability index of
# the top k over seeds and over two disjoint halves. Details: the header of quality.py.
# gsel runs are cached in bench-data/quality (rerun with --resume: a changed aggregation
# only re-aggregates). Several hours on 2 cores from scratch, most of it hs1940.
#   THREADS=2 bash Benchmarks/quality.sh [--datasets golub,pbmc] [--seeds 1,2,3] [--stability-seeds 10] [--half-seeds 5]
source "$(dirname "$0")/lib.sh"

echo "machine: $(machine)"
echo "gsel: $GSEL ($("$GSEL" --version))"
"$PY" Benchmarks/quality.py --gsel "$GSEL" --threads "$THREADS" "$@"
