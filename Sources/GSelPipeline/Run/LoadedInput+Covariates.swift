import GSelCore
import GSelIO

extension LoadedInput {
    /// Reads the covariates `settings` name (a file, or annotations of the input), encodes
    /// them for the labelled `rows` and checks that they have full rank. The label column
    /// is never a covariate: left out by default when the labels come from the same file,
    /// an error when named.
    static func loadCovariates(_ settings: CovariateParameters, parameters: InputParameters, labels: LabelTable,
                               matrix: LoadedMatrix, rows: [Int]) throws -> EncodedCovariates {
        let table: CovariateTable
        let sameSource: Bool
        if let file = settings.file {
            sameSource = file == parameters.labels
            table = try CovariateTable.load(path: file, columns: settings.columns,
                                            excluding: sameSource ? [labels.labelColumn] : [])
        } else {
            sameSource = parameters.labelKey != nil
            table = try CovariateTable.annotations(settings.keys ?? [], of: matrix, file: parameters.path)
        }
        if sameSource, let c = table.names.firstIndex(of: labels.labelColumn) {
            throw InputError(file: table.source, location: table.location(covariate: c),
                             "'\(labels.labelColumn)' is the label; it cannot also be a covariate")
        }
        let encoded = try table.encode(matrixSampleIDs: matrix.sampleIDs, rows: rows, featureIDs: matrix.features.map(\.id),
                                       categorical: settings.categorical ?? [], required: settings.required)
        let block = CovariateMatrix(base: matrix.matrix, covariates: encoded.values, covariateCount: encoded.columnCount)
        if let (column, combination) = block.dependentCovariate(rows: encoded.rows) {
            let names = encoded.columnNames
            let others = combination.isEmpty ? "a constant" : MessageText.list(combination.map { "'\(names[$0])'" })
            throw InputError(file: table.source, location: table.location(covariate: table.names.firstIndex(of: encoded.covariate(ofColumn: column).name)!),
                             "covariate column '\(names[column])' is perfectly collinear with \(others) over the \(encoded.rows.count) samples used (it adds nothing to them); leave one of them out (--covariate-cols)")
        }
        return encoded
    }
}
