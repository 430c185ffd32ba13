import ArgumentParser

/// Where results go and how much is said on stderr.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output directory.")
    var out: String = "gsel-out"

    @Flag(name: .long, help: "Reuse finished fits in --out (after a killed or failed run).")
    var resume = false

    @Flag(name: .long, help: "No log output on stderr.")
    var quiet = false
}
