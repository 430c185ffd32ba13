// libFuzzer entry point for gsel's readers, compiled together with the GSelIO sources by
// scripts/fuzz.sh (not part of the SwiftPM package). The reader is chosen by the
// environment variable GSEL_FUZZ_TARGET: tsv, vcf, h5ad, h5 or labels (see docs/fuzzing.md).
//
// Each input is written to a file (the readers take paths) and decoded twice, as `gsel
// select` and `gsel inspect` read it. A thrown InputError or ParameterError is the expected
// outcome for bad input; anything else is a finding and stops the fuzzer: a crash or trap,
// a hang (libFuzzer's -timeout), an allocation beyond -malloc_limit_mb, another error type,
// or an error message that is not one bounded, printable line.

#if canImport(Glibc)
import Glibc
#endif

/// The reader under test and the file name extension that selects it.
private let target: String = {
    guard let name = getenv("GSEL_FUZZ_TARGET") else { return "tsv" }
    return String(cString: name)
}()

private let inputPath: String = {
    let ext: String
    switch target {
    case "tsv": ext = "tsv"
    case "vcf": ext = "vcf"
    case "h5ad": ext = "h5ad"
    case "h5": ext = "h5"
    case "labels": ext = "labels.tsv"
    default: fatalError("GSEL_FUZZ_TARGET must be tsv, vcf, h5ad, h5 or labels, not \(target)")
    }
    var template = Array("/tmp/gsel-fuzz-XXXXXX".utf8CString)
    let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    return directory + "/input." + ext
}()

private func write(_ data: UnsafePointer<UInt8>, count: Int, to path: String) {
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    if count > 0 { _ = fwrite(data, 1, count, file) }
    fclose(file)
}

/// Fails (ends the run as a finding) unless `error` is one of gsel's user-facing errors with
/// a one-line message of bounded length.
private func check(_ error: any Error) {
    let text: String
    switch error {
    case let e as InputError: text = e.description
    case let e as ParameterError: text = e.description
    default: fatalError("not an InputError or ParameterError: \(type(of: error)): \(error)")
    }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
        fatalError("control characters in the message: \(text.debugDescription)")
    }
    if text.count > 4200 { fatalError("a message of \(text.count) characters") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    write(data, count: size, to: inputPath)
    if target == "labels" {
        // A label file, encoded for its own samples with the task detected and with each task forced.
        do {
            let table = try LabelTable.load(path: inputPath)
            for task in [nil, TaskKind.classification, .regression] {
                do { _ = try table.align(to: table.sampleIDs, task: task) } catch { check(error) }
            }
        } catch {
            check(error)
        }
        return 0
    }
    var options = ReaderOptions()
    if target == "h5" { options.decoding.dataset = "/X" }
    do {
        let reader = try InputFormat.reader(for: inputPath)
        do { _ = try reader.load(options: options) } catch { check(error) }
        do { _ = try reader.inspect(options: options) } catch { check(error) }
    } catch {
        check(error)
    }
    return 0
}
