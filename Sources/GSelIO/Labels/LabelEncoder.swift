/// Chooses the task for a label column and encodes its values (SPEC §2): with no task given,
/// at most 20 distinct values that are non-numeric or all integers make a classification,
/// anything else a regression.
struct LabelEncoder {
    /// Most distinct values an auto-detected classification may have.
    static let maxAutoClasses = 20

    let table: LabelTable

    /// Encodes the labels at `entries` (indices into `table`, all non-missing).
    func encode(_ entries: [Int], task requested: TaskKind?) throws -> (TaskKind, Target, String) {
        let texts = entries.map { table.values[$0]! }
        let numbers = texts.map(LabelTable.number)
        let allNumeric = numbers.allSatisfy { $0 != nil }
        let allIntegers = allNumeric && numbers.allSatisfy { $0! == $0!.rounded() && abs($0!) < 1e15 }
        let distinct = allNumeric ? Set(numbers.map { $0! }).count : Set(texts).count
        let kind = allIntegers ? "integer" : (allNumeric ? "numeric" : "non-numeric")
        let task: TaskKind
        var why: String
        if let requested {
            task = requested
            why = "given by --task"
        } else {
            task = distinct <= Self.maxAutoClasses && (!allNumeric || allIntegers) ? .classification : .regression
            why = "auto: \(distinct) distinct \(kind) values; classification needs at most \(Self.maxAutoClasses) distinct non-numeric or integer values"
        }
        why = "task: \(task.rawValue) (\(why))"
        switch task {
        case .classification:
            return (task, try classes(texts: texts, numbers: allNumeric ? numbers.map { $0! } : nil, entries: entries), why)
        case .regression:
            return (task, try regression(entries: entries, numbers: numbers, auto: requested == nil, distinct: distinct), why)
        }
    }

    private func classes(texts: [String], numbers: [Double]?, entries: [Int]) throws -> Target {
        let names: [String]
        let codes: [Int32]
        if let numbers {
            let sorted = Array(Set(numbers)).sorted()
            let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
            names = sorted.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : String($0) }
            codes = numbers.map { index[$0]! }
        } else {
            names = Array(Set(texts)).sorted()
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
            codes = texts.map { index[$0]! }
        }
        if names.count < 2 {
            throw InputError(file: table.source, location: "column \(table.labelColumn)",
                             "every labelled sample has the class '\(MessageText.value(names.first ?? ""))'; classification needs at least two classes")
        }
        try requireTwoSamplesPerClass(codes: codes, names: names, entries: entries)
        return .classes(codes: codes, names: names)
    }

    /// A class with a single labelled sample can never be both trained on and validated:
    /// name it (and where it is) here, where the label file is known.
    private func requireTwoSamplesPerClass(codes: [Int32], names: [String], entries: [Int]) throws {
        let counts = Target.classes(codes: codes, names: names).classCounts
        var lastEntry = [Int](repeating: 0, count: names.count)
        for (k, code) in codes.enumerated() { lastEntry[Int(code)] = entries[k] }
        let single = names.indices.filter { counts[$0] < 2 }
        guard !single.isEmpty else { return }
        let listed = single.map { "'\(names[$0])' (\(table.location(of: lastEntry[$0])))" }
        let what = single.count == 1 ? "class \(MessageText.list(listed)) has" : "\(single.count) classes have"
        let examples = single.count == 1 ? "" : ": \(MessageText.list(listed, limit: 10))"
        throw InputError(file: table.source, location: "column \(table.labelColumn)",
                         "\(what) a single labelled sample\(examples); every class needs at least 2 samples to train and validate on (merge or drop rare classes)")
    }

    private func regression(entries: [Int], numbers: [Double?], auto: Bool, distinct: Int) throws -> Target {
        var out: [Float] = []
        out.reserveCapacity(entries.count)
        for (k, i) in entries.enumerated() {
            let text = table.values[i]!
            guard let d = numbers[k] else {
                if LabelTable.isInfinite(text) {
                    throw InputError(file: table.source, location: table.location(of: i),
                                     "found '\(MessageText.value(text))', expected a finite number for a regression target (empty, NA or NaN mark a missing label)")
                }
                let hint = auto
                    ? "; the column has \(distinct) distinct values, too many for an automatic classification (use --task classification)"
                    : ""
                throw InputError(file: table.source, location: table.location(of: i),
                                 "found '\(text)', expected a number for a regression target\(hint)")
            }
            let f = Float(d)
            guard f.isFinite else {
                throw InputError(file: table.source, location: table.location(of: i),
                                 "found '\(text)', outside the Float32 range (about ±3.4e38)")
            }
            out.append(f)
        }
        if let first = out.first, out.allSatisfy({ $0 == first }) {
            throw InputError(file: table.source, location: "column \(table.labelColumn)",
                             "every labelled sample has the value '\(MessageText.value(table.values[entries[0]]!))' (\(out.count) samples); a regression target must vary (is this the label column?)")
        }
        return .values(out)
    }
}
