# Shared helpers of the benchmark scripts (sourced, not run). Sets REPO (the repository
# root, also the working directory), GSEL (the gsel binary, built in release mode if
# absent; GSEL_BIN overrides), PY (python with numpy/h5py/anndata/scikit-learn:
# GSEL_PYTHON, else the project's .venv, else python3) and THREADS (default 2).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
GSEL=${GSEL_BIN:-$REPO/.build/release/gsel}
THREADS=${THREADS:-2}
if [ -n "${GSEL_PYTHON:-}" ]; then PY=$GSEL_PYTHON
elif [ -x "$REPO/.venv/bin/python" ]; then PY=$REPO/.venv/bin/python
else PY=python3; fi
[ -x "$GSEL" ] || swift build -c release --product gsel
[ -x /usr/bin/time ] || { echo "$(basename "$0"): /usr/bin/time is required (Debian package 'time')" >&2; exit 1; }
mkdir -p bench-data

# measure NAME CMD...: runs CMD once (stdout discarded, stderr kept in bench-data/NAME.log)
# and sets WALL (seconds), CPU (user + system seconds, less sensitive to other load on a
# shared machine) and RSS_MB (peak resident set size) from GNU time.
measure() {
    local name=$1; shift
    /usr/bin/time -f '%e %M %U %S' -o "bench-data/$name.time" "$@" > /dev/null 2> "bench-data/$name.log" || {
        echo "$(basename "$0"): '$*' failed; see bench-data/$name.log" >&2; tail -5 "bench-data/$name.log" >&2; exit 1; }
    local user system
    read -r WALL RSS_KB user system < <(tail -1 "bench-data/$name.time")
    CPU=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')
}

# best_of N NAME CMD...: the run with the smallest wall time of N (WALL, RSS_MB of that run).
best_of() {
    local n=$1 name=$2; shift 2
    local best_wall="" best_rss=""
    for _ in $(seq "$n"); do
        measure "$name" "$@"
        if [ -z "$best_wall" ] || awk -v a="$WALL" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$WALL; best_rss=$RSS_MB
        fi
    done
    WALL=$best_wall; RSS_MB=$best_rss
}

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# verdict VALUE OP LIMIT: "ok" or "MISSED" for VALUE <= or >= LIMIT.
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=" ? v <= l : v >= l); print (ok ? "ok" : "MISSED") }'; }

# json_number FILE KEY: the first numeric value of "KEY": in a JSON file (run.json timings).
json_number() { sed -n "s/.*\"$2\": *\(-\{0,1\}[0-9][0-9.eE+-]*\).*/\1/p" "$1" | head -1; }

# machine: one line describing the machine and its current load.
machine() { echo "$(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), load average $(cut -d' ' -f1-3 /proc/loadavg)"; }

# fashion_mnist_data: makes sure bench-data/fashion-mnist holds train.h5 (/X 60000 x 784 float32
# in [0, 1], /sample_ids, /feature_ids px000..px783), train_labels.tsv (sample_id, label) and
# data.npz, built from Debian's dataset-fashion-mnist (apt-get download, no root needed;
# FASHION_MNIST_DIR=<dir with the *-idx*-ubyte.gz files> uses a local copy). Sets FM_DIR.
fashion_mnist_data() {
    FM_DIR=bench-data/fashion-mnist
    local idx=${FASHION_MNIST_DIR:-$FM_DIR/deb/usr/share/datasets/fashion-mnist}
    if [ ! -s "$idx/train-images-idx3-ubyte.gz" ]; then
        echo "downloading dataset-fashion-mnist ..." >&2
        mkdir -p "$FM_DIR/deb"
        (cd "$FM_DIR/deb" && apt-get download dataset-fashion-mnist > /dev/null 2>&1 && dpkg-deb -x dataset-fashion-mnist_*.deb .) || {
            echo "$(basename "$0"): apt-get download dataset-fashion-mnist failed; set FASHION_MNIST_DIR" >&2; exit 1; }
    fi
    if [ ! -s "$FM_DIR/train.h5" ]; then
        echo "converting to $FM_DIR/train.h5 ..." >&2
        "$PY" Benchmarks/fashion_mnist.py prepare "$idx" "$FM_DIR"
    fi
}
