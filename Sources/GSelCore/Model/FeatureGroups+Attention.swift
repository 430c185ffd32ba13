import GSelIO

/// Group attention (SequentialAttention++ blocks): one logit per group, and the mask of
/// a feature is the mask of its group. `AttentionMask` computes the group mask over the
/// group logits; these two maps carry it to the features and the gradient back.
extension FeatureGroups {
    /// Feature mask from the group mask: `m_j = groupMask[g(j)]`, 0 for features in no group.
    public func expandMask(_ groupMask: UnsafePointer<Float>, into mask: UnsafeMutablePointer<Float>) {
        for (j, g) in groupOf.enumerated() { mask[j] = g >= 0 ? groupMask[g] : 0 }
    }

    /// Gradient with respect to the group mask: `dL/dm_g = Σ_{j ∈ g} dL/dm_j`.
    public func foldGradient(_ maskGrad: UnsafePointer<Float>, into groupGrad: UnsafeMutablePointer<Float>) {
        groupGrad.update(repeating: 0, count: count)
        for (j, g) in groupOf.enumerated() where g >= 0 { groupGrad[g] += maskGrad[j] }
    }
}
