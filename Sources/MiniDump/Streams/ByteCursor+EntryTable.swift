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

extension ByteReader {
    /// The `MINIDUMP_STRING` at `rva`, or `nil` (with a diagnostic appended) when it does not fit in
    /// the file. An RVA of 0 means "no string" and gives `nil` without a diagnostic.
    func minidumpStringOrDiagnostic(
        at rva: UInt64, stream: StreamType, field: String, into diagnostics: inout [DumpDiagnostic]
    ) -> String? {
        guard rva != 0 else { return nil }
        do {
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
