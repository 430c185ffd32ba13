#!/usr/bin/env bash
# Default runs at scale (issue "Scale"): each workload runs `gsel` as a user types it (default
# flags: --repeats auto, 10 to 100 complementary pairs, 20 % held out and evaluated) next to the tool a
# user would run instead, on the same data, and prints wall time, peak RSS and the target.
#   WORKLOADS="bulk22k vcf125k" THREADS=2 bash Benchmarks/default_runs.sh
# Workloads (default: all but vcf500k and h5ad100k, which take long):
#   golub     the demo: Golub 38 x 3,051 TSV.gz, k = 20        peers: f_classif, L1-logistic path
#   fmnist    Fashion-MNIST 60k x 784 plain HDF5, k = 50      peer: SelectKBest(f_classif)
#   bulk22k   synthetic expression 57 x 22,000 TSV.gz, k = 20  peer: SelectKBest(f_classif)
#   bulk12k   synthetic expression 111 x 12,625 TSV.gz, k = 20 (the mid-size cohort: below the old
#             screen threshold every fit trained on all genes)  peers: f_classif, L1-logistic path
#   vcf125k   hs1940 tiled to 125,000 variants x 503 samples, k = 50, pheno4   peer: plink2 --glm
#   vcf500k   the same tiled to 500,000 variants                              peer: plink2 --glm
#   h5ad100k  100,000 cells x 20,000 genes CSR h5ad, 5 % nonzero, k = 50       peer: f_classif on CSR
#   growth    one fit (--repeats 0) at 3 sizes: VCF 62.5k/125k/250k variants; time per variant
#   growth_sparse  one fit (--repeats 0) on 100,000 x 20,000 CSR h5ad at 1.25/2.5/5 % nonzero (time vs stored values)
source "$(dirname "$0")/lib.sh"

WORKLOADS=${WORKLOADS:-golub fmnist bulk12k bulk22k vcf125k growth}
command -v plink2 > /dev/null || echo "default_runs.sh: plink2 (Debian package plink2) not found; the VCF peers are skipped" >&2
echo "machine: $(machine)"
row() { printf '%-12s %-44s %9s %9s   %s\n' "$@"; }
row workload command wall_s rss_MB note

# gsel_run NAME OUT ARGS...: a default gsel run; prints its row with the run.json split.
gsel_run() {
    local name=$1 out=$2; shift 2
    measure "default_$name" "$GSEL" "$@" --threads "$THREADS" --out "$out" --quiet
    row "$name" "gsel (default run)" "$WALL" "$RSS_MB" \
        "load $(json_number "$out/run.json" load) s, fits $(json_number "$out/run.json" selection) s, aggregation+evaluation $(json_number "$out/run.json" 'aggregation and evaluation') s"
    GSEL_WALL=$WALL GSEL_RSS=$RSS_MB
}

# ftest NAME MATRIX LABELS K: SelectKBest(f_classif) on the same table, in one python process.
ftest() {
    local name=$1
    measure "peer_$name" "$PY" -c 'import sys, time, numpy as np, pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
t = time.perf_counter()
x = pd.read_csv(sys.argv[1], sep="\t", index_col=0)
y = pd.read_csv(sys.argv[2], sep="\t", index_col=0).iloc[:, 0].loc[x.index]
SelectKBest(f_classif, k=int(sys.argv[3])).fit(x.to_numpy(np.float32), y.to_numpy())
print(f"{time.perf_counter() - t:.2f}", file=sys.stderr)' "$2" "$3" "$4"
    row "$name" "SelectKBest(f_classif) incl. reading" "$WALL" "$RSS_MB" "ratio gsel/peer $(ratio "$GSEL_WALL" "$WALL")"
}

# l1path NAME MATRIX LABELS K: the L1-logistic path (smallest C on a 5 % grid from l1_min_c with at
# least K nonzero coefficients), the joint linear selector a user would run instead.
l1path() {
    local name=$1
    measure "peer_l1_$name" "$PY" -c 'import sys, numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.svm import l1_min_c
x = pd.read_csv(sys.argv[1], sep="\t", index_col=0)
y = pd.read_csv(sys.argv[2], sep="\t", index_col=0).iloc[:, 0].loc[x.index].to_numpy()
x = StandardScaler().fit_transform(x.to_numpy(np.float32))
k, c = int(sys.argv[3]), l1_min_c(x, y, loss="log")
while np.count_nonzero(LogisticRegression(l1_ratio=1, C=c, solver="liblinear").fit(x, y).coef_) < k:
    c *= 1.05' "$2" "$3" "$4"
    row "$name" "L1-logistic path (liblinear) incl. reading" "$WALL" "$RSS_MB" "ratio gsel/peer $(ratio "$GSEL_WALL" "$WALL")"
}

# tiled_vcf RECORDS: bench-data/hs1940_tiled_RECORDSx503.vcf.gz (the real hs1940 genotypes tiled).
tiled_vcf() {
    local data=bench-data/hs1940_tiled_$1x503.vcf.gz
    if [ ! -s "$data" ]; then
        echo "writing $data ..." >&2
        python3 Benchmarks/make_tiled_vcf.py TestData/hs1940/hs1940_mouse.vcf.gz "$1" 503 | bgzip -@ "$THREADS" -c > "$data.tmp"
        mv "$data.tmp" "$data"
    fi
    echo "$data"
}

# plink_glm NAME VCF: plink2 --glm on the same VCF and binary phenotype (pheno4).
plink_glm() {
    command -v plink2 > /dev/null || return 0
    local pheno=bench-data/hs1940.pheno4.plink.tsv
    awk -F'\t' 'NR == 1 { print "#IID\tpheno4"; next } { v = $5; if (v == "NA") v = "NA"; else v = v + 1; print $1 "\t" v }' \
        TestData/hs1940/hs1940_mouse.pheno.tsv > "$pheno"
    measure "peer_$1" plink2 --vcf "$2" --pheno "$pheno" --glm allow-no-covars --allow-extra-chr --threads "$THREADS" --out "bench-data/plink_$1"
    row "$1" "plink2 --vcf --glm (import + test)" "$WALL" "$RSS_MB" "ratio gsel/peer $(ratio "$GSEL_WALL" "$WALL")"
}

for w in $WORKLOADS; do
    case $w in
    fmnist)
        DIR=bench-data/fashion-mnist
        [ -s "$DIR/train.h5" ] || { echo "run Benchmarks/fashion_mnist.sh once to prepare $DIR/train.h5" >&2; continue; }
        gsel_run fmnist "$DIR/out-default" --input "$DIR/train.h5" --dataset /X --sample-ids /sample_ids \
            --feature-ids /feature_ids --labels "$DIR/train_labels.tsv" --label-col label --k 50
        row fmnist "" "" "" "target: <= 20 s $(verdict "$GSEL_WALL" '<=' 20)"
        ;;
    golub)
        # The demo (scripts/demo.sh) as users type it: Golub 38 x 3,051, k = 20.
        gsel_run golub bench-data/golub.out-default --input TestData/golub/golub.expr.tsv.gz \
            --labels TestData/golub/golub.labels.tsv --label-col label --k 20
        ftest golub TestData/golub/golub.expr.tsv.gz TestData/golub/golub.labels.tsv 20
        l1path golub TestData/golub/golub.expr.tsv.gz TestData/golub/golub.labels.tsv 20
        row golub "" "" "" "target: <= 10 s $(verdict "$GSEL_WALL" '<=' 10)"
        ;;
    bulk22k)
        BASE=bench-data/synthetic_57x22000
        [ -s "$BASE.tsv.gz" ] || "$PY" Benchmarks/make_synthetic.py 57 22000 "$BASE"
        gsel_run bulk22k "$BASE.out-default" --input "$BASE.tsv.gz" --labels "$BASE.labels.tsv" --label-col label --k 20
        ftest bulk22k "$BASE.tsv.gz" "$BASE.labels.tsv" 20
        row bulk22k "" "" "" "target: <= 60 s $(verdict "$GSEL_WALL" '<=' 60)"
        ;;
    bulk12k)
        BASE=bench-data/synthetic_111x12625
        [ -s "$BASE.tsv.gz" ] || "$PY" Benchmarks/make_synthetic.py 111 12625 "$BASE"
        gsel_run bulk12k "$BASE.out-default" --input "$BASE.tsv.gz" --labels "$BASE.labels.tsv" --label-col label --k 20
        ftest bulk12k "$BASE.tsv.gz" "$BASE.labels.tsv" 20
        l1path bulk12k "$BASE.tsv.gz" "$BASE.labels.tsv" 20
        row bulk12k "" "" "" "target: <= 30 s $(verdict "$GSEL_WALL" '<=' 30)"
        ;;
    vcf125k|vcf500k)
        records=$([ "$w" = vcf125k ] && echo 125000 || echo 500000)
        limit=$([ "$w" = vcf125k ] && echo 600 || echo 2400)
        data=$(tiled_vcf "$records")
        gsel_run "$w" "bench-data/$w.out-default" --input "$data" --labels TestData/hs1940/hs1940_mouse.pheno.tsv \
            --label-col pheno4 --k 50
        plink_glm "$w" "$data"
        row "$w" "" "" "" "target: <= $limit s $(verdict "$GSEL_WALL" '<=' "$limit"), peak RSS <= 1536 MB $(verdict "$GSEL_RSS" '<=' 1536)"
        ;;
    h5ad100k)
        DATA=bench-data/sparse_100000x20000_0.05.h5ad
        [ -s "$DATA" ] || "$PY" Benchmarks/make_sparse_h5ad.py 100000 20000 0.05 "$DATA"
        gsel_run h5ad100k bench-data/h5ad100k.out-default --input "$DATA" --label-key cell_type --k 50
        measure peer_h5ad100k "$PY" -c 'import sys, anndata
from sklearn.feature_selection import SelectKBest, f_classif
a = anndata.read_h5ad(sys.argv[1]); SelectKBest(f_classif, k=50).fit(a.X, a.obs["cell_type"].to_numpy())' "$DATA"
        row h5ad100k "anndata.read_h5ad + f_classif (CSR)" "$WALL" "$RSS_MB" "ratio gsel/peer $(ratio "$GSEL_WALL" "$WALL")"
        row h5ad100k "" "" "" "target: <= 1800 s $(verdict "$GSEL_WALL" '<=' 1800)"
        ;;
    growth)
        for records in 62500 125000 250000; do
            data=$(tiled_vcf "$records")
            out=bench-data/growth_$records
            measure "growth_$records" "$GSEL" --input "$data" --labels TestData/hs1940/hs1940_mouse.pheno.tsv \
                --label-col pheno4 --k 50 --repeats 0 --threads 1 --out "$out" --quiet
            fit=$(json_number "$out/run.json" selection)
            row growth "one fit, $records variants, --threads 1" "$WALL" "$RSS_MB" \
                "fit $fit s = $(awk -v t="$fit" -v p="$records" 'BEGIN { printf "%.1f", t / p * 1e6 }') us per variant"
        done
        ;;
    growth_sparse)
        for density in 0.0125 0.025 0.05; do
            DATA=bench-data/sparse_100000x20000_$density.h5ad
            [ -s "$DATA" ] || "$PY" Benchmarks/make_sparse_h5ad.py 100000 20000 "$density" "$DATA"
            out=bench-data/growth_sparse_$density
            measure "growth_sparse_$density" "$GSEL" --input "$DATA" --label-key cell_type --k 50 --repeats 0 \
                --threads 1 --out "$out" --quiet
            fit=$(json_number "$out/run.json" selection)
            row growth_sparse "one fit, $density nonzero, --threads 1" "$WALL" "$RSS_MB" \
                "fit $fit s, $(awk -v d="$density" 'BEGIN { printf "%.0f", d * 2e3 }')M stored values (train on 80 %)"
        done
        ;;
    *) echo "default_runs.sh: unknown workload $w" >&2; exit 1 ;;
    esac
done
