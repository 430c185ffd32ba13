#!/usr/bin/env bash
# Fuzzes gsel's readers with libFuzzer (swiftc -sanitize=fuzzer,address). See docs/fuzzing.md.
#
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]
#       TARGET   tsv | vcf | h5ad | h5 | labels | all (all: each target for SECONDS)
#       SECONDS  how long to fuzz (default 300)
#   scripts/fuzz.sh build            only build .build/fuzz/gsel-fuzz
#   scripts/fuzz.sh replay TARGET FILE...   run the harness once on each FILE (a finding)
#   scripts/fuzz.sh triage           run the release gsel on every finding and flag those
#                                    that do not end in one clean error within 30 s
#
# The harness is built from the GSelIO sources and Fuzz/ReaderFuzzTarget.swift, outside
# SwiftPM. The corpus grows in .build/fuzz/corpus/TARGET (seeded from Fuzz/seeds and
# TestData); crashes, hangs and out-of-memory inputs land in .build/fuzz/findings/.
# Leak detection is off: libhdf5 leaks a little on its error paths, and gsel exits after one.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=.build/fuzz
BIN=$OUT/gsel-fuzz
TARGETS=(tsv vcf h5ad h5 labels)

build() {
    mkdir -p "$OUT"
    local sources
    sources=$(find Sources/GSelIO -name '*.swift' | sort)
    local include_flags=() link_flags=()
    for flag in $(pkg-config --cflags-only-I hdf5 zlib); do include_flags+=(-Xcc "$flag"); done
    for flag in $(pkg-config --libs-only-L hdf5 zlib); do link_flags+=("$flag"); done
    echo "building $BIN" >&2
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name GSelIOFuzz \
        -I Sources/CHDF5 -I Sources/CZlib "${include_flags[@]}" "${link_flags[@]}" \
        $sources Fuzz/ReaderFuzzTarget.swift -o "$BIN" 2> >(grep -v "Cannot export local symbol" >&2)
}

# Seed files of TARGET, copied into a fresh directory (the committed seeds stay untouched).
seeds() {
    local target=$1 dir=$OUT/seeds/$1
    rm -rf "$dir"; mkdir -p "$dir"
    case $target in
        tsv)  cp Fuzz/seeds/tsv/* "$dir"/
              cp TestData/h5/*.expected.tsv TestData/hostile/*.tsv "$dir"/ ;;
        vcf)  cp Fuzz/seeds/vcf/* TestData/hostile/vcf_bom.vcf TestData/hostile/vcf_bad_bsize.vcf.gz "$dir"/ ;;
        h5ad) cp TestData/h5/*.h5ad TestData/hostile/*.h5ad "$dir"/ ;;
        h5)   cp TestData/h5/*.h5 TestData/h5/*.loom TestData/hostile/*.loom TestData/hostile/*.h5 "$dir"/ ;;
        labels) cp TestData/hostile/*.labels.tsv TestData/golub/golub.labels.tsv TestData/hs1940/hs1940_mouse.pheno.tsv "$dir"/ ;;
    esac
    echo "$dir"
}

fuzz() {
    local target=$1 seconds=$2; shift 2
    mkdir -p "$OUT/corpus/$target" "$OUT/findings"
    local seed_dir
    seed_dir=$(seeds "$target")
    echo "fuzzing $target for $seconds s" >&2
    # allocator_may_return_null: an impossible request (libhdf5 sizing a buffer from a damaged
    # field) fails as it does with glibc, where libhdf5 turns it into an error, instead of
    # aborting under ASan; -malloc_limit_mb still reports any allocation over 2 GB.
    # Fuzz/asan.supp: libhdf5's own over-reads on damaged object headers (see the file).
    ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=0:suppressions=Fuzz/asan.supp:${ASAN_OPTIONS:-} \
    GSEL_FUZZ_TARGET=$target nice "$BIN" "$OUT/corpus/$target" "$seed_dir" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -max_len=65536 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$OUT/findings/$target-" "$@"
}

# Runs the release gsel (`gsel export`, as a user would load the file) on every finding:
# OK when it ends within 30 s with status 1 and one "gsel: error:" line (libhdf5 crashes and
# loops that gsel's crash guard and watchdog stop count as handled; ASan flags them anyway).
triage() {
    local gsel=.build/release/gsel status=0 dir
    [ -x "$gsel" ] || swift build -c release
    dir=$(mktemp -d)
    for finding in "$OUT"/findings/*; do
        [ -f "$finding" ] || continue
        local name target ext args=()
        name=$(basename "$finding"); target=${name%%-*}
        case $target in
            tsv) ext=tsv ;; vcf) ext=vcf ;; h5ad) ext=h5ad ;; h5) ext=h5; args=(--dataset /X) ;;
            *) echo "skip     $name (label files need a matrix: replay it)"; continue ;;
        esac
        cp "$finding" "$dir/input.$ext"
        local output rc=0
        output=$( (ulimit -v 4194304; timeout 30 "$gsel" export --input "$dir/input.$ext" "${args[@]}" --out /dev/null) 2>&1 ) || rc=$?
        if [ $rc -eq 1 ] && [ "$(grep -c '^gsel: error: ' <<< "$output")" -eq 1 ]; then
            echo "handled  $name: $(grep '^gsel: error: ' <<< "$output" | sed "s|$dir/||" | cut -c14-170)"
        elif [ $rc -eq 0 ]; then
            echo "loads    $name"
        else
            echo "FINDING  $name: exit $rc: $(tail -2 <<< "$output" | tr '\n' ' ' | cut -c1-200)"; status=1
        fi
    done
    rm -rf "$dir"
    return $status
}

case "${1:-}" in
    build) build ;;
    triage) triage ;;
    replay)
        [ $# -ge 3 ] || { echo "usage: $0 replay TARGET FILE..." >&2; exit 2; }
        target=$2; shift 2
        [ -x "$BIN" ] || build
        ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=0:suppressions=Fuzz/asan.supp GSEL_FUZZ_TARGET=$target "$BIN" -runs=1 -detect_leaks=0 "$@" ;;
    tsv|vcf|h5ad|h5|labels)
        target=$1; seconds=${2:-300}; shift; [ $# -gt 0 ] && shift
        build
        fuzz "$target" "$seconds" "$@" ;;
    all)
        seconds=${2:-300}; shift; [ $# -gt 0 ] && shift
        build
        status=0   # a finding in one target does not stop the others
        for target in "${TARGETS[@]}"; do fuzz "$target" "$seconds" "$@" || status=1; done
        exit $status ;;
    *)
        sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
