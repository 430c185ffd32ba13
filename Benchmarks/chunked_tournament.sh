#!/usr/bin/env bash
# Genome-chunk scatter: what the chunked tournament (`--chunks N`: selection per chunk, then
# the same selection on the union of the chunks' top k) loses against one whole-genome run,
# on planted genotype-like data (Benchmarks/make_planted_chunks.py: 12 linear drivers spread
# over 10 chromosomes, near-duplicates of two drivers in the same and in another chromosome,
# a synergy pair split across chromosomes 3 and 8 and one inside chromosome 5). 10 chunks of
# 5,000 variants = the 10 chromosomes. SETUPS lists method:phenotype runs: the default
# Sequential Attention on the case/control status, and OMP on the quantitative trait (where
# a pair member without marginal signal can only be found next to its partner). Reports, per
# setup and gsel seed: linear drivers in the top k, what became of the duplicates and the
# pairs (a+b = both members ranked), the held-out metric at k (AUROC for status, R² for
# trait), wall time and peak RSS; for the chunked run also what reached the tournament, the
# slowest chunk and the tournament's own time (the critical path of a scattered run).
# WINNERS=M passes --chunk-winners M (candidates per chunk; default k).
#   SETUPS="sa:status omp:trait" SEEDS="1 2 3" K=20 REPEATS=50 CHUNKS=10 WINNERS= THREADS=2 bash Benchmarks/chunked_tournament.sh
source "$(dirname "$0")/lib.sh"

SAMPLES=${SAMPLES:-800}
FEATURES=${FEATURES:-50000}
CHUNKS=${CHUNKS:-10}
K=${K:-20}
REPEATS=${REPEATS:-50}
SEEDS=${SEEDS:-1 2 3}
SETUPS=${SETUPS:-sa:status omp:trait}
WINNERS=${WINNERS:-}
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
        twins = [t["role"][len("duplicate_of_"):], t["feature_id"]]
        n = sum(f in ranked for f in twins)
        dups.append("both" if n == 2 else "one" if n == 1 else "none")
def pair(role, chosen):
    members = {t["role"][-1]: t["feature_id"] for t in truth if t["role"].startswith(role + "_")}
    return "+".join(s for s in "ab" if members[s] in chosen) or "none"
# Candidates that reached the tournament (chunked runs only).
winners = set()
for w in glob.glob(os.path.join(out, "chunks", "chunk-*", "winners.json")):
    winners |= set(json.load(open(w))["winners"])
reached = ("" if not winners else
           " | tournament got %d/%d drivers, split pair %s, chunk pair %s"
           % (sum(f in winners for f in linear), len(linear), pair("split_pair", winners), pair("chunk_pair", winners)))
metrics = {r["method"] + str(r["k"]): r for r in csv.DictReader(open(os.path.join(out, "evaluation.tsv")), delimiter="\t")}
m = next((r for r in metrics.values() if r["method"].startswith("gsel") and r["k"] == str(k)), {})
metric = f"AUROC {m.get('auroc')}" if m.get("auroc") not in (None, "NA") else f"R² {m.get('r2')}"
print(f"drivers {found}/{len(linear)} | duplicates same/other chunk: {dups[0]}/{dups[1]}"
      f" | split pair: {pair('split_pair', ranked)} | chunk pair: {pair('chunk_pair', ranked)}"
      f" | held-out {metric}{reached}")
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
echo "settings: --k $K --repeats $REPEATS --threads $THREADS; chunked: --chunks $CHUNKS${WINNERS:+ --chunk-winners $WINNERS}"
for setup in $SETUPS; do
    method=${setup%%:*} phenotype=${setup#*:}
    args=(--input "$BASE.vcf.gz" --labels "$BASE.labels.tsv" --label-col "$phenotype" --method "$method"
          --k "$K" --repeats "$REPEATS" --threads "$THREADS")
    for seed in $SEEDS; do
        out=$BASE.$method-$phenotype-$seed
        measure "chunks_${method}_whole_$seed" "$GSEL" select "${args[@]}" --seed "$seed" --out "$out.whole"
        echo "$method $phenotype seed $seed, whole genome: $(summary "$out.whole") | ${WALL} s, ${RSS_MB} MB"
        measure "chunks_${method}_chunked_$seed" "$GSEL" select "${args[@]}" --seed "$seed" --chunks "$CHUNKS" \
            ${WINNERS:+--chunk-winners "$WINNERS"} --out "$out.chunked"
        tournament=$("$PY" -c 'import json, sys; print(round(sum(json.load(open(sys.argv[1]))["timings_seconds"].values()), 1))' "$out.chunked/run.json")
        echo "$method $phenotype seed $seed, $CHUNKS chunks:   $(summary "$out.chunked") | ${WALL} s, ${RSS_MB} MB (slowest chunk $(slowest_chunk "$out.chunked") s, tournament $tournament s)"
    done
done
