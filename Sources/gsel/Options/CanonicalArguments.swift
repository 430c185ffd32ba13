/// Options rendered back to arguments with every default resolved, so a run manifest
/// can reproduce and compare runs.
extension InputOptions {
    var canonicalArguments: [String] {
        var a = ["--input", input]
        func add(_ key: String, _ value: String?) { if let value { a += [key, value] } }
        add("--labels", labels)
        add("--sample-col", sampleColumn)
        add("--label-col", labelColumn)
        add("--label-key", labelKey)
        add("--groups", groups)
        add("--task", task.rawValue)
        add("--layout", layout?.rawValue)
        add("--dataset", dataset)
        add("--sample-ids", sampleIDs)
        add("--feature-ids", featureIDs)
        add("--layer", layer)
        add("--feature-type", featureType)
        add("--vcf-field", vcfField)
        add("--maf", maf.map { "\($0)" })
        add("--max-missing", maxMissing.map { "\($0)" })
        return a
    }
}

extension SelectionOptions {
    var canonicalArguments: [String] {
        var a = ["--k", "\(k)", "--method", method.rawValue, "--repeats", "\(repeats)", "--q", "\(q ?? k)",
                 "--threshold", "\(threshold)", "--seed", "\(seed)", "--validation-fraction", "\(validationFraction)"]
        if method == .sa {
            a += ["--hidden", hidden, "--logit-learning-rate", "\(logitLearningRate)", "--attention", attention.rawValue,
                  "--logit-optimizer", logitOptimizer.rawValue, "--warmup", "\(warmup)",
                  "--weight-decay", "\(weightDecay)"]
            if let epochs { a += ["--epochs", "\(epochs)"] }
            if let batchSize { a += ["--batch-size", "\(batchSize)"] }
            if let learningRate { a += ["--learning-rate", "\(learningRate)"] }
        }
        return a
    }
}
