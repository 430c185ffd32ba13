import ArgumentParser
import Foundation
import GSelIO

/// Runs a command body and turns user-facing errors into one line on stderr and exit code 1
/// (no stack trace); anything else is reported as an internal error.
enum CommandRunner {
    static func run(quiet: Bool, _ body: (Log) throws -> Void) throws {
        let log = Log(quiet: quiet)
        do {
            try body(log)
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

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gsel: error: \(message)\n".utf8))
        exit(1)
    }
}
