import GSelIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The training loop behind `SequentialAttention`; all buffers are allocated once.
/// Logits, weights and the selection live on `units` (groups, or candidate features without
/// groups); `mask` and `maskGrad` on all input columns, whose covariate entries stay 1.
/// Without groups the unit buffers are the leading part of the feature buffers.
struct AttentionTrainer {
    let data: StandardizedData
    let groups: FeatureGroups?
    let units: Int
    let k: Int
    /// Units selected before the first phase.
    let included: [Int]
    /// Costs and budget of the picks (`SequentialAttention+Budget`).
    let costs: CostBudget?
    /// Cost of the units selected so far.
    var spent: Double
    let config: SequentialAttentionConfig
    var rng: SeededGenerator
    let plan: SequentialAttentionConfig.Plan
    let schedule: SelectionSchedule
    let mlp: MLP
    var networkAdam: AdamOptimizer
    var logitAdam: AdamOptimizer
    let p: Int, n: Int, b: Int, outputs: Int

    // Targets.
    let classCodes: [Int32]
    let rowWeights: [Float]
    let values: [Float]

    // Buffers.
    let x: FloatBuffer, xm: FloatBuffer, outGrad: FloatBuffer
    /// The gradient of one block of first-layer rows (`FirstLayerStep`, `SparseFirstLayer`).
    let firstLayerScratch: FloatBuffer
    /// The first layer over a CSR store, when the data has one (`x` and `xm` are then empty).
    let sparse: SparseFirstLayer?
    /// The whole split standardized once (`sampleCount x featureCount`), when it is at most
    /// `standardizedRowLimit` bytes: minibatches then copy rows instead of standardizing them
    /// at every step (on small cohorts, where every step is a full batch, that was a tenth of
    /// a fit). The same values `data.fillRows` writes. Nil for larger splits and CSR stores.
    let standardizedRows: [Float]?
    static let standardizedRowLimit = 8 << 20
    let logits: FloatBuffer, logitGrad: FloatBuffer, mask: FloatBuffer, weights: FloatBuffer, maskGrad: FloatBuffer
    let unitMask: FloatBuffer, unitMaskGrad: FloatBuffer
    let batchLabels: UnsafeMutablePointer<Int32>
    let batchWeights: FloatBuffer
    let batchValues: FloatBuffer
    var selected: [Bool]
    var order: [Int]
    var cursor: Int
    var batchRows: [Int]

    /// `k` counts the `included` units, which start selected; the phases pick k − |included|.
    init(data: StandardizedData, target: Target, k: Int, config: SequentialAttentionConfig, groups: FeatureGroups?,
         included: [Int] = [], costs: CostBudget? = nil, rng: SeededGenerator) {
        self.data = data
        self.groups = groups
        self.k = k
        self.included = included
        self.costs = costs
        spent = costs?.cost(of: included) ?? 0
        self.config = config
        self.rng = rng
        p = data.featureCount
        n = data.sampleCount
        units = groups?.count ?? data.candidateCount
        plan = config.plan(samples: n, features: p, k: k - included.count)
        b = plan.batchSize
        schedule = SelectionSchedule(totalSteps: plan.totalSteps, warmupFraction: config.warmupFraction,
                                     k: k - included.count, picksPerPhase: config.picksPerPhase)
        outputs = target.outputCount
        switch target {
        case .classes(let codes, _):
            classCodes = codes
            let counts = target.classCounts
            let present = counts.filter { $0 > 0 }.count
            rowWeights = codes.map { c in
                config.classWeighted ? Float(Double(codes.count) / Double(present * counts[Int(c)])) : 1
            }
            values = []
        case .values(let v):
            // Standardize the target so the default learning rate suits any scale.
            let mean = v.reduce(0.0) { $0 + Double($1) } / Double(max(v.count, 1))
            let sd = (v.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(max(v.count, 1))).squareRoot()
            values = v.map { Float((Double($0) - mean) / (sd > 0 ? sd : 1)) }
            classCodes = []
            rowWeights = []
        }
        let shape = MLPShape(inputs: p, hidden: config.hidden, outputs: outputs)
        sparse = SparseFirstLayer.make(for: data, fanOut: shape.layerSizes[1])
        var r = rng
        mlp = MLP(shape: shape, batchCapacity: b, rng: &r, inputGradient: false)
        self.rng = r
        networkAdam = AdamOptimizer(parameterCount: mlp.parameters.count, ranges: [0 ..< mlp.parameters.count])
        logitAdam = AdamOptimizer(parameterCount: units, ranges: [0 ..< units])
        standardizedRows = sparse == nil && n * p * MemoryLayout<Float>.stride <= Self.standardizedRowLimit ? data.denseRows() : nil
        x = FloatBuffer(count: sparse == nil ? b * p : 0)
        xm = FloatBuffer(count: sparse == nil ? b * p : 0)
        outGrad = FloatBuffer(count: b * outputs)
        firstLayerScratch = FloatBuffer(count: FirstLayerStep.blockRows * mlp.shape.layerSizes[1])
        precondition(mlp.firstLayerWeights.lowerBound == 0, "the first layer's weights lead the parameter buffer")
        logits = FloatBuffer(count: units)
        logitGrad = FloatBuffer(count: units)
        mask = FloatBuffer(count: p, value: 1)
        weights = FloatBuffer(count: units)
        maskGrad = FloatBuffer(count: p)
        unitMask = groups == nil ? mask : FloatBuffer(count: units, value: 1)
        unitMaskGrad = groups == nil ? maskGrad : FloatBuffer(count: units)
        batchLabels = .allocate(capacity: b)
        batchLabels.initialize(repeating: 0, count: b)
        batchWeights = FloatBuffer(count: b)
        batchValues = FloatBuffer(count: b)
        selected = [Bool](repeating: false, count: units)
        for j in included { selected[j] = true }
        order = included
        cursor = n
        batchRows = Array(0 ..< n)
    }

    /// Fills the next minibatch of row indices (a reshuffled pass over the rows, wrapping).
    mutating func nextBatch(_ idx: UnsafeMutablePointer<Int>) {
        for i in 0 ..< b {
            if cursor >= n { rng.shuffle(&batchRows); cursor = 0 }
            idx[i] = batchRows[cursor]
            cursor += 1
        }
    }

    /// New logits; a unit the budget can no longer afford gets −∞ (out of the softmax, mask 0).
    mutating func resetLogits() {
        for j in 0 ..< units { logits[j] = Float(rng.nextGaussian() * 1e-5) }
        if let costs, costs.budget != nil {
            for j in 0 ..< units where !selected[j] && !costs.fits(j, spent: spent) { logits[j] = -.infinity }
        }
        logitAdam.reset(range: 0 ..< units)
    }

    /// Attention weights and the unit mask from the logits, then the feature mask; returns |U|.
    func computeMask() -> Int {
        let unselected = selected.withUnsafeBufferPointer { sel in
            AttentionMask.compute(logits: logits.pointer, selected: sel.baseAddress!, count: units,
                                  form: config.attention, mask: unitMask.pointer, weights: weights.pointer)
        }
        groups?.expandMask(unitMask.pointer, into: mask.pointer)
        return unselected
    }

    /// One optimizer step at `step` on the minibatch it draws into `idx`: the network with
    /// the full input during warm-up, network and attention logits through the mask after.
    /// Returns the minibatch loss.
    mutating func trainStep(_ step: Int, idx: UnsafeMutablePointer<Int>) -> Float {
        nextBatch(idx)
        let batch = UnsafeBufferPointer(start: idx, count: b)
        let warm = schedule.isWarmup(step)
        var unselected = units
        if !warm { unselected = computeMask() }
        let out: UnsafeMutablePointer<Float>
        if let sparse {
            sparse.gather(batch)
            let (w, mask) = (UnsafePointer(mlp.parameters.pointer + mlp.firstLayerWeights.lowerBound), self.mask.pointer)
            out = mlp.forward(rows: b) { sparse.addProduct(mask: warm ? nil : UnsafePointer(mask), weights: w, into: $0) }
        } else {
            if let standardizedRows {
                standardizedRows.withUnsafeBufferPointer { all in
                    for (i, r) in batch.enumerated() { (x.pointer + i * p).update(from: all.baseAddress! + r * p, count: p) }
                }
            } else {
                data.fillRows(batch, into: x.pointer)
            }
            if !warm { AttentionMask.apply(mask: mask.pointer, to: x.pointer, rows: b, count: p, out: xm.pointer) }
            out = mlp.forward(UnsafePointer(warm ? x.pointer : xm.pointer), rows: b)
        }
        let loss: Float
        if classCodes.isEmpty {
            for i in 0 ..< b { batchValues[i] = values[idx[i]] }
            loss = Loss.squaredError(output: out, targets: batchValues.pointer, rows: b, gradient: outGrad.pointer)
        } else {
            for i in 0 ..< b { batchLabels[i] = classCodes[idx[i]]; batchWeights[i] = rowWeights[idx[i]] }
            loss = Loss.softmaxCrossEntropy(logits: out, classes: outputs, labels: batchLabels,
                                            weights: batchWeights.pointer, rows: b, gradient: outGrad.pointer)
        }
        mlp.backward(outputGradient: outGrad.pointer, rows: b, computeInputGradient: false, firstLayerWeightGradient: false)
        let decayFactor = expf(decay * Float(step))
        let lr = plan.learningRate * decayFactor
        // The network's Adam step, with the first layer's backward pass fused into it block
        // by block (the mask gradient uses the weights before the step).
        let (mlp, firstLayer, scratch, sparse) = (self.mlp, self.mlp.firstLayerWeights, self.firstLayerScratch, self.sparse)
        let (hidden, rows, inputs) = (mlp.shape.layerSizes[1], b, p)
        let (maskValues, maskGradient) = (UnsafePointer(self.mask.pointer), self.maskGrad.pointer)
        let rawInput = UnsafePointer(x.pointer)
        networkAdam.step(group: 0, learningRate: lr) { m, v, range, coefficients in
            if let sparse {
                sparse.step(delta: mlp.firstLayerDelta, rows: rows, mask: warm ? nil : maskValues,
                            parameters: mlp.parameters.pointer, weightOffset: firstLayer.lowerBound, m: m, v: v,
                            coefficients: coefficients, maskGradient: warm ? nil : maskGradient, scratch: scratch.pointer)
            } else {
                FirstLayerStep.apply(input: rawInput, mask: warm ? nil : maskValues, delta: mlp.firstLayerDelta, rows: rows,
                                     inputs: inputs, fanOut: hidden, parameters: mlp.parameters.pointer,
                                     weightOffset: firstLayer.lowerBound, m: m, v: v, coefficients: coefficients,
                                     maskGradient: warm ? nil : maskGradient, scratch: scratch.pointer)
            }
            AdamOptimizer.update(mlp.parameters.pointer, mlp.gradients.pointer, m, v, firstLayer.upperBound ..< range.upperBound,
                                 coefficients)
        }
        if !warm {
            // dL/dm_j (the first-layer step has filled it), then through the softmax.
            groups?.foldGradient(maskGrad.pointer, into: unitMaskGrad.pointer)
            selected.withUnsafeBufferPointer { sel in
                AttentionMask.logitGradient(weights: weights.pointer, selected: sel.baseAddress!,
                                            maskGrad: unitMaskGrad.pointer, count: units, form: config.attention,
                                            unselected: unselected, out: logitGrad.pointer)
            }
            let logitLR = config.logitLearningRate * decayFactor
            switch plan.logitOptimizer {
            case .auto:
                preconditionFailure("the plan resolves auto to adam or shared-scale")
            case .adam:
                logitAdam.step(group: 0, parameters: logits.pointer, gradients: logitGrad.pointer, learningRate: logitLR)
            case .sharedScale:
                logitAdam.stepSharedScale(group: 0, parameters: logits.pointer, gradients: logitGrad.pointer,
                                          learningRate: logitLR)
            }
        }
        if config.weightDecay > 0 {
            // Decoupled weight decay (AdamW): shrink the network weights towards 0.
            let shrink = 1 - lr * config.weightDecay
            let w = mlp.parameters.pointer
            for i in 0 ..< mlp.parameters.count { w[i] *= shrink }
        }
        return loss
    }

    /// Exponential learning-rate decay per step (to `finalLearningRateFraction` at the end).
    var decay: Float { logf(config.finalLearningRateFraction) / Float(max(schedule.totalSteps, 1)) }

    mutating func run() -> SelectionResult {
        defer { batchLabels.deallocate() }
        resetLogits()
        var picks: [SelectionResult.Pick] = included.map { .init(feature: $0, score: 1) }
        var snapshots: [SelectionResult.AttentionSnapshot] = []
        if let stop = budgetStop(picked: picks.count) { return SelectionResult(picks: picks, stopReason: stop, plan: plan) }
        let idx = UnsafeMutablePointer<Int>.allocate(capacity: b)
        defer { idx.deallocate() }
        var phaseLoss: Double = 0, phaseSteps = 0

        for step in 0 ..< schedule.totalSteps {
            let loss = trainStep(step, idx: idx)
            phaseLoss += Double(loss); phaseSteps += 1

            if let phase = schedule.phaseEnding(at: step) {
                let meanLoss = phaseLoss / Double(max(phaseSteps, 1))
                phaseLoss = 0; phaseSteps = 0
                // Attention weights from the trained logits, before the pick.
                let live = computeMask()
                let ranked = rankUnselected(limit: max(config.snapshotWidth, schedule.picksPerPhase[phase]))
                snapshots.append(.init(step: order.count + 1,
                                       candidates: ranked.prefix(config.snapshotWidth).map { ($0, Double(weights[$0])) }))
                let chosen = costs == nil ? Array(ranked.prefix(schedule.picksPerPhase[phase]))
                    : budgetedPicks(schedule.picksPerPhase[phase], live: live)
                for j in chosen {
                    selected[j] = true
                    order.append(j)
                    picks.append(.init(feature: j, score: Double(weights[j]), loss: meanLoss))
                }
                if let stop = budgetStop(picked: picks.count) {
                    return SelectionResult(picks: picks, snapshots: snapshots, stopReason: stop, plan: plan)
                }
                resetLogits()
            }
        }
        return SelectionResult(picks: picks, snapshots: snapshots, plan: plan)
    }

    /// Unselected units by decreasing logit (ties: lower index first), the first `limit`.
    func rankUnselected(limit: Int) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        for j in 0 ..< units where !selected[j] {
            let v = logits[j]
            // Insertion into a short sorted list: O(p * limit) with small limit.
            var pos = best.count
            while pos > 0 && logits[best[pos - 1]] < v { pos -= 1 }
            if pos < limit {
                best.insert(j, at: pos)
                if best.count > limit { best.removeLast() }
            }
        }
        return best
    }
}
