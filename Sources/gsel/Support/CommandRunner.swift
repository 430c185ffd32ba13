import ArgumentParser
import Foundation
import GSelIO
import GSelPipeline

/// Runs a command body with a stderr log and turns user-facing errors into one line on
/// stderr and exit code 1 (no stack trace). Parameter errors name the command-line flag.
enum CommandRunner {
    static func run(quiet: Bool, _ body: (Pipeline.Execution) throws -> Void, threads: Int?) throws {
        let execution = Pipeline.Execution(threads: threads, log: StderrLog.make(quiet: quiet),
                                           commandLine: CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
        do {
            try body(execution)
        } catch let e as ParameterError {
            fail(e.commandLineMessage)
        } catch let e as InputError {
            fail(e.description)
        } catch let e as UsageError {
            fail(e.description)
        } catch let e as ValidationError {
            fail(e.description)
        } catch let e as CocoaError {
            fail(e.localizedDescription)
        } catch {
            fail("\(error)")
        }
    }

    /// An option's value through the library's parser (`transform:` of an `@Option`); its
    /// `ParameterError` becomes the `ValidationError` argument-parser prints, naming the flag.
    static func parse<Value>(_ text: String, _ parser: (String) throws -> Value) throws -> Value {
        do { return try parser(text) } catch let e as ParameterError { throw ValidationError(e.commandLineMessage) }
    }

    /// Refuses a `--threads` value outside 1...4096 (select, repeat, aggregate and export).
    static func validate(threads: Int?) throws {
        if let t = threads, !(1 ... 4096).contains(t) { throw ValidationError("--threads must be between 1 and 4096; got \(t)") }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gsel: error: \(message)\n".utf8))
        exit(1)
    }
}
