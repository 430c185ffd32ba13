import GSelCore
import GSelIO

extension LoadedInput {
    /// This input with the feature costs `costs` gives (`FeatureCosts`), checked against the
    /// input's feature ids; itself when nil.
    public func costing(_ costs: CostParameters?, log: RunLog) throws -> LoadedInput {
        guard let costs else { return self }
        let table = try FeatureCosts.load(path: costs.file, featureIDs: matrix.features.map(\.id), missing: costs.missingCost)
        for note in table.notes { log.info(note) }
        let unlisted = table.defaulted == 0 ? "" : "; \(table.defaulted) unlisted feature\(table.defaulted == 1 ? "" : "s") cost \(CostBudget.text(CostParameters.defaultCost))"
        log.info("costs: \(table.listed) feature\(table.listed == 1 ? "" : "s") priced by \(costs.file)\(unlisted); cost rule \(costs.rule.rawValue)")
        var copy = self
        copy.costs = table
        copy.sources.costs = try SourceFile(reading: costs.file)
        return copy
    }

    /// The costs and budget a selector of `method` works with (its resolved rule); nil
    /// without costs.
    func costBudget(_ parameters: SelectionParameters, method: SelectionMethod) -> CostBudget? {
        guard let costs, let rule = parameters.costs?.rule else { return nil }
        return CostBudget(costs: costs.costs, budget: parameters.budget, rule: rule.resolved(for: method))
    }
}
