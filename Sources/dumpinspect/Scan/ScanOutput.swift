/// Where a scan's records go: NDJSON lines written as each unit finishes, or kept for the JSON
/// document, the CSV file (both sorted by path) or the table, written by ``finish(table:header:)``.
struct ScanOutput {
    let format: ScanFormat
    /// Skipped files are written (NDJSON, JSON, CSV) and listed (table) only when verbose.
    let verbose: Bool
    var tally = ScanTally()
    private var kept = [ScanRecord]()
    private var failures = [ScanRecord]()
    private var skipped = [ScanRecord]()

    init(format: ScanFormat, verbose: Bool) {
        self.format = format
        self.verbose = verbose
    }

    /// Accounts for the records of one unit (and for `alreadyDone` files left out of it).
    mutating func add(_ records: [ScanRecord], alreadyDone: Int) {
        tally.alreadyDone += alreadyDone
        var lines = ""
        for record in records {
            tally.add(record)
            let listed = record.status != .skipped || verbose
            switch format {
            case .ndjson:
                if listed { lines += record.json.serialized() + "\n" }
            case .json, .csv:
                if listed { kept.append(record) }
            case .table:
                if record.status == .error { failures.append(record) }
                if record.status == .skipped, verbose { skipped.append(record) }
            }
        }
        if !lines.isEmpty { Console.write(fd: 1, lines) }
    }

    /// Writes what was kept: the table, the JSON document or the CSV file.
    func finish(
        table: (ScanTally, [ScanRecord], [ScanRecord]) -> ScanTableReport, header: [(String, JSON)]
    ) {
        switch format {
        case .ndjson:
            break
        case .table:
            Console.write(fd: 1, table(tally, failures, skipped).render() + "\n")
        case .csv:
            var text = CSV.line(ScanRecord.csvHeader)
            for record in kept.sorted(by: pathOrder) { text += CSV.line(record.csvFields) }
            Console.write(fd: 1, text)
        case .json:
            Console.write(fd: 1, document(header: header).serialized(pretty: true) + "\n")
        }
    }

    /// `{"version", "roots", "shard", "summary", "buckets", "files"}`.
    private func document(header: [(String, JSON)]) -> JSON {
        let summary: JSON = .object([
            ("files", .number(tally.files)),
            ("ok", .number(tally.ok)),
            ("failed", .number(tally.failed)),
            ("skipped", .number(tally.skipped)),
            ("alreadyDone", .number(tally.alreadyDone)),
            ("heapDumpsCountedWithMiniDump", .number(tally.folded)),
            ("crashes", .number(tally.crashes)),
            ("buckets", .number(tally.buckets.count)),
        ])
        let buckets: [JSON] = tally.sortedBuckets.map { bucket in
            .object([
                ("bucket", .string(bucket.id)),
                ("count", .number(bucket.count)),
                ("exception", bucket.exceptionCode.map { .object([("code", .hex($0)), ("name", .string(bucket.exceptionName))]) } ?? .null),
                ("fault", .string(bucket.fault)),
                ("recursion", bucket.recursion.map { .array($0.map(JSON.string)) } ?? .null),
                ("application", .string(bucket.application)),
                ("firstTimestamp", bucket.first.map { .string(Format.isoTime($0)) } ?? .null),
                ("lastTimestamp", bucket.last.map { .string(Format.isoTime($0)) } ?? .null),
                ("example", .string(bucket.example)),
                ("werSignatures", .array(bucket.werSignatures.sorted().map(JSON.string))),
            ])
        }
        return .object(header + [
            ("summary", summary),
            ("buckets", .array(buckets)),
            ("files", .array(kept.sorted(by: pathOrder).map(\.json))),
        ])
    }
}
