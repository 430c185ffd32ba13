/// A reader for one input format. Readers stream the file in bounded chunks
/// into a compact `FeatureMatrix` store.
public protocol MatrixReader {
    /// Format name as shown to users.
    static var formatName: String { get }
    /// Decodes the whole file into its compact store.
    func load(options: ReaderOptions) throws -> LoadedMatrix
    /// Describes the file without loading the matrix: shape, orientation, id examples,
    /// label keys, compression and chunking, as (key, value) lines for `gsel inspect`.
    func inspect(options: ReaderOptions) throws -> [(String, String)]
}
