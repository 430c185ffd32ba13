import Foundation
import XCTest
import _TestSupport

/// The layers of docs/architecture.md, read from the sources: IO ← Core ← Pipeline ← CLI, with
/// Report on IO only. A module may import the modules below it, its C shims and the system.
final class ArchitectureTests: XCTestCase {
    /// The project modules each module may import (system modules are always allowed).
    static let allowed: [String: Set<String>] = [
        "GSelIO": ["CHDF5", "CZlib"],
        "GSelCore": ["GSelIO", "CBLAS"],
        "GSelReport": ["GSelIO"],
        "GSelPipeline": ["GSelIO", "GSelCore", "GSelReport", "CHDF5"],
        "gsel": ["GSelIO", "GSelCore", "GSelReport", "GSelPipeline", "ArgumentParser"],
    ]
    static let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch", "_Builtin_intrinsics.intel"]
    static let project: Set<String> = ["GSelIO", "GSelCore", "GSelReport", "GSelPipeline", "gsel", "CHDF5", "CZlib", "CBLAS", "ArgumentParser"]

    /// Every Swift file under Sources/<module>, as (path inside the module, text).
    func sources(of module: String) throws -> [(file: String, text: String)] {
        let root = GSelProcess.packageRoot.appendingPathComponent("Sources/\(module)")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertFalse(files.isEmpty, "no sources in \(root.path)")
        return try files.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// `import X` lines of every Swift file under Sources/<module>, as (file, line, module).
    func imports(of module: String) throws -> [(file: String, line: Int, module: String)] {
        var found: [(String, Int, String)] = []
        for (file, text) in try sources(of: module) {
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let words = raw.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard let i = words.firstIndex(of: "import"), words[..<i].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "internal" }),
                      i + 1 < words.count else { continue }
                found.append(("\(module)/\(file)", n + 1, String(words[i + 1])))
            }
        }
        return found
    }

    func testEveryModuleImportsOnlyTheLayersBelowIt() throws {
        var seen = 0
        for (module, allowed) in Self.allowed {
            for (file, line, imported) in try imports(of: module) {
                seen += 1
                XCTAssertTrue(allowed.contains(imported) || (Self.system.contains(imported) && !Self.project.contains(imported)),
                              "\(file):\(line) imports \(imported); \(module) may import \(allowed.sorted()) (docs/architecture.md)")
            }
        }
        XCTAssertGreaterThan(seen, 100, "the import lines were read")
    }

    /// The engine and the pipeline throw `ParameterError` for a setting and `InputError` for
    /// the data; `UsageError`, once thrown beside them, is gone and must not come back.
    func testCoreAndPipelineThrowNoUsageError() throws {
        var read = 0
        for module in ["GSelCore", "GSelPipeline"] {
            for (file, text) in try sources(of: module) {
                read += 1
                XCTAssertFalse(text.contains("UsageError("), "\(module)/\(file) throws UsageError; throw ParameterError or InputError (docs/architecture.md)")
            }
        }
        XCTAssertGreaterThan(read, 50, "the sources were read")
    }

    /// Package.swift declares no dependency that the layers forbid.
    func testPackageManifestFollowsTheLayers() throws {
        let manifest = try String(contentsOf: GSelProcess.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for (module, allowed) in Self.allowed where module != "gsel" {
            let marker = "name: \"\(module)\", dependencies: ["
            let start = try XCTUnwrap(manifest.range(of: marker), "no target \(module) in Package.swift")
            let list = manifest[start.upperBound...].prefix { $0 != "]" }
            let names = list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\n")) }.filter { !$0.isEmpty }
            for name in names { XCTAssertTrue(allowed.contains(name), "Package.swift: \(module) depends on \(name)") }
        }
    }
}
