#!/usr/bin/env nextflow
/*
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    gsel: stability selection scattered over complementary pairs
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    pairs 1..repeats -> GSEL_REPEAT (one task each) -> collect -> GSEL_AGGREGATE
    -> ranking.tsv, report.html, run.json in --outdir (ranking byte-identical to
    `gsel select` with the same flags and seed on one machine).
    With --chunks N (N >= 2, genome-chunk scatter): chunks x pairs -> GSEL_REPEAT ->
    GSEL_AGGREGATE per chunk (--outdir/chunks/chunk-<i>) -> GSEL_TOURNAMENT on the
    union of the chunks' winners -> --outdir (byte-identical to `gsel select --chunks N`).

    nextflow run Workflows/nextflow --input expr.h5ad --labels labels.tsv --k 50 -profile docker
----------------------------------------------------------------------------------------
*/

include { GSEL_REPEAT    } from './modules/local/gsel/main'
include { GSEL_AGGREGATE } from './modules/local/gsel/main'
include { GSEL_TOURNAMENT } from './modules/local/gsel/main'

workflow {

    main:
    if (!params.input) {
        error "Missing --input: the expression matrix or genotypes to select from."
    }
    if (!(params.repeats instanceof Integer) || params.repeats < 1) {
        error "--repeats must be a whole number >= 1 (one task per complementary pair), got '${params.repeats}'."
    }
    if (!(params.chunks instanceof Integer) || params.chunks < 0) {
        error "--chunks must be a whole number >= 0 (0 or 1: no genome chunks), got '${params.chunks}'."
    }
    if (!params.labels && !params.label_col) {
        error "Give --labels FILE (with --label_col NAME or auto-detection) or --label_col NAME, the label key inside --input."
    }

    def meta   = [ id: file(params.input).simpleName ]
    def matrix = file(params.input, checkIfExists: true)
    def labels = params.labels ? file(params.labels, checkIfExists: true) : []
    def groups = params.groups ? file(params.groups, checkIfExists: true) : []
    def covariates = params.covariates ? file(params.covariates, checkIfExists: true) : []

    // Scatter: one GSEL_REPEAT task per complementary pair (per chunk and pair with --chunks).
    def chunked = params.chunks > 1
    ch_chunks = chunked ? channel.of(1..params.chunks) : channel.of(0)
    ch_pairs = ch_chunks
        .combine(channel.of(1..params.repeats))
        .map { chunk, pair ->
            def m = chunked ? meta + [ chunk: chunk, chunks: params.chunks ] : meta
            [ m, matrix, labels, groups, covariates, pair ]
        }
    GSEL_REPEAT(ch_pairs)

    // Gather: all pair folders of the dataset (of each chunk), in a stable order (for -resume).
    ch_fits = GSEL_REPEAT.out.fits
        .groupTuple(size: params.repeats)
        .map { m, dirs -> [ m, dirs.sort { dir -> dir.name }, matrix, labels, groups, covariates ] }
    GSEL_AGGREGATE(ch_fits)

    // Tournament: every chunk's winners.json, in chunk order, into one final selection.
    ch_winners = GSEL_AGGREGATE.out.winners
        .map { m, winners -> [ m.subMap('id'), m.chunk, winners ] }
        .groupTuple(size: chunked ? params.chunks : 1)
        .map { m, chunks, files ->
            def ordered = [ chunks, files ].transpose().sort { entry -> entry[0] }.collect { entry -> entry[1] }
            [ m, ordered, matrix, labels, groups, covariates ]
        }
    GSEL_TOURNAMENT(ch_winners)

    // One copy of each distinct versions.yml (every pair task writes the same one).
    GSEL_REPEAT.out.versions
        .mix(GSEL_AGGREGATE.out.versions, GSEL_TOURNAMENT.out.versions)
        .map { versions -> versions.text }
        .unique()
        .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
}
