/// Reads genotypes from a VCF (`.vcf`, `.vcf.gz`, `.vcf.bgz`; BGZF, plain gzip or uncompressed).
/// GT becomes `SampleMajorDosages` (ALT allele count per call, UInt8, collected variant by
/// variant and transposed once at the end, so fits read sample rows as they are); with
/// `vcfField == .dosage` the DS field becomes a Float32 `DenseMatrix`. Sites with ALT `.`,
/// monomorphic sites and those failing the `maf` / `maxMissing` filters (`DecodingSettings`) are
/// dropped and counted.
public struct VCFReader: MatrixReader {
    public static let formatName = "vcf"
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let field = options.decoding.vcfField.rawValue
        let source = try VCFSource(path: path, threads: options.threads,
                                   maxLineBytes: LineReader.maxLineBytes(budget: options.decoding.memoryBudget))
        let header = try VCFHeader.read(from: source)
        let samples = header.sampleIDs.count
        var parser = VCFLineParser(path: path, sampleIDs: header.sampleIDs, field: field)
        var qc = try VariantQC(samples: samples, settings: options.decoding)
        var scan = Scan()
        let matrix: any FeatureMatrix
        let features: [FeatureInfo]
        var renamed = 0
        if options.decoding.vcfField == .genotype {
            var store = VariantStore<UInt8>(samples: samples, missing: DosageMatrix.missing, budget: options.decoding.memoryBudget, path: path)
            try collect(source, &parser, &qc, &store, &scan) { parser, line, record, index, lineNumber, out in
                try parser.decodeGenotypes(line, record, fieldIndex: index, lineNumber: lineNumber, into: out)
            }
            if let disk = try store.spill.finish(store.values, order: .features) {
                matrix = disk
            } else {
                var codes = store.takeValues()
                matrix = SampleMajorDosages(transposing: &codes, samples: samples, features: store.features.count)
            }
            (features, renamed) = (store.features, store.renamedDuplicates)
        } else {
            var store = VariantStore<Float>(samples: samples, missing: .nan, budget: options.decoding.memoryBudget, path: path)
            try collect(source, &parser, &qc, &store, &scan) { parser, line, record, index, lineNumber, out in
                try parser.decodeDosages(line, record, fieldIndex: index, lineNumber: lineNumber, into: out)
            }
            matrix = try store.spill.finish(store.values, order: .features) ?? DenseMatrix(rows: samples, columns: store.features.count, featureMajor: store.values)
            (features, renamed) = (store.features, store.renamedDuplicates)
        }
        try check(scan, qc, header: header, field: field)
        var counters = qc.counters
        var notes = source.notes + [qc.note]
        if scan.recordsWithoutField > 0 {
            counters["vcf_records_without_\(field.lowercased())"] = scan.recordsWithoutField
            notes.append("\(scan.recordsWithoutField) records have no \(field) in FORMAT; their calls count as missing")
        }
        if renamed > 0 {
            counters["duplicate_ids_renamed"] = renamed
            notes.append("\(renamed) variants repeat an earlier CHROM:POS:REF:ALT and got a #n suffix")
        }
        return LoadedMatrix(kind: .vcf, format: Self.formatName, sampleIDs: header.sampleIDs, features: features,
                            matrix: matrix, counters: counters, notes: notes)
    }

    /// What one pass over the records saw besides the calls.
    private struct Scan {
        var recordsWithoutField = 0
        var firstFormat: String?
    }

    /// Reads every data record, decodes the field into a new slot of `store` and keeps it when QC passes.
    private func collect<Value>(
        _ source: VCFSource, _ parser: inout VCFLineParser, _ qc: inout VariantQC,
        _ store: inout VariantStore<Value>, _ scan: inout Scan,
        decode: (VCFLineParser, UnsafeBufferPointer<UInt8>, VCFRecord, Int?, Int, UnsafeMutablePointer<Value>) throws -> VariantCallStats
    ) throws {
        while let line = try source.nextLine() {
            if line.isEmpty { continue }
            let lineNumber = source.lines.lineNumber
            let record = try parser.record(line, lineNumber: lineNumber)
            let index = parser.fieldIndex(line, record)
            if index == nil { scan.recordsWithoutField += 1 }
            if scan.firstFormat == nil { scan.firstFormat = String(decoding: UnsafeBufferPointer(rebasing: line[record.format]), as: UTF8.self) }
            try store.append(path: path, lineNumber: lineNumber) { out in
                let stats = try decode(parser, line, record, index, lineNumber, out)
                return qc.keep(altCount: record.altCount, stats: stats) ? parser.feature(line, record) : nil
            }
        }
    }

    /// Errors for a file with nothing usable: no records, the field in no record, nothing passing QC.
    private func check(_ scan: Scan, _ qc: VariantQC, header: VCFHeader, field: String) throws {
        guard qc.records > 0 else {
            throw InputError(file: path, location: "line \(header.columnLine + 1)",
                             "no variant records after the #CHROM header, expected at least one data line")
        }
        if scan.recordsWithoutField == qc.records {
            throw InputError(file: path, "no record has \(field) in its FORMAT column (first FORMAT: \(scan.firstFormat ?? "none")); use --vcf-field to choose GT or DS")
        }
        if qc.kept == 0 {
            throw InputError(file: path, "no variant passed QC (\(qc.note))")
        }
    }
}
