/// Point symbols for data series; shapes differ so series stay apart without colour.
enum MarkerShape: Sendable {
    case circle, square, triangle, diamond

    /// Shapes in the order series receive them.
    static let cycle: [MarkerShape] = [.circle, .square, .triangle, .diamond]
}
