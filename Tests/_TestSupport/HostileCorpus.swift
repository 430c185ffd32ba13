import Foundation

/// The hostile-input corpus: `TestData/hostile/cases.tsv`, one case per line (input file,
/// label file, extra gsel arguments, expected outcome, what the case is), written next to
/// the files by `scripts/make_hostile_inputs.py`.
public enum HostileCorpus {
    /// One case of the corpus.
    public struct Case: Sendable, CustomStringConvertible {
        /// Absolute paths of the input and label files.
        public var input: String
        public var labels: String
        /// Extra command-line arguments, e.g. ["--dataset", "/X"]; a file of the corpus
        /// (`--covariates FILE`) as its absolute path.
        public var arguments: [String]
        /// What gsel must do: fail with `fragment` in its message, or succeed logging it.
        public var expectation: Expectation
        /// What the case is, in words.
        public var what: String
        /// False for cases that end the process (HDF5 watchdog, crash guard): replayed through the binary only.
        public var inProcess: Bool

        public var description: String { "\((input as NSString).lastPathComponent) (\(what))" }

        /// The corpus files the case reads: input, labels and those named in the arguments.
        public var files: [String] {
            [input, labels] + arguments.filter { $0.hasPrefix(HostileCorpus.directory + "/") }
        }

        /// The value of `--name` among `arguments`, if given.
        public func argument(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
    }

    /// The outcome a case expects.
    public enum Expectation: Sendable {
        case error(String)
        case success(String)
    }

    /// The corpus folder.
    public static var directory: String { GSelProcess.testData("hostile") }

    /// Every case of `cases.tsv`.
    public static func cases() throws -> [Case] {
        let text = try String(contentsOfFile: directory + "/cases.tsv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first, header.split(separator: "\t").first == "input" else { return [] }
        lines.removeFirst()
        return lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let expect = fields[3]
            let expectation: Expectation = expect.hasPrefix("ok: ") ? .success(String(expect.dropFirst(4))) : .error(expect)
            return Case(input: directory + "/" + fields[0], labels: directory + "/" + fields[1],
                        arguments: fields[2].split(separator: " ").map { argument in
                            let file = directory + "/" + argument
                            return FileManager.default.fileExists(atPath: file) ? file : String(argument)
                        },
                        expectation: expectation, what: fields.count > 4 ? fields[4] : "",
                        inProcess: fields.count > 5 ? fields[5] != "no" : true)
        }
    }
}
