/// A GUID as stored in CodeView records: three little-endian integers and eight bytes.
/// Mirrors `GUID` (`Data1`, `Data2`, `Data3`, `Data4[8]`).
public struct DumpGUID: Sendable, Hashable, CustomStringConvertible {
    /// The first field (`Data1`).
    public let data1: UInt32
    /// The second field (`Data2`).
    public let data2: UInt16
    /// The third field (`Data3`).
    public let data3: UInt16
    /// The last eight bytes (`Data4`), in file order.
    public let data4: [UInt8]

    /// Creates a GUID from its fields; `data4` is cut or zero-padded to eight bytes.
    public init(data1: UInt32, data2: UInt16, data3: UInt16, data4: [UInt8]) {
        self.data1 = data1
        self.data2 = data2
        self.data3 = data3
        if data4.count == 8 {
            self.data4 = data4
        } else {
            var padded = Array(data4.prefix(8))
            padded.append(contentsOf: repeatElement(0, count: 8 - padded.count))
            self.data4 = padded
        }
    }

    /// Reads the 16 bytes as a GUID with little-endian fields, as Windows and Breakpad do; fewer
    /// than 16 bytes are zero-padded.
    ///
    /// Read field by field into one array (`Data4`): padding and slicing copies of the input cost
    /// 4,600 instructions per module, 2.1 M for a 466-module list (docs/performance.md).
    public init(littleEndianBytes bytes: [UInt8]) {
        func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        self.data1 = UInt32(byte(0)) | UInt32(byte(1)) << 8 | UInt32(byte(2)) << 16 | UInt32(byte(3)) << 24
        self.data2 = UInt16(byte(4)) | UInt16(byte(5)) << 8
        self.data3 = UInt16(byte(6)) | UInt16(byte(7)) << 8
        self.data4 = (8..<16).map(byte)
    }

    /// ``init(littleEndianBytes:)`` on exactly 16 bytes in place.
    init(littleEndian raw: UnsafeRawBufferPointer) {
        guard raw.count >= 16 else {
            self.init(littleEndianBytes: Array(raw))
            return
        }
        self.init(
            data1: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
            data2: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self)),
            data3: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 6, as: UInt16.self)),
            data4: Array(UnsafeRawBufferPointer(rebasing: raw[8..<16])))
    }

    /// True when every byte is zero.
    public var isZero: Bool { data1 == 0 && data2 == 0 && data3 == 0 && data4.allSatisfy { $0 == 0 } }

    /// The 32 upper-case hex digits without separators, fields in GUID order
    /// (`Data1`, `Data2`, `Data3`, then `Data4` byte by byte), as in Breakpad debug identifiers.
    public var compactHex: String {
        Self.hex(UInt64(data1), 8) + Self.hex(UInt64(data2), 4) + Self.hex(UInt64(data3), 4) + Self.hex(data4Value, 16)
    }

    /// The registry form without braces: `B715BAEB-7087-45CA-B29F-4A5DAC2078B6`.
    public var description: String {
        let tail = data4Value
        return Self.hex(UInt64(data1), 8) + "-" + Self.hex(UInt64(data2), 4) + "-" + Self.hex(UInt64(data3), 4)
            + "-" + Self.hex(tail >> 48, 4) + "-" + Self.hex(tail & 0xFFFF_FFFF_FFFF, 12)
    }

    /// `Data4` as one big-endian number (its first byte the most significant), so that its hex
    /// digits come out in file order; ``init(data1:data2:data3:data4:)`` keeps it at eight bytes.
    private var data4Value: UInt64 {
        var value: UInt64 = 0
        for byte in data4.prefix(8) { value = value << 8 | UInt64(byte) }
        return value
    }

    /// `value` as exactly `digits` upper-case hex digits (more when it needs them), no `0x`.
    static func hex(_ value: UInt64, _ digits: Int) -> String {
        Hex.string(value, digits: digits, prefixed: false)
    }
}
