/// The human report of a scan: the buckets, most frequent first, then the files that failed (and with
/// `--verbose` those skipped), then one summary line.
struct ScanTableReport {
    var tally: ScanTally
    /// The failed records (any order; sorted here).
    var failures: [ScanRecord]
    /// The skipped records, listed only when `verbose`.
    var skipped: [ScanRecord]
    var verbose: Bool
    /// How many buckets and failures to list (0 for all).
    var limit: Int
    var skippedFolderLinks: [String]
    var color: Bool

    func render() -> String {
        var sections = [String]()
        let buckets = tally.sortedBuckets
        if buckets.isEmpty {
            sections.append("No dumps were read.")
        } else {
            sections.append(bucketTable(buckets))
            let withWER = Array(shown(buckets).enumerated()).filter { !$0.element.werSignatures.isEmpty }
            if !withWER.isEmpty {
                var lines = [style("Report.wer beside the dumps: WER's bucket parameters, then ours", "1")]
                for (position, bucket) in withWER {
                    let number = "#\(position + 1)"
                    let pad = String(repeating: " ", count: number.count)
                    for signature in bucket.werSignatures.sorted() { lines.append("  \(number)  WER   \(signature)") }
                    lines.append("  \(pad)  ours  \(bucket.id)")
                }
                sections.append(lines.joined(separator: "\n"))
            }
        }
        if !failures.isEmpty {
            sections.append(list(
                title: "\(failures.count) \(failures.count == 1 ? "file" : "files") failed:",
                records: failures.sorted(by: pathOrder), code: "31"))
        }
        if verbose, !skipped.isEmpty {
            sections.append(list(
                title: "\(skipped.count) \(skipped.count == 1 ? "file is not a dump" : "files are not dumps") (skipped):",
                records: skipped.sorted(by: pathOrder), code: "2"))
        }
        if verbose, !skippedFolderLinks.isEmpty {
            let lines = skippedFolderLinks.map { "  \($0): links to a folder already scanned" }
            sections.append((["Folder links not followed:"] + lines).joined(separator: "\n"))
        }
        sections.append(summary)
        return sections.joined(separator: "\n\n")
    }

    /// `14 files: 9 dumps read (8 crashes in 5 buckets), 3 failed, 2 not dumps (skipped)`.
    var summary: String {
        var parts = ["\(tally.ok) \(tally.ok == 1 ? "dump" : "dumps") read (\(tally.crashes) \(tally.crashes == 1 ? "crash" : "crashes") in \(tally.buckets.count) \(tally.buckets.count == 1 ? "bucket" : "buckets"))"]
        let failed = "\(tally.failed) failed"
        parts.append(tally.failed > 0 ? style(failed, "31") : failed)
        var skippedText = "\(tally.skipped) not \(tally.skipped == 1 ? "a dump" : "dumps") (skipped"
        if !verbose, tally.skipped > 0 { skippedText += "; --verbose lists them" }
        parts.append(skippedText + ")")
        if tally.folded > 0 {
            parts.append("\(tally.folded) .hdmp counted with \(tally.folded == 1 ? "its" : "their") .mdmp")
        }
        if tally.alreadyDone > 0 { parts.append("\(tally.alreadyDone) already done") }
        return "\(tally.files) \(tally.files == 1 ? "file" : "files"): " + parts.joined(separator: ", ")
    }

    private func bucketTable(_ buckets: [ScanTally.Bucket]) -> String {
        var table = TextTable(
            ["#", "COUNT", "EXCEPTION", "FAULT", "APPLICATION", "FIRST (UTC)", "LAST (UTC)", "EXAMPLE"],
            alignments: [.right, .right, .left, .left, .left, .left, .left, .left])
        for (position, bucket) in shown(buckets).enumerated() {
            table.add([
                String(position + 1), String(bucket.count), bucket.exception, bucket.faultText ?? "-",
                bucket.application ?? "-", bucket.first.map(Self.time) ?? "-", bucket.last.map(Self.time) ?? "-",
                bucket.example,
            ])
        }
        var lines = table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let header = lines.first { lines[0] = style(header, "1") }
        if limit > 0, buckets.count > limit {
            lines.append("(\(buckets.count - limit) more \(buckets.count - limit == 1 ? "bucket" : "buckets"); --limit 0 lists all)")
        }
        return lines.joined(separator: "\n")
    }

    private func list(title: String, records: [ScanRecord], code: String) -> String {
        var lines = [style(title, code)]
        let cut = shown(records)
        for record in cut { lines.append("  \(record.file): \(record.error ?? "unknown error")") }
        if cut.count < records.count {
            lines.append("  (\(records.count - cut.count) more; --limit 0 lists all)")
        }
        return lines.joined(separator: "\n")
    }

    /// The first `limit` items (all when `limit` is 0).
    private func shown<T>(_ items: [T]) -> [T] {
        limit > 0 ? Array(items.prefix(limit)) : items
    }

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `2024-03-14 09:26:53`.
    static func time(_ seconds: UInt32) -> String {
        String(Format.time(seconds).dropLast(4))
    }
}
