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
    ///
    /// Transcodes to UTF-8 by hand, with the standard library's repairs (each unpaired surrogate
    /// becomes U+FFFD): `String(decoding:as: UTF16.self)` takes a generic path whose first use in a
    /// process costs about 0.5 M instructions of runtime type instantiation, a quarter of what
    /// `dumpinspect summary` does in total (docs/performance.md).
    func utf16String(in range: Range<Int>) -> String {
        withBytes(in: range, UTF16Text.string(littleEndianUnits:))
    }

    /// Decodes bytes in `range` as UTF-8 leniently, stopping at the first NUL.
    func utf8String(in range: Range<Int>) -> String {
        withBytes(in: range) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return String(decoding: raw[0..<end], as: UTF8.self)
        }
    }
}

/// UTF-16 text transcoded by hand, with the standard library's repairs (each unpaired surrogate
/// becomes U+FFFD). `String(decoding:as: UTF16.self)` takes a generic path whose first use in a
/// process costs about 0.5 M instructions of runtime type instantiation and that stays slow per
/// call (docs/performance.md).
enum UTF16Text {
    /// The string `units` spell, up to the first NUL.
    static func string(_ units: some Collection<UInt16>) -> String {
        units.map(\.littleEndian).withUnsafeBytes(string(littleEndianUnits:))
    }

    /// The string the UTF-16LE code units in `raw` spell, up to the first NUL (an odd last byte is
    /// ignored).
    ///
    /// Written straight into the string's storage, sized first: one byte per ASCII unit, at most
    /// three per other unit (a surrogate pair, two units, takes four). Appending to an array and
    /// copying it into a `String` cost about 3,000 instructions per module name
    /// (docs/performance.md).
    static func string(littleEndianUnits raw: UnsafeRawBufferPointer) -> String {
        let count = raw.count / 2
        func unit(_ index: Int) -> UInt16 {
            UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index &* 2, as: UInt16.self))
        }
        // Four units at a time while they are ASCII (most names and paths are), then one by one.
        func asciiQuad(at index: Int) -> UInt64? {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index &* 2, as: UInt64.self))
            let ascii = word & 0xFF80_FF80_FF80_FF80 == 0
            let hasNUL = (word &- 0x0001_0001_0001_0001) & ~word & 0x8000_8000_8000_8000 != 0
            return ascii && !hasNUL ? word : nil
        }
        var capacity = 0
        var start = 0
        while count &- start >= 4, asciiQuad(at: start) != nil { start &+= 4 }
        capacity = start
        for index in start..<count {
            let code = unit(index)
            if code == 0 { break }
            capacity &+= code < 0x80 ? 1 : 3
        }
        guard capacity > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity) { utf8 in
            var written = 0
            var index = 0
            while count &- index >= 4, let word = asciiQuad(at: index) {
                utf8[written] = UInt8(truncatingIfNeeded: word)
                utf8[written &+ 1] = UInt8(truncatingIfNeeded: word >> 16)
                utf8[written &+ 2] = UInt8(truncatingIfNeeded: word >> 32)
                utf8[written &+ 3] = UInt8(truncatingIfNeeded: word >> 48)
                written &+= 4
                index &+= 4
            }
            while index < count {
                let code = unit(index)
                index &+= 1
                if code < 0x80 {
                    if code == 0 { break }
                    utf8[written] = UInt8(truncatingIfNeeded: code)
                    written &+= 1
                    continue
                }
                var scalar = UInt32(code)
                if code & 0xF800 == 0xD800 {
                    scalar = 0xFFFD
                    if code < 0xDC00, index < count {
                        let next = unit(index)
                        if next & 0xFC00 == 0xDC00 {
                            scalar = 0x1_0000 + (UInt32(code & 0x3FF) << 10 | UInt32(next & 0x3FF))
                            index &+= 1
                        }
                    }
                }
                written = writeUTF8(scalar, to: utf8, at: written)
            }
            return written
        }
    }

    /// Writes the UTF-8 encoding of `scalar` (at most U+10FFFF, not a surrogate) at `position`,
    /// which has room for it; returns the position after it.
    @inline(__always)
    static func writeUTF8(_ scalar: UInt32, to utf8: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            utf8[position] = UInt8(scalar)
            return position + 1
        case 0x80..<0x800:
            utf8[position] = UInt8(0xC0 | scalar >> 6)
            utf8[position + 1] = UInt8(0x80 | scalar & 0x3F)
            return position + 2
        case 0x800..<0x1_0000:
            utf8[position] = UInt8(0xE0 | scalar >> 12)
            utf8[position + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            utf8[position + 2] = UInt8(0x80 | scalar & 0x3F)
            return position + 3
        default:
            utf8[position] = UInt8(0xF0 | scalar >> 18)
            utf8[position + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            utf8[position + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            utf8[position + 3] = UInt8(0x80 | scalar & 0x3F)
            return position + 4
        }
    }
}
