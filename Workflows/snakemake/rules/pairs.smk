# Rules without genome chunks: one `gsel repeat` job per complementary pair and one
# `gsel aggregate` (included by the Snakefile when config `chunks` is 0 or 1).


# Scatter: complementary pair {pair} (1..repeats): two fits, one per half.
rule gsel_repeat:
    input:
        unpack(gsel_inputs),
    output:
        fit_a=os.path.join(PAIR_DIR, "fit-{pair}-a.tsv"),
        fit_b=os.path.join(PAIR_DIR, "fit-{pair}-b.tsv"),
    log:
        os.path.join(LOG_DIR, "gsel_repeat", "pair-{pair}.log"),
    benchmark:
        os.path.join(BENCH_DIR, "gsel_repeat", "pair-{pair}.tsv")
    params:
        gsel=gsel_executable,
        labels=label_args,
        groups=group_args,
        covariates=covariate_args,
        selection=selection_args(),
        out=lambda wildcards, output: os.path.dirname(output.fit_a),
    threads: config["repeat_threads"]
    resources:
        mem_mb=scaled("repeat", "mem_mb"),
        runtime=scaled("repeat", "runtime"),
    container:
        config["container"]
    shell:
        "{params.gsel:q} repeat --pair {wildcards.pair} --input {input.matrix:q}"
        " {params.labels} {params.groups} {params.covariates} {params.selection} --threads {threads}"
        " --out {params.out:q} 2> {log:q}"


# Gather: selection frequencies over all 2*repeats fits, ranking, report.
rule gsel_aggregate:
    input:
        unpack(gsel_inputs),
        fits=[fit for pair in PAIRS for fit in pair_fits(pair)],
    output:
        ranking=os.path.join(OUTDIR, "ranking.tsv"),
        report=os.path.join(OUTDIR, "report.html"),
        run_json=os.path.join(OUTDIR, "run.json"),
    log:
        os.path.join(LOG_DIR, "gsel_aggregate.log"),
    benchmark:
        os.path.join(BENCH_DIR, "gsel_aggregate.tsv")
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
