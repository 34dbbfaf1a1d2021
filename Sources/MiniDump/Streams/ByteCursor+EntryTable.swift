/// Helpers shared by the decoders of the secondary streams (thread info and names, handles,
/// tokens, function tables, Breakpad, Linux and Crashpad streams).
extension ByteCursor {
    /// Converts a file-supplied entry count after checking that `count × stride` bytes remain in
    /// the window; throws ``MiniDumpError/Kind/invalidCount`` before anything is allocated.
    func checkedEntryCount(
        _ count: UInt64, stride: Int, _ what: @autoclosure () -> String
    ) throws(MiniDumpError) -> Int {
        guard stride > 0 else {
            throw MiniDumpError(.invalidValue, offset: offset, stream: stream, "\(what()) has a zero entry size")
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: UInt64(stride))
        guard !overflow, bytes <= UInt64(remaining), let entries = Int(exactly: count) else {
            throw MiniDumpError(
                .invalidCount, offset: offset, stream: stream,
                "\(what()) claims \(count) entries of \(stride) bytes, but only \(remaining) bytes remain")
        }
        return entries
    }

    /// Moves to `distance` bytes after the window's first byte (a header size read from the file);
    /// throws ``MiniDumpError/Kind/truncated`` when that lies past the window.
    mutating func seek(toWindowOffset distance: UInt64, _ what: @autoclosure () -> String) throws(MiniDumpError) {
        guard let step = Int(exactly: distance), step <= end - start else {
            throw MiniDumpError(
                .truncated, offset: UInt64(start), stream: stream,
                "\(what()) is \(distance) bytes but the stream has \(end - start)")
        }
        try seek(to: start + step)
    }

    /// A copy of every byte left in the window (the window is consumed).
    mutating func readRemainingBytes() -> [UInt8] {
        let count = remaining
        return (try? readBytes(count)) ?? []
    }
}

/// Caps the bytes one stream decode copies out of strings and blobs it reaches through RVAs, at
/// the size of the file (at least 1 MiB). Entries may share or overlap one large string; without
/// the cap, a small hostile list could multiply it into gigabytes.
struct ReferenceBudget {
    private(set) var remaining: Int
    /// True once a request was refused (so that only the first refusal is reported).
    private(set) var isExhausted = false

    init(reader: ByteReader) {
        remaining = max(reader.count, 1 << 20)
    }

    /// Takes `bytes` from the budget; `false` (and nothing taken) when not enough is left.
    mutating func spend(_ bytes: Int) -> Bool {
        guard bytes >= 0, bytes <= remaining else {
            isExhausted = true
            return false
        }
        remaining -= bytes
        return true
    }

    /// Takes `bytes`, or appends a diagnostic (the first time only) and returns `false`.
    mutating func spend(
        _ bytes: Int, stream: StreamType, offset: UInt64, into diagnostics: inout [DumpDiagnostic]
    ) -> Bool {
        let wasExhausted = isExhausted
        if spend(bytes) { return true }
        if !wasExhausted {
            diagnostics.append(DumpDiagnostic(
                stream: stream, offset: offset,
                "strings and data reached through RVAs exceed \(remaining) more bytes; this and later ones are left empty"))
        }
        return false
    }
}

extension ByteReader {
    /// The `MINIDUMP_STRING` at `rva`, or `nil` (with a diagnostic appended) when it does not fit in
    /// the file or the budget. An RVA of 0 means "no string" and gives `nil` without a diagnostic.
    func minidumpStringOrDiagnostic(
        at rva: UInt64, stream: StreamType, field: String, budget: inout ReferenceBudget,
        into diagnostics: inout [DumpDiagnostic]
    ) -> String? {
        guard rva != 0 else { return nil }
        do {
            let length = try checkedValue(UInt32.self, at: rva, stream: stream, "MINIDUMP_STRING.Length")
            guard budget.spend(Int(min(length, Self.maxStringBytes)), stream: stream, offset: rva, into: &diagnostics) else {
                return nil
            }
            return try minidumpString(at: rva, stream: stream)
        } catch {
            diagnostics.append(DumpDiagnostic(
                stream: stream, offset: rva, "\(field) at \(Hex.format(rva)) is unreadable: \(error.detail)"))
            return nil
        }
    }

    /// The bytes of a length-prefixed blob at `rva` (a 32-bit byte count, then the bytes), as
    /// Crashpad's `MinidumpUTF8String` and `MinidumpByteArray` store them.
    func lengthPrefixedBytes(at rva: UInt64, stream: StreamType, _ what: String) throws(MiniDumpError) -> Range<Int> {
        let length = try checkedValue(UInt32.self, at: rva, stream: stream, "\(what) length")
        return try checkedRange(offset: rva + 4, length: UInt64(length), stream: stream, what)
    }
}
