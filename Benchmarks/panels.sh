#!/usr/bin/env bash
# Panel benchmark (issue 22 item 4): gsel's default run next to scanpy rank_genes_groups (t-test,
# Wilcoxon; top gene per type, round robin), highly variable genes, Spapros, LassoNet (Debian's CPU
# torch), F-test and the L1-logistic path, on pbmc68k_reduced (10 types) at k = 16/32/64: held-out
# accuracy and macro-F1 of the same logistic refit (mean ± sd over stratified 70/30 splits), wall
# and CPU time, peak RSS, top-k overlap between two seeds; then, with made-up costs, gsel --costs
# --budget against a cost-weighted L1 and a greedy gain-per-cost logistic at the same budget.
# Details of every selector and rule: the header of Benchmarks/panels.py.
#
#   bash Benchmarks/panels.sh                       # everything, pbmc68k_reduced: ~1 h on 2 loaded cores without Spapros; Spapros ~20 min per run (k, split)
#   PANELS_KS=32 PANELS_SPLITS=1 PANELS_SELECTORS=gsel,scanpy-wilcoxon,f-test bash Benchmarks/panels.sh  # quick
#
# Settings:
#   PANELS_KS         k list (default 16,32,64)
#   PANELS_SPLITS     split seeds (default 1,2,3)
#   PANELS_SELECTORS  comma list of gsel,scanpy-ttest,scanpy-wilcoxon,hvg,spapros,lassonet,f-test,l1 (default all)
#   PANELS_OVERLAP    two seeds for the top-k overlap of the stochastic selectors (default 1,2; empty: none)
#   PANELS_COSTS      1 (default) runs the section with costs; 0 skips it
#   PANELS_BUDGET     budget of that section (default 60; mean made-up cost is 3)
#   PANELS_TILED      number of cells of the larger set (pbmc68k_reduced tiled with noise; default 0 = skip);
#                     it runs at k = 32 on one split with PANELS_TILED_SELECTORS (default gsel,scanpy-wilcoxon,hvg,f-test)
#   PANELS_VENV       the peers' venv (default .venv-panels: made here with --system-site-packages on
#                     Debian's python3 so that Debian's python3-torch is seen; numpy pinned to Debian's)
# Results are cached in bench-data/panels (delete a run's json to redo it).
source "$(dirname "$0")/lib.sh"

VENV=${PANELS_VENV:-$REPO/.venv-panels}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import scanpy, lassonet, torch" 2> /dev/null; then
    if ! /usr/bin/python3 -c "import torch" 2> /dev/null; then
        echo "panels.sh: Debian's python3-torch is missing: apt-get install --no-install-recommends python3-torch" >&2; exit 1
    fi
    echo "panels.sh: making $VENV (scanpy, spapros, lassonet; torch from Debian) ..." >&2
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
    numpy_version=$(/usr/bin/python3 -c "import numpy; print(numpy.__version__)")
    echo "numpy==$numpy_version" > "$VENV/constraints.txt"  # Debian's torch is built against it
    "$VENV/bin/pip" install -q --disable-pip-version-check -c "$VENV/constraints.txt" scanpy lassonet
    # Spapros is optional: a failed install is reported, the rest runs.
    "$VENV/bin/pip" install -q --disable-pip-version-check -c "$VENV/constraints.txt" spapros > "$VENV/spapros-install.log" 2>&1 ||
        echo "panels.sh: spapros did not install; see $VENV/spapros-install.log" >&2
fi
PEERS_PY=$VENV/bin/python
echo "machine: $(machine)"
echo "versions: gsel $("$GSEL" --version), $("$PEERS_PY" -c 'import importlib.metadata as m, torch
print(", ".join(f"{p} {m.version(p)}" for p in ("scanpy", "anndata", "scikit-learn", "numpy", "lassonet")) + f", torch {torch.__version__}", end="")
try: print(f", spapros {m.version(\"spapros\")}")
except Exception: print(", spapros not installed")')"

SELECTORS=${PANELS_SELECTORS:-gsel,scanpy-ttest,scanpy-wilcoxon,hvg,spapros,lassonet,f-test,l1}
costs=()
[ "${PANELS_COSTS:-1}" = 1 ] && costs=(--costs --budget "${PANELS_BUDGET:-60}")
GSEL_BIN=$GSEL "$PEERS_PY" Benchmarks/panels.py run --ks "${PANELS_KS:-16,32,64}" --splits "${PANELS_SPLITS:-1,2,3}" \
    --selectors "$SELECTORS" --overlap-seeds "${PANELS_OVERLAP-1,2}" "${costs[@]}"

if [ "${PANELS_TILED:-0}" -gt 0 ]; then
    name=tiled${PANELS_TILED}
    if [ ! -s "bench-data/panels/$name.h5ad" ]; then
        echo "panels.sh: writing bench-data/panels/$name.h5ad ..." >&2
        "$PEERS_PY" Benchmarks/panels.py tile --cells "$PANELS_TILED" --out "bench-data/panels/$name.h5ad"
    fi
    GSEL_BIN=$GSEL "$PEERS_PY" Benchmarks/panels.py run --dataset "$name" --ks 32 --splits 1 \
        --selectors "${PANELS_TILED_SELECTORS:-gsel,scanpy-wilcoxon,hvg,f-test}" --overlap-seeds ""
fi
