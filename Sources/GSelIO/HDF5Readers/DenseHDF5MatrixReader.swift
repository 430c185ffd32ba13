/// A reader whose matrix is one dense two-dimensional HDF5 dataset (loom, plain HDF5):
/// which dataset that is, is the reader's own (`matrixDataset`); opening it and the checks
/// before anything is made from its declared shape are shared here.
protocol DenseHDF5MatrixReader: MatrixReader {
    /// The input file.
    var path: String { get }
    /// The matrix dataset `options` choose, checked to be two-dimensional.
    func matrixDataset(_ file: HDF5File, options: ReaderOptions) throws -> HDF5Dataset
}

extension DenseHDF5MatrixReader {
    /// Opens the file and its matrix for `load`, checked before ids are read or generated
    /// from its declared shape: the values are stored, their count is countable (they may go
    /// to an on-disk cache: `HDF5DenseLoader.spill`), and the sample and feature ids fit the
    /// memory budget.
    func openLoadableMatrix(options: ReaderOptions) throws -> (file: HDF5File, matrix: HDF5Dataset) {
        let file = try HDF5File(path: path)
        let matrix = try matrixDataset(file, options: options)
        try matrix.requireStoredData()
        try MemoryBudget.requireCountable(matrix.count, stride: 4, file: path, what: "the matrix \(matrix.path)")
        try options.decoding.memoryBudget.checkIDs(matrix.shape[0] + matrix.shape[1], file: path, what: "the sample and feature ids of \(matrix.path)")
        return (file, matrix)
    }
}
