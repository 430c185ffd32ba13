import ArgumentParser
import GSelPipeline

/// `gsel inspect`: what an input file holds, without loading the matrix.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe an input file: format, shape, orientation, ids, label keys, compression.")

    @OptionGroup var input: InputOptions

    func run() throws {
        try CommandRunner.run(quiet: false, { _ in
            let lines = try Pipeline.inspect(input.parameters)
            let width = lines.map(\.0.count).max() ?? 0
            for (key, value) in lines {
                print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
            }
        }, threads: 1)
    }
}
