#!/usr/bin/env bash
# Planted XOR pairs (issue 20): gsel's default run (with its interaction screen) next to the
# F-test, random forest and MultiSURF (skrebate) on planted drivers + XOR sets, XOR-only sets,
# 3-class sets and hs1940 with a simulated epistatic trait. What is measured: the header of
# Benchmarks/interactions.py. Data, gsel outputs, per-run json and results.json go to
# bench-data/interactions/ (a run whose json exists is not redone).
#
#   bash Benchmarks/interactions.sh                                   # everything (~1 h+ on 2 shared cores)
#   bash Benchmarks/interactions.sh --families binary --methods gsel,f-test,rf   # the first block only
#   bash Benchmarks/interactions.sh --report-only                     # tables + results.json from cached runs
#   GSEL_BIN=/path/to/gsel bash Benchmarks/interactions.sh ...        # another binary (default .build/release/gsel)
#
# Every argument goes to interactions.py (--data-seeds 1,2, --hs1940-pairs N, --multisurf-max-features P, ...).
# The venv .venv-interactions is made here on first use (python3 -m venv, pinned versions below).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
VENV=${INTERACTIONS_VENV:-$REPO/.venv-interactions}
PINS=(numpy==2.4.6 pandas==3.1.2 scipy==1.17.1 scikit-learn==1.9.1 skrebate==0.8.4)
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import numpy, pandas, sklearn, skrebate" 2> /dev/null; then
    echo "interactions.sh: making $VENV (${PINS[*]}) ..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "${PINS[@]}"
fi
GSEL_BIN=${GSEL_BIN:-$REPO/.build/release/gsel}
[ -x "$GSEL_BIN" ] || { echo "interactions.sh: no gsel binary at $GSEL_BIN (swift build -c release, or set GSEL_BIN)" >&2; exit 1; }
echo "versions: gsel $("$GSEL_BIN" --version), $("$VENV/bin/python" -c 'import importlib.metadata as m
print(", ".join(f"{p} {m.version(p)}" for p in ("numpy", "pandas", "scipy", "scikit-learn", "skrebate")))')" >&2
exec nice -n 10 "$VENV/bin/python" Benchmarks/interactions.py --gsel "$GSEL_BIN" "$@"
