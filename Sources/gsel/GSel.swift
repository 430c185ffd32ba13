import ArgumentParser
import CHDF5
import GSelIO

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

/// Version strings of gsel and the libraries it links.
enum GSelVersion {
    static let number = "0.1.0"
    static var hdf5: String {
        var maj: UInt32 = 0, min: UInt32 = 0, rel: UInt32 = 0
        gsel_H5_version(&maj, &min, &rel)
        return "\(maj).\(min).\(rel)"
    }
    static var versionLine: String { "gsel \(number) (HDF5 \(hdf5))" }
}
