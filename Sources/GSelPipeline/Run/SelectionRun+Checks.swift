import Foundation
import GSelCore
import GSelIO

/// The checks a run makes once the split is known, before any fit: each names the file
/// or flag to change.
extension SelectionRun {
    /// Refuses a regression target that is constant on the training split (every fit would
    /// learn nothing and score a perfect R²); the labels may still vary through the
    /// validation samples, so `LabelEncoder`'s check on all of them is not enough.
    static func requireVaryingTarget(_ input: LoadedInput, train: [Int]) throws {
        guard case .values(let values) = input.target, let first = train.first,
              train.allSatisfy({ values[$0] == values[first] }) else { return }
        let value = values[first]
        let found = values.allSatisfy { $0 == value }
            ? "all \(values.count) samples used (labelled, with every covariate) have the value \(value)"
            : "all \(train.count) training samples have the value \(value); only validation samples differ"
        throw InputError(file: input.labelSource, location: "column \(input.labelColumn)",
                         "the regression target is constant on the training split: \(found); a regression target must vary there (check the label column, or lower --validation-fraction)")
    }

    /// Refuses covariates with as many model columns as the smallest fit has samples (a
    /// half of the training split with stability selection): the covariates alone would
    /// fit that fit's phenotype, and the marginal F-test would have no degrees of freedom.
    func requireCovariateRoom() throws {
        guard let covariates = input.covariates else { return }
        let smallest = parameters.singleFit ? train.count : train.count / 2
        let outputs = max(input.target.outputCount, 1)
        guard smallest <= covariates.columnCount + outputs else { return }
        let widest = covariates.covariates.sorted { $0.columns.count > $1.columns.count }
        let listed = widest.map { c in
            c.kind == .categorical ? "\(c.name): \(c.columns.count) (\(c.levels.count) levels)" : "\(c.name): 1"
        }
        let fit = !parameters.singleFit ? "the half-sample fits have \(smallest) samples (half of \(train.count) training samples)"
                                         : "the fit has \(train.count) training samples"
        let outputsText = input.target.isClassification ? "\(outputs) classes" : "the target"
        throw InputError(file: covariates.source,
                         "the covariates take \(covariates.columnCount) model columns (\(MessageText.list(listed, limit: 5))) and \(fit): a fit needs more samples than covariate columns plus \(outputsText); merge rare levels, or leave covariates out (--covariate-cols)")
    }

    /// Refuses a Sequential Attention network whose weights, gradients and Adam moments
    /// (`MLPShape.trainingBytes`) for one fit exceed `--max-memory` (which bounds the store and
    /// each fit's network), or half the memory gsel may use without it. A screened fit's
    /// network sees only the kept features.
    func checkNetworkMemory() throws {
        guard parameters.method == .sa else { return }
        let config = parameters.sequentialAttention
        let candidates = input.selectionMatrix.columnCount - (input.covariates?.columnCount ?? 0)
        let screened = input.groups == nil ? config.screen(features: candidates, k: q)?.size : nil
        let inputs = min(screened ?? candidates, candidates) + (input.covariates?.columnCount ?? 0)
        let shape = MLPShape(inputs: inputs, hidden: config.hidden, outputs: max(input.target.outputCount, 1))
        let budget = manifest.parameters.input.decoding.memoryBudget
        let limit = budget.bytes ?? MemoryBudget.machineHalf
        guard let bytes = shape.trainingBytes, bytes <= limit else {
            let weights = shape.parameterCount ?? Int.max
            let size = shape.trainingBytes.map(MemoryBudget.format) ?? "more than any machine has"
            let bound = budget.bytes.map { limit in
                "the --max-memory limit of \(MemoryBudget.format(limit)), which bounds the matrix store and each fit's network"
                    + (limit < 1024 ? " (a size without a unit is in bytes: 1 is one byte, 4G four gibibytes)" : "")
            } ?? "half of the memory gsel may use (\(MemoryBudget.format(limit)), without --max-memory)"
            throw ParameterError("hidden", "makes a network of \(weights) weights over \(input.featureCount) features that needs \(size) per fit, more than \(bound); use fewer or narrower layers, or raise --max-memory")
        }
    }
}
