// gsel stability selection as processes: GSEL_REPEAT runs one complementary
// pair (scatter, one task per pair), GSEL_AGGREGATE gathers every pair's fits into
// ranking.tsv, report.html and run.json (byte-identical ranking to `gsel select`).
// Genome-chunk scatter: with meta.chunk and meta.chunks set, GSEL_REPEAT runs one pair
// of one chunk (--chunk/--chunks), GSEL_AGGREGATE gathers one chunk (and also emits its
// winners.json), and GSEL_TOURNAMENT runs the final selection on the union of every
// chunk's winners (byte-identical ranking to `gsel select --chunks N`).
// Flags every pair must share (--k, --repeats, --seed, --label-col, --covariate-cols, ...) come through
// task.ext.args; the gsel executable through task.ext.gsel (default `gsel` on PATH).

process GSEL_REPEAT {
    tag "${meta.id}${meta.chunk ? " chunk ${meta.chunk}" : ''} pair ${pair}"
    label 'process_medium'

    // Built from the repository's Dockerfile (no registry image, no conda package):
    // the pipeline sets params.container for -profile docker / singularity.
    container 'gsel:0.3.0'

    input:
    tuple val(meta), path(matrix), path(labels), path(groups), path(covariates), val(pair)

    output:
    tuple val(meta), path("*.pair${pair}", type: 'dir'), emit: fits
    path "versions.yml"                               , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: (meta.chunk ? "${meta.id}.chunk${meta.chunk}" : "${meta.id}")
    def gsel   = task.ext.gsel ?: 'gsel'
    def label_file = labels ? "--labels ${labels}" : ''
    def group_file = groups ? "--groups ${groups}" : ''
    def covariate_file = covariates ? "--covariates ${covariates}" : ''
    def chunk_args = meta.chunk ? "--chunk ${meta.chunk} --chunks ${meta.chunks}" : ''
    """
    ${gsel} repeat \\
        --pair ${pair} \\
        ${chunk_args} \\
        --input ${matrix} \\
        ${label_file} \\
        ${group_file} \\
        ${covariate_file} \\
        ${args} \\
        --threads ${task.cpus} \\
        --out ${prefix}.pair${pair}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: (meta.chunk ? "${meta.id}.chunk${meta.chunk}" : "${meta.id}")
    def gsel   = task.ext.gsel ?: 'gsel'
    """
    mkdir -p ${prefix}.pair${pair}
    touch ${prefix}.pair${pair}/fit-${pair}-a.tsv
    touch ${prefix}.pair${pair}/fit-${pair}-b.tsv

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """
}

process GSEL_AGGREGATE {
    tag "${meta.id}${meta.chunk ? " chunk ${meta.chunk}" : ''}"
    label 'process_low'

    // Built from the repository's Dockerfile (no registry image, no conda package):
    // the pipeline sets params.container for -profile docker / singularity.
    container 'gsel:0.3.0'

    // The input files again: the fits' manifest names them by the path GSEL_REPEAT saw,
    // which does not exist in this task's directory; gsel checks them by SHA-256.
    input:
    tuple val(meta), path(pairs, stageAs: 'pairs/*'), path(matrix), path(labels), path(groups), path(covariates)

    output:
    tuple val(meta), path("*/ranking.tsv"), emit: ranking
    tuple val(meta), path("*/report.html"), emit: report
    tuple val(meta), path("*/run.json")   , emit: json
    tuple val(meta), path("*/winners.json"), emit: winners, optional: true  // chunk runs only
    path "versions.yml"                   , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: (meta.chunk ? "${meta.id}.chunk${meta.chunk}" : "${meta.id}")
    def gsel   = task.ext.gsel ?: 'gsel'
    def label_file = labels ? "--labels ${labels}" : ''
    def group_file = groups ? "--groups ${groups}" : ''
    def covariate_file = covariates ? "--covariates ${covariates}" : ''
    """
    ${gsel} aggregate \\
        ${pairs} \\
        --input ${matrix} \\
        ${label_file} \\
        ${group_file} \\
        ${covariate_file} \\
        ${args} \\
        --out ${prefix}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: (meta.chunk ? "${meta.id}.chunk${meta.chunk}" : "${meta.id}")
    def gsel   = task.ext.gsel ?: 'gsel'
    def winners = meta.chunk ? "echo '{}' > ${prefix}/winners.json" : ''
    """
    mkdir -p ${prefix}
    printf 'rank\\tfeature_id\\n' > ${prefix}/ranking.tsv
    touch ${prefix}/report.html
    echo '{}' > ${prefix}/run.json
    ${winners}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """
}

process GSEL_TOURNAMENT {
    tag "${meta.id}"
    label 'process_medium'

    // Built from the repository's Dockerfile (no registry image, no conda package):
    // the pipeline sets params.container for -profile docker / singularity.
    container 'gsel:0.3.0'

    // winners.json of every chunk (GSEL_AGGREGATE.out.winners), staged under distinct
    // names; the input files again, as for GSEL_AGGREGATE (checked by SHA-256).
    input:
    tuple val(meta), path(winners, stageAs: 'winners/winners*.json'), path(matrix), path(labels), path(groups), path(covariates)

    output:
    tuple val(meta), path("*/ranking.tsv"), emit: ranking
    tuple val(meta), path("*/report.html"), emit: report
    tuple val(meta), path("*/run.json")   , emit: json
    path "versions.yml"                   , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    def gsel   = task.ext.gsel ?: 'gsel'
    def label_file = labels ? "--labels ${labels}" : ''
    def group_file = groups ? "--groups ${groups}" : ''
    def covariate_file = covariates ? "--covariates ${covariates}" : ''
    """
    ${gsel} aggregate --tournament \\
        ${winners} \\
        --input ${matrix} \\
        ${label_file} \\
        ${group_file} \\
        ${covariate_file} \\
        ${args} \\
        --threads ${task.cpus} \\
        --out ${prefix}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    def gsel   = task.ext.gsel ?: 'gsel'
    """
    mkdir -p ${prefix}
    printf 'rank\\tfeature_id\\n' > ${prefix}/ranking.tsv
    touch ${prefix}/report.html
    echo '{}' > ${prefix}/run.json

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        gsel: \$(${gsel} --version | sed -E 's/^gsel ([^ ]+).*/\\1/')
        hdf5: \$(${gsel} --version | sed -E 's/.*HDF5 ([^)]+)\\).*/\\1/')
    END_VERSIONS
    """
}
