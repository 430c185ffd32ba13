/// Labels matched to the samples of a matrix: which matrix rows have a label (in matrix
/// order), their encoded values, and what was left out on either side.
public struct AlignedLabels: Sendable {
    /// Matrix rows (sample indices) that have a label, ascending.
    public var rows: [Int]
    /// One value per entry of `rows`.
    public var target: Target
    /// Matrix samples whose id does not appear in the label table.
    public var samplesNotInLabels: Int
    /// Matrix samples whose label is missing (`NA`, empty, `-9` where that means missing).
    public var samplesWithMissingLabel: Int
    /// Label rows whose sample id is not in the matrix.
    public var labelsWithoutSample: Int
    /// Sentences for the log: the task and why, the counts above.
    public var notes: [String]

    /// Classification or regression (from `target`).
    public var task: TaskKind { target.task }

    /// Matrix samples dropped for lack of a label (absent or missing).
    public var unlabelledSamplesDropped: Int { samplesNotInLabels + samplesWithMissingLabel }
}
