#!/usr/bin/env bash
# Fashion-MNIST, the Sequential Attention paper's benchmark: gsel selects 50 of 784 pixels on
# the 60k training images (one fit, no validation split); an MLP refit on the selected pixels
# is scored on the official 10k test set, next to two baselines on the same split
# (SelectKBest(f_classif), L1 logistic regression) and all pixels.
# gsel runs once per seed of SEEDS (default 1 2 3: one seed's accuracy varies by about
# +-0.005); timings, RSS and the --threads determinism check are of the first seed.
# Targets (2 cores): selection <= 20 s wall, peak RSS < 2 GB, mean refit accuracy >= 0.84.
#   THREADS=2 SEEDS="1 2 3" bash Benchmarks/fashion_mnist.sh
# The dataset comes from Debian's dataset-fashion-mnist package (apt-get download, no root
# needed); FASHION_MNIST_DIR=<dir with the *-idx*-ubyte.gz files> uses a local copy instead.
source "$(dirname "$0")/lib.sh"

fashion_mnist_data
DIR=$FM_DIR

SEEDS=${SEEDS:-1 2 3}
read -r -a seeds <<< "$SEEDS"
select_args=(--input "$DIR/train.h5" --dataset /X --sample-ids /sample_ids --feature-ids /feature_ids
             --labels "$DIR/train_labels.tsv" --label-col label
             --method sa --k 50 --repeats 0 --validation-fraction 0)
echo "machine: $(machine)"
echo "gsel ${select_args[*]} --seed S --threads $THREADS   (S in ${seeds[*]})"
runs=()
for seed in "${seeds[@]}"; do
    measure "fmnist_select_seed$seed" "$GSEL" "${select_args[@]}" --seed "$seed" --threads "$THREADS" --out "$DIR/out-seed$seed"
    runs+=("$seed" "$WALL" "$RSS_MB" "$DIR/out-seed$seed/ranking.tsv")
done
first=$DIR/out-seed${seeds[0]}
wall=${runs[1]} rss=${runs[2]}
measure fmnist_select_t1 "$GSEL" "${select_args[@]}" --seed "${seeds[0]}" --threads 1 --out "$DIR/out-threads1"
identical=$(cmp -s "$first/ranking.tsv" "$DIR/out-threads1/ranking.tsv" && echo yes || echo NO)
echo "seed ${seeds[0]}: load (incl. SHA-256) $(json_number "$first/run.json" load) s, selection $(json_number "$first/run.json" selection) s (run.json); --threads 1: $WALL s wall"
echo "ranking.tsv byte-identical for --threads $THREADS and 1: $identical"
echo
echo "refitting MLPs (a few minutes) ..." >&2
table=$("$PY" Benchmarks/fashion_mnist.py evaluate "$DIR" "${runs[@]}")
echo "$table"
accuracy=$(echo "$table" | awk '/^gsel/ { a = $NF } END { print a }')
echo
echo "targets: selection ${wall} s <= 20 s: $(verdict "$wall" '<=' 20); peak RSS ${rss} MB < 2048 MB: $(verdict "$rss" '<=' 2047);" \
     "refit accuracy (mean over seeds) ${accuracy} >= 0.84: $(verdict "$accuracy" '>=' 0.84)"
