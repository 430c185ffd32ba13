import ArgumentParser

struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Select k features (default command).")
    @Option(name: .long, help: "Input matrix file.") var input: String
    @Option(name: .long, help: "Number of features to select.") var k: Int
    func run() throws {}
}
