import GSelIO
import GSelReport

extension Pipeline {
    /// What the input `input` names holds, without loading the matrix: format, shape,
    /// orientation, id examples, label keys and storage, as (key, value) lines (`gsel inspect`).
    public static func inspect(_ input: InputParameters) throws -> [(String, String)] {
        try input.decoding.validate()
        return try InputFormat.reader(for: input.path).inspect(options: input.readerOptions(threads: 1))
    }

    /// Decodes the input as `input` says and writes the matrix as TSV to `out` (`-` for
    /// standard output): what gsel sees of the file (`gsel export`).
    public static func export(_ input: InputParameters, to out: String, execution: Execution = .init()) throws {
        try input.decoding.validate()
        let loaded = try InputFormat.reader(for: input.path).load(options: input.readerOptions(threads: execution.threads))
        for note in loaded.notes { execution.log.info(note) }
        try MatrixExport.write(loaded, to: out)
        execution.log.info("exported \(loaded.sampleIDs.count) samples x \(loaded.features.count) features")
    }
}
