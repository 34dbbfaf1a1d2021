/// The bucket parameters of a Windows Error Reporting `Report.wer` file that sits beside a dump.
///
/// `Report.wer` is an INI-like text file, UTF-16LE with a byte-order mark as Windows writes it (UTF-8
/// is accepted too): `EventType=APPCRASH`, `Sig[0].Name=Application Name`, `Sig[0].Value=w3wp.exe`, …,
/// and after the report was sent `Response.BucketId=…`.
struct WERReport: Sendable, Hashable {
    /// One `Sig[n]` parameter.
    struct Parameter: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// The path of the `Report.wer` file.
    var file: String
    /// `EventType` (`APPCRASH`, `BEX64`, `CLR20r3`, ...), or `nil`.
    var eventType: String?
    /// `Sig[0]`, `Sig[1]`, ... in index order.
    var parameters: [Parameter] = []
    /// The bucket Windows Error Reporting assigned (`Response.BucketId`), or `nil` when the report was
    /// never answered.
    var bucketId: String?
    /// Why the file could not be used, or `nil`.
    var error: String?

    /// The parameter values joined with `!`, WER's own P1…P8 order (comparable with our bucket).
    var signature: String { parameters.map(\.value).joined(separator: "!") }

    /// The largest `Report.wer` read (real ones are a few KiB).
    static let sizeLimit = 1 << 20

    /// Reads and parses the file at `path`.
    static func read(path: String) -> WERReport {
        guard let bytes = ScanFileSystem.contents(of: path, limit: sizeLimit) else {
            return WERReport(file: path, error: "cannot read the file (or it is over \(sizeLimit) bytes)")
        }
        return parse(bytes, file: path)
    }

    /// Parses the bytes of a `Report.wer`.
    static func parse(_ bytes: [UInt8], file: String) -> WERReport {
        var report = WERReport(file: file)
        var signatures = [Int: (name: String?, value: String?)]()
        for line in decode(bytes).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingSpaces()
            let value = String(line[line.index(after: equals)...].trimmingSpaces())
            switch key.lowercased() {
            case "eventtype": report.eventType = value
            case "response.bucketid": report.bucketId = value
            default:
                guard key.lowercased().hasPrefix("sig["), let close = key.firstIndex(of: "]"),
                      let index = Int(key[key.index(key.startIndex, offsetBy: 4)..<close]), index >= 0, index < 64
                else { continue }
                let field = key[key.index(after: close)...].lowercased()
                if field == ".name" { signatures[index, default: (nil, nil)].name = value }
                if field == ".value" { signatures[index, default: (nil, nil)].value = value }
            }
        }
        report.parameters = signatures.keys.sorted().compactMap { index in
            guard let entry = signatures[index], let value = entry.value else { return nil }
            return Parameter(name: entry.name ?? "Sig[\(index)]", value: value)
        }
        if report.eventType == nil, report.parameters.isEmpty {
            report.error = "no EventType or Sig[n] entries found"
        }
        return report
    }

    /// Decodes UTF-16LE/BE (with a byte-order mark, or LE recognised by its zero high bytes) or UTF-8.
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        let sample = bytes.prefix(64)
        let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        if sample.count >= 4, oddZeros * 2 >= sample.count / 2 { return utf16(bytes[...], bigEndian: false) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
