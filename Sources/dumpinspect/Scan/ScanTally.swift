/// The running totals of a scan and its buckets, fed one record at a time in any order; everything
/// it reports is independent of that order (so `--jobs 1` and `--jobs 8` agree).
struct ScanTally: Sendable {
    /// One bucket: every counted crash with the same bucket id.
    struct Bucket: Sendable, Hashable {
        var id: String
        var count = 0
        /// `0xC0000005 EXCEPTION_ACCESS_VIOLATION`, `no exception`.
        var exception = ""
        var exceptionCode: UInt32?
        var exceptionName: String?
        var fault: String?
        var recursion: [String]?
        var application: String?
        /// The earliest and latest dump time (seconds since 1970), when any dump had one.
        var first: UInt32?
        var last: UInt32?
        /// The first file of the bucket in path order.
        var example = ""
        /// The signatures of the `Report.wer` files beside its dumps, sorted.
        var werSignatures = Set<String>()

        /// The table's FAULT column: the recursion cycle of a stack overflow, else the fault.
        var faultText: String? {
            if let recursion { return "recursion " + recursion.joined(separator: " → ") }
            return fault
        }
    }

    /// Every record accounted for (read, failed or skipped; not the already-done ones).
    var files = 0
    var ok = 0
    var failed = 0
    var skipped = 0
    /// `.hdmp` files counted as part of their `.mdmp`'s crash.
    var folded = 0
    /// Files left out because `--skip-done` listed them.
    var alreadyDone = 0
    private(set) var buckets = [String: Bucket]()

    /// Counted crashes (read files that are not folded into another).
    var crashes: Int { buckets.values.reduce(0) { $0 + $1.count } }

    mutating func add(_ record: ScanRecord) {
        files += 1
        switch record.status {
        case .ok: ok += 1
        case .error: failed += 1
        case .skipped: skipped += 1
        }
        if record.duplicateOf != nil, record.status == .ok { folded += 1 }
        guard record.isCounted else { return }
        let id = record.bucket ?? "unknown"
        var bucket = buckets[id] ?? Bucket(id: id, example: record.file)
        bucket.count += 1
        if bucket.count == 1 || record.file.utf8.lexicographicallyPrecedes(bucket.example.utf8) {
            // The example (first in path order) also speaks for the bucket's columns.
            bucket.example = record.file
            bucket.exception = record.exceptionText
            bucket.exceptionCode = record.exceptionCode
            bucket.exceptionName = record.exceptionName
            bucket.fault = record.fault
            bucket.recursion = record.recursion
            bucket.application = record.application
        }
        if let time = record.timestamp {
            bucket.first = min(bucket.first ?? time, time)
            bucket.last = max(bucket.last ?? time, time)
        }
        if let wer = record.wer, wer.error == nil {
            bucket.werSignatures.insert((wer.eventType.map { $0 + " " } ?? "") + wer.signature)
        }
        buckets[id] = bucket
    }

    /// The buckets, most frequent first, ties by id.
    var sortedBuckets: [Bucket] {
        buckets.values.sorted { ($0.count, $1.id) > ($1.count, $0.id) }
    }
}

/// Orders records by path (UTF-8 bytes), for output that does not depend on completion order.
func pathOrder(_ lhs: ScanRecord, _ rhs: ScanRecord) -> Bool {
    lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8)
}
