extension ByteReader {
    /// The longest `MINIDUMP_STRING` accepted, in bytes (Windows paths are at most 32,767 UTF-16 units).
    static let maxStringBytes: UInt32 = 0x1_0000

    /// Decodes the `MINIDUMP_STRING` at `rva`: a 32-bit byte length, then UTF-16LE code units.
    ///
    /// Decoding is lenient: an odd length drops the last byte, invalid UTF-16 becomes U+FFFD, and a
    /// trailing NUL is dropped. Throws when the length field or the characters lie outside the file,
    /// or when the length is implausibly large.
    func minidumpString(at rva: UInt64, stream: StreamType? = nil) throws(MiniDumpError) -> String {
        let length = try checkedValue(UInt32.self, at: rva, stream: stream, "MINIDUMP_STRING.Length")
        guard length <= Self.maxStringBytes else {
            throw MiniDumpError(
                .invalidCount, offset: rva, stream: stream,
                "MINIDUMP_STRING.Length is \(length) bytes, more than the \(Self.maxStringBytes) accepted")
        }
        let range = try checkedRange(
            offset: rva + 4, length: UInt64(length & ~1), stream: stream, "MINIDUMP_STRING characters")
        return utf16String(in: range)
    }

    /// Decodes UTF-16LE code units in `range` leniently, stopping at the first NUL.
    func utf16String(in range: Range<Int>) -> String {
        let units = range.count / 2
        var buffer = [UInt16]()
        buffer.reserveCapacity(units)
        var at = range.lowerBound
        for _ in 0..<units {
            let unit: UInt16 = loadUnchecked(UInt16.self, at: at)
            if unit == 0 { break }
            buffer.append(unit)
            at += 2
        }
        return String(decoding: buffer, as: UTF16.self)
    }

    /// Decodes bytes in `range` as UTF-8 leniently, stopping at the first NUL.
    func utf8String(in range: Range<Int>) -> String {
        withBytes(in: range) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return String(decoding: raw[0..<end], as: UTF8.self)
        }
    }
}
