#!/usr/bin/env nextflow
/*
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    gsel: stability selection scattered over complementary pairs
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    pairs 1..repeats -> GSEL_REPEAT (one task each) -> collect -> GSEL_AGGREGATE
    -> ranking.tsv, report.html, run.json in --outdir (ranking byte-identical to
    `gsel select` with the same flags and seed on one machine).

    nextflow run Workflows/nextflow --input expr.h5ad --labels labels.tsv --k 50 -profile docker
----------------------------------------------------------------------------------------
*/

include { GSEL_REPEAT    } from './modules/local/gsel/main'
include { GSEL_AGGREGATE } from './modules/local/gsel/main'

workflow {

    main:
    if (!params.input) {
        error "Missing --input: the expression matrix or genotypes to select from."
    }
    if (!(params.repeats instanceof Integer) || params.repeats < 1) {
        error "--repeats must be a whole number >= 1 (one task per complementary pair), got '${params.repeats}'."
    }
    if (!params.labels && !params.label_col) {
        error "Give --labels FILE (with --label_col NAME or auto-detection) or --label_col NAME, the label key inside --input."
    }

    def meta   = [ id: file(params.input).simpleName ]
    def matrix = file(params.input, checkIfExists: true)
    def labels = params.labels ? file(params.labels, checkIfExists: true) : []
    def groups = params.groups ? file(params.groups, checkIfExists: true) : []
    def covariates = params.covariates ? file(params.covariates, checkIfExists: true) : []

    // Scatter: one GSEL_REPEAT task per complementary pair.
    ch_pairs = channel.of(1..params.repeats).map { pair -> [ meta, matrix, labels, groups, covariates, pair ] }
    GSEL_REPEAT(ch_pairs)

    // Gather: all pair folders of the dataset, in a stable order (for -resume).
    ch_fits = GSEL_REPEAT.out.fits
        .groupTuple(size: params.repeats)
        .map { m, dirs -> [ m, dirs.sort { dir -> dir.name }, matrix, labels, groups, covariates ] }
    GSEL_AGGREGATE(ch_fits)

    // One copy of each distinct versions.yml (every pair task writes the same one).
    GSEL_REPEAT.out.versions
        .mix(GSEL_AGGREGATE.out.versions)
        .map { versions -> versions.text }
        .unique()
        .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", sort: true)
}
