import XCTest
import GSelCore
import GSelIO
import _TestSupport

/// Group selection (`--groups`): the group mask and its gradient, and the selectors over groups.
final class GroupAttentionTests: XCTestCase {
    /// 7 features in 3 groups; feature 5 is in no group.
    private let groups = FeatureGroups(names: ["A", "B", "C"], groupOf: [0, 1, 0, 2, 1, -1, 2])

    /// Feature mask and group weights for group logits `logits`.
    private func featureMask(_ logits: [Float], selected: [Bool], form: AttentionMask.Form) -> (mask: [Float], weights: [Float]) {
        let (groupMask, weights) = AttentionMask.compute(logits: logits, selected: selected, form: form)
        var mask = [Float](repeating: -1, count: groups.featureCount)
        groupMask.withUnsafeBufferPointer { groups.expandMask($0.baseAddress!, into: &mask) }
        return (mask, weights)
    }

    func testMembersShareTheirGroupsMaskAndUngroupedFeaturesAreMaskedOut() {
        let logits: [Float] = [0.4, 2, -1]
        let (mask, weights) = featureMask(logits, selected: [false, true, false], form: .paper)
        let e = [exp(0.4), exp(-1.0)], s = e[0] + e[1]
        XCTAssertEqual(weights[1], 0)
        for j in [0, 2] { XCTAssertEqual(Double(mask[j]), e[0] / s, accuracy: 1e-6, "group A member \(j)") }
        for j in [3, 6] { XCTAssertEqual(Double(mask[j]), e[1] / s, accuracy: 1e-6, "group C member \(j)") }
        XCTAssertEqual(mask[1], 1); XCTAssertEqual(mask[4], 1)
        XCTAssertEqual(mask[5], 0, "a feature in no group is not a candidate")
    }

    /// L(m) = Σ_j c_j m_j over the feature mask; the group logit gradient (member gradients
    /// summed, then through the softmax) must match numeric differences of L.
    func testGroupLogitGradientMatchesFiniteDifferences() {
        let logits: [Float] = [0.3, -0.2, 0.7]
        let selected = [false, false, false]
        let c: [Float] = [1.5, -0.7, 2.0, 0.4, 0.9, 5.0, -1.2]
        for form in AttentionMask.Form.allCases {
            let (_, weights) = featureMask(logits, selected: selected, form: form)
            var groupGrad = [Float](repeating: 0, count: 3), grad = groupGrad
            c.withUnsafeBufferPointer { groups.foldGradient($0.baseAddress!, into: &groupGrad) }
            XCTAssertEqual(groupGrad, [1.5 + 2.0, -0.7 + 0.9, 0.4 - 1.2])
            weights.withUnsafeBufferPointer { w in
                selected.withUnsafeBufferPointer { s in
                    groupGrad.withUnsafeBufferPointer { g in
                        AttentionMask.logitGradient(weights: w.baseAddress!, selected: s.baseAddress!, maskGrad: g.baseAddress!,
                                                    count: 3, form: form, unselected: 3, out: &grad)
                    }
                }
            }
            func loss(_ l: [Float]) -> Double {
                zip(featureMask(l, selected: selected, form: form).mask, c).reduce(0) { $0 + Double($1.0 * $1.1) }
            }
            for g in 0 ..< 3 {
                var up = logits, down = logits
                up[g] += 1e-2; down[g] -= 1e-2
                XCTAssertEqual(Double(grad[g]), (loss(up) - loss(down)) / 2e-2, accuracy: 1e-3, "\(form) group \(g)")
            }
        }
    }

    /// Every feature its own group is exactly the per-feature algorithm.
    func testSingletonGroupsReproducePerFeatureSelection() throws {
        let planted = PlantedSignal(samples: 200, features: 40, seed: 4)
        let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
        let target = Target.classes(codes: planted.labels, names: ["a", "b"])
        let singletons = FeatureGroups(names: (0 ..< 40).map { "f\($0)" }, groupOf: Array(0 ..< 40))
        let plain = try SequentialAttention().select(data, target: target, k: 4, seed: 5, stream: [2])
        let grouped = try SequentialAttention(groups: singletons).select(data, target: target, k: 4, seed: 5, stream: [2])
        XCTAssertEqual(grouped, plain)
    }

    func testSequentialAttentionPicksThePlantedGroups() throws {
        let planted = PlantedGroups(samples: 400, seed: 3)
        let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
        let target = Target.classes(codes: planted.labels, names: ["control", "case"])
        let r = try SequentialAttention(groups: planted.groups).select(data, target: target, k: 3, seed: 1, stream: [])
        XCTAssertEqual(Set(r.features), Set(planted.informative))
        XCTAssertEqual(r.snapshots.count, 3)
        XCTAssertTrue(r.snapshots.allSatisfy { $0.candidates.allSatisfy { $0.feature < 60 } }, "snapshots hold group indices")
        XCTAssertThrowsError(try SequentialAttention(groups: planted.groups).select(data, target: target, k: 61, seed: 1, stream: [])) {
            XCTAssertTrue(($0 as? ParameterError)?.message.contains("number of groups (60)") ?? false, "\($0)")
        }
    }

    /// A group scores the largest scikit-learn `f_classif` F of its members.
    func testMarginalGroupScoreIsTheBestMembersFClassif() throws {
        let planted = PlantedGroups(samples: 150, groupCount: 20, groupSize: 4, informative: 2, seed: 8)
        let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
        let target = Target.classes(codes: planted.labels, names: ["control", "case"])
        let r = try MarginalSelector(groups: planted.groups).select(data, target: target, k: 20)
        let dir = try TemporaryDirectory()
        try PythonOracle.write(planted.matrix.values, to: dir.path("x.bin"))
        try PythonOracle.write(planted.labels.map(Float.init), to: dir.path("y.bin"))
        try PythonOracle.write(planted.groupOf.map(Float.init), to: dir.path("g.bin"))
        let out = try PythonOracle.run("""
            import json, numpy as np
            from sklearn.feature_selection import f_classif
            X = np.fromfile("x.bin", np.float32).reshape(150, 80).astype(np.float64)
            y = np.fromfile("y.bin", np.float32).astype(int)
            g = np.fromfile("g.bin", np.float32).astype(int)
            F = f_classif(X, y)[0]
            print(json.dumps([float(F[g == k].max()) for k in range(20)]))
            """, in: dir) as! [Any]
        let reference = out.doubles
        XCTAssertEqual(r.features, reference.indices.sorted { reference[$0] > reference[$1] })
        for p in r.picks { XCTAssertEqual(p.score, reference[p.feature], accuracy: 1e-6 * reference[p.feature]) }
        XCTAssertEqual(Set(r.features.prefix(2)), Set(planted.informative))
    }

    /// Evaluating k' groups is evaluating all their member features.
    func testGroupedEvaluationUsesAllMembersOfTheFirstGroups() throws {
        let planted = PlantedGroups(samples: 200, groupCount: 10, groupSize: 3, informative: 2, seed: 9)
        let split = try StratifiedSplit(target: .classes(codes: planted.labels, names: ["control", "case"]),
                                        validationFraction: 0.25, seed: 1)
        let train = StandardizedData(matrix: planted.matrix, rows: split.train)
        let validation = StandardizedData(matrix: planted.matrix, rows: split.validation, statisticsOf: train)
        let target = Target.classes(codes: planted.labels, names: ["control", "case"])
        let ranked = [planted.informative[1], 4, planted.informative[0]].map { planted.groups.members[$0] }
        let grouped = try HeldOutEvaluation.evaluate(train: train, trainTarget: target.subset(split.train),
                                                     validation: validation, validationTarget: target.subset(split.validation),
                                                     groupedOrders: [(method: "g", groups: ranked)])
        XCTAssertEqual(grouped.map(\.k), [1, 2, 3])
        for row in grouped {
            let flat = Array(ranked.prefix(row.k).joined())
            let plain = try HeldOutEvaluation.evaluate(train: train, trainTarget: target.subset(split.train),
                                                       validation: validation, validationTarget: target.subset(split.validation),
                                                       orders: [(method: "g", features: flat)], kValues: [flat.count])
            XCTAssertEqual(plain.count, 1)
            XCTAssertEqual(row.accuracy, plain[0].accuracy)
            XCTAssertEqual(row.auroc, plain[0].auroc)
        }
    }
}
