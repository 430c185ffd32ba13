#!/usr/bin/env bash
# Genome-chunk scatter: what the chunked tournament (`--chunks N`: selection per chunk, then
# the same selection on the union of the chunks' top k) loses against one whole-genome run,
# on planted genotype-like data (Benchmarks/make_planted_chunks.py: 12 linear drivers spread
# over 10 chromosomes, near-duplicates of two drivers in the same and in another chromosome,
# a synergy pair split across chromosomes 3 and 8). 10 chunks of 5,000 variants = the 10
# chromosomes. Reports, per gsel seed: linear drivers in the top k, what became of the
# duplicates and the pair, held-out AUROC / balanced accuracy at k, wall time and peak RSS;
# for the chunked run also the slowest chunk and the tournament (the critical path of a
# scattered run with one job per chunk).
#   SAMPLES=800 FEATURES=50000 CHUNKS=10 K=20 REPEATS=50 SEEDS="1 2 3" THREADS=2 bash Benchmarks/chunked_tournament.sh
source "$(dirname "$0")/lib.sh"

SAMPLES=${SAMPLES:-800}
FEATURES=${FEATURES:-50000}
CHUNKS=${CHUNKS:-10}
K=${K:-20}
REPEATS=${REPEATS:-50}
SEEDS=${SEEDS:-1 2 3}
BASE=bench-data/planted_chunks_${SAMPLES}x${FEATURES}
if [ ! -s "$BASE.truth.tsv" ]; then
    echo "writing $BASE.vcf.gz ..." >&2
    "$PY" Benchmarks/make_planted_chunks.py "$SAMPLES" "$FEATURES" "$BASE"
fi

# summary OUT_DIR: drivers found, duplicates, synergy pair and held-out metrics of one run.
summary() {
    "$PY" - "$BASE.truth.tsv" "$1" "$K" <<'PY'
import csv, glob, json, os, sys
truth_path, out, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
truth = list(csv.DictReader(open(truth_path), delimiter="\t"))
ranked = [r["feature_id"] for r in csv.DictReader(open(os.path.join(out, "ranking.tsv")), delimiter="\t")][:k]
linear = [t["feature_id"] for t in truth if t["role"] == "linear"]
found = sum(f in ranked for f in linear)
dups = []
for t in truth:
    if t["role"].startswith("duplicate_of_"):
        pair = [t["role"][len("duplicate_of_"):], t["feature_id"]]
        n = sum(f in ranked for f in pair)
        dups.append("both" if n == 2 else "one" if n == 1 else "none")
syn = {t["role"][-1]: t["feature_id"] for t in truth if t["role"].startswith("synergy_")}
pair = "+".join(s for s in "ab" if syn[s] in ranked) or "none"
# Candidates that reached the tournament (chunked runs only).
winners = set()
for w in glob.glob(os.path.join(out, "chunks", "chunk-*", "winners.json")):
    winners |= set(json.load(open(w))["winners"])
reached = ("" if not winners else
           " | tournament got %d/%d drivers, pair %s" % (sum(f in winners for f in linear), len(linear),
                                                        "+".join(s for s in "ab" if syn[s] in winners) or "none"))
metrics = {r["method"] + str(r["k"]): r for r in csv.DictReader(open(os.path.join(out, "evaluation.tsv")), delimiter="\t")}
m = metrics.get(f"gsel-sa{k}", {})
print(f"drivers {found}/{len(linear)} | duplicates same/other chunk: {dups[0]}/{dups[1]} | synergy pair: {pair}"
      f" | held-out AUROC {m.get('auroc')} balanced accuracy {m.get('balanced_accuracy')}{reached}")
PY
}

# slowest_chunk OUT_DIR: the largest load + selection + aggregation time of one chunk (run.json).
slowest_chunk() {
    for j in "$1"/chunks/chunk-*/run.json; do
        "$PY" -c 'import json, sys; print(sum(json.load(open(sys.argv[1]))["timings_seconds"].values()))' "$j"
    done | sort -g | tail -1
}

echo "input: $BASE.vcf.gz ($(du -h "$BASE.vcf.gz" | cut -f1), $SAMPLES samples x $FEATURES variants, planted: $(tail -n +2 "$BASE.truth.tsv" | wc -l))"
echo "machine: $(machine)"
echo "settings: --k $K --repeats $REPEATS, default SA, --threads $THREADS; chunked: --chunks $CHUNKS"
args=(--input "$BASE.vcf.gz" --labels "$BASE.labels.tsv" --label-col label --k "$K" --repeats "$REPEATS" --threads "$THREADS")
for seed in $SEEDS; do
    measure chunks_whole_$seed "$GSEL" select "${args[@]}" --seed "$seed" --out "$BASE.whole-$seed"
    echo "seed $seed whole genome : $(summary "$BASE.whole-$seed") | ${WALL} s, ${RSS_MB} MB"
    measure chunks_chunked_$seed "$GSEL" select "${args[@]}" --seed "$seed" --chunks "$CHUNKS" --out "$BASE.chunked-$seed"
    tournament=$("$PY" -c 'import json, sys; print(round(sum(json.load(open(sys.argv[1]))["timings_seconds"].values()), 1))' "$BASE.chunked-$seed/run.json")
    echo "seed $seed $CHUNKS chunks    : $(summary "$BASE.chunked-$seed") | ${WALL} s, ${RSS_MB} MB (slowest chunk $(slowest_chunk "$BASE.chunked-$seed") s, tournament $tournament s)"
done
