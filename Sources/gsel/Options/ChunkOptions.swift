import ArgumentParser
import GSelIO
import GSelPipeline

/// Genome-chunk scatter: which slice of the features `select` and `repeat` select from.
struct ChunkOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: .init("Split the features (after QC, in genome order) into N contiguous chunks: select runs each chunk, then a final selection on the union of their top k (see README).", valueName: "N"))
    var chunks: Int?
    @Option(name: .long, parsing: .unconditional, help: .init("Select from chunk I (1-based) of --chunks only, for workflow scatter; gather with aggregate --tournament.", valueName: "I"))
    var chunk: Int?
    @Option(name: .customLong("chunk-winners"), parsing: .unconditional, help: .init("Candidates each chunk hands to the final selection (default: k).", valueName: "M"))
    var chunkWinners: Int?
    @Option(name: .long, help: .init("Select from the variants in CHR or CHR:START-END only (1-based, inclusive); {CHR} or {CHR}:START-END for a contig whose name holds ':'.", valueName: "CHR[:START-END]"), transform: { try CommandRunner.parse($0, GenomeRegion.parse) })
    var region: GenomeRegion?

    /// The chunk part of the input parameters (nil without any chunk flag).
    var parameters: ChunkParameters? {
        chunks == nil && chunk == nil && region == nil && chunkWinners == nil ? nil
            : ChunkParameters(region: region, count: chunks, index: chunk, winners: chunkWinners)
    }
}
