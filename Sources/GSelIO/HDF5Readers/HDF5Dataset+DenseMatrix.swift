extension HDF5Dataset {
    /// Checks a dense 2-D matrix dataset before anything is made from its declared shape: the
    /// values are stored, their count is countable (they may go to an on-disk cache:
    /// `HDF5DenseLoader.spill`), and the sample and feature ids fit the memory budget.
    /// Loom and plain HDF5 readers call it right after opening the matrix.
    func requireLoadableDenseMatrix(file: String, budget: MemoryBudget) throws {
        try requireStoredData()
        try MemoryBudget.requireCountable(count, stride: 4, file: file, what: "the matrix \(path)")
        try budget.checkIDs(shape[0] + shape[1], file: file, what: "the sample and feature ids of \(path)")
    }
}
