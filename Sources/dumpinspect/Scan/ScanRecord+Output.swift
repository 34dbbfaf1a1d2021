import MiniDump

extension ScanRecord {
    /// The record as one JSON object, the shape of an NDJSON line (docs/scan.md):
    /// `file`, `status`, `error`, `bucket`, `exception`, `fault`, `application`, `timestamp`,
    /// `sizeBytes` always; `recursion`, `members`, `heapDump`, `duplicateOf` and `wer` only when they
    /// apply.
    var json: JSON {
        var members: [(String, JSON)] = [
            ("file", .string(file)),
            ("status", .string(status.rawValue)),
            ("error", .string(error)),
            ("bucket", .string(bucket)),
            ("exception", exceptionJSON),
            ("fault", .string(fault)),
            ("application", .string(application)),
            ("timestamp", timestamp.map { .string(Format.isoTime($0)) } ?? .null),
            ("sizeBytes", .number(sizeBytes)),
        ]
        if let recursion { members.append(("recursion", .array(recursion.map(JSON.string)))) }
        if let names = self.members { members.append(("members", .array(names.map(JSON.string)))) }
        if let heapDump {
            members.append(("heapDump", .object([
                ("file", .string(heapDump.file)),
                ("status", .string(heapDump.status.rawValue)),
                ("error", .string(heapDump.error)),
                ("sizeBytes", .number(heapDump.sizeBytes)),
            ])))
        }
        if let duplicateOf { members.append(("duplicateOf", .string(duplicateOf))) }
        if let wer { members.append(("wer", wer.json)) }
        return .object(members)
    }

    private var exceptionJSON: JSON {
        guard status == .ok else { return .null }
        guard let exceptionCode else {
            // A dump without an exception, or whose exception stream could not be read.
            return exceptionName.map { .object([("code", .null), ("name", .string($0))]) } ?? .null
        }
        return .object([("code", .hex(exceptionCode)), ("name", .string(exceptionName))])
    }

    /// The CSV header, one column per field.
    static let csvHeader = [
        "file", "status", "error", "bucket", "exceptionCode", "exceptionName", "fault", "application",
        "timestamp", "sizeBytes", "recursion", "duplicateOf", "werEventType", "werSignature", "werBucketId",
    ]

    /// The record's CSV fields, in ``csvHeader`` order.
    var csvFields: [String] {
        [
            file, status.rawValue, error ?? "", bucket ?? "",
            exceptionCode.map { Hex.format($0, digits: 8) } ?? "", exceptionName ?? "", fault ?? "",
            application ?? "", timestamp.map(Format.isoTime) ?? "", sizeBytes.map { String($0) } ?? "",
            recursion?.joined(separator: " > ") ?? "", duplicateOf ?? "", wer?.eventType ?? "", wer?.signature ?? "", wer?.bucketId ?? "",
        ]
    }
}

extension WERReport {
    /// `{"file", "eventType", "parameters": [{"name", "value"}], "signature", "bucketId", "error"}`.
    var json: JSON {
        .object([
            ("file", .string(file)),
            ("eventType", .string(eventType)),
            ("parameters", .array(parameters.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })),
            ("signature", .string(parameters.isEmpty ? nil : signature)),
            ("bucketId", .string(bucketId)),
            ("error", .string(error)),
        ])
    }
}

/// RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted, quotes doubled; lines end in CRLF.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

private extension String {
    func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
