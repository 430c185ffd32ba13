import ArgumentParser
import GSelPipeline

/// Root command: `gsel [select] ...`.
@main
struct GSel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gsel",
        abstract: "Select the k genes or variants that best predict a phenotype, together.",
        discussion: "Sequential Attention feature selection under stability selection, for expression matrices (HDF5, AnnData, 10x, loom, TSV/CSV) and genotypes (VCF).",
        version: GSelVersion.versionLine,
        subcommands: [Select.self, Inspect.self, Export.self, Repeat.self, Aggregate.self],
        defaultSubcommand: Select.self
    )
}
