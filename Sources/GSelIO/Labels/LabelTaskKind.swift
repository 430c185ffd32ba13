/// Kind of prediction a label column describes (GSelCore maps it to its `TaskKind`).
public enum LabelTaskKind: String, Sendable, CaseIterable, Codable {
    case classification
    case regression
}
