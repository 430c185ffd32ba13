# Rules of the genome-chunk scatter (included by the Snakefile when config `chunks` is 2
# or more): one `gsel repeat` job per chunk and pair, one `gsel aggregate` per chunk
# (its ranking and winners.json), and the tournament: `gsel aggregate --tournament`
# runs the same selection on the union of the chunks' winners. The ranking is
# byte-identical to `gsel select --chunks N` with the same flags on one machine.


# Scatter: complementary pair {pair} of chunk {chunk}: two fits over the chunk's features.
rule gsel_repeat:
    input:
        unpack(gsel_inputs),
    output:
        fit_a=os.path.join(CHUNK_PAIR_DIR, "fit-{pair}-a.tsv"),
        fit_b=os.path.join(CHUNK_PAIR_DIR, "fit-{pair}-b.tsv"),
    log:
        os.path.join(LOG_DIR, "gsel_repeat", "chunk-{chunk}-pair-{pair}.log"),
    benchmark:
        os.path.join(BENCH_DIR, "gsel_repeat", "chunk-{chunk}-pair-{pair}.tsv")
    params:
        gsel=gsel_executable,
        labels=label_args,
        groups=group_args,
        covariates=covariate_args,
        selection=selection_args(),
        chunks=CHUNKS,
        out=lambda wildcards, output: os.path.dirname(output.fit_a),
    threads: config["repeat_threads"]
    resources:
        mem_mb=scaled("repeat", "mem_mb"),
        runtime=scaled("repeat", "runtime"),
    container:
        config["container"]
    shell:
        "{params.gsel:q} repeat --chunk {wildcards.chunk} --chunks {params.chunks} --pair {wildcards.pair}"
        " --input {input.matrix:q} {params.labels} {params.groups} {params.covariates} {params.selection}"
        " --threads {threads} --out {params.out:q} 2> {log:q}"


# Gather one chunk: its ranking, report and winners.json (the tournament's candidates).
rule gsel_aggregate:
    input:
        unpack(gsel_inputs),
        fits=lambda wildcards: [fit for pair in PAIRS for fit in pair_fits(pair, wildcards.chunk)],
    output:
        ranking=os.path.join(CHUNK_DIR, "ranking.tsv"),
        winners=os.path.join(CHUNK_DIR, "winners.json"),
        report=os.path.join(CHUNK_DIR, "report.html"),
        run_json=os.path.join(CHUNK_DIR, "run.json"),
    log:
        os.path.join(LOG_DIR, "gsel_aggregate", "chunk-{chunk}.log"),
    benchmark:
        os.path.join(BENCH_DIR, "gsel_aggregate", "chunk-{chunk}.tsv")
    params:
        gsel=gsel_executable,
        pair_dirs=pair_dirs,
        k=config["top_k"],
        out=lambda wildcards, output: os.path.dirname(output.ranking),
    threads: config["aggregate_threads"]
    resources:
        mem_mb=scaled("aggregate", "mem_mb"),
        runtime=scaled("aggregate", "runtime"),
    container:
        config["container"]
    shell:
        "{params.gsel:q} aggregate {params.pair_dirs:q} --k {params.k}"
        " --out {params.out:q} 2> {log:q}"


# The tournament: stability selection on the union of every chunk's winners.
rule gsel_tournament:
    input:
        unpack(gsel_inputs),
        winners=expand(os.path.join(CHUNK_DIR, "winners.json"), chunk=CHUNK_LIST),
    output:
        ranking=os.path.join(OUTDIR, "ranking.tsv"),
        report=os.path.join(OUTDIR, "report.html"),
        run_json=os.path.join(OUTDIR, "run.json"),
    log:
        os.path.join(LOG_DIR, "gsel_tournament.log"),
    benchmark:
        os.path.join(BENCH_DIR, "gsel_tournament.tsv")
    params:
        gsel=gsel_executable,
        chunk_dirs=lambda wildcards, input: [os.path.dirname(path) for path in input.winners],
        k=config["top_k"],
        out=lambda wildcards, output: os.path.dirname(output.ranking),
    threads: config["aggregate_threads"]
    resources:
        mem_mb=scaled("aggregate", "mem_mb"),
        runtime=scaled("aggregate", "runtime"),
    container:
        config["container"]
    shell:
        "{params.gsel:q} aggregate --tournament {params.chunk_dirs:q} --k {params.k}"
        " --threads {threads} --out {params.out:q} 2> {log:q}"
