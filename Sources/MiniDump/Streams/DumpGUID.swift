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
        self.data4 = Array((data4 + [UInt8](repeating: 0, count: 8)).prefix(8))
    }

    /// Reads the 16 bytes as a GUID with little-endian fields, as Windows and Breakpad do; fewer
    /// than 16 bytes are zero-padded.
    public init(littleEndianBytes bytes: [UInt8]) {
        let raw = Array((bytes + [UInt8](repeating: 0, count: 16)).prefix(16))
        var value1: UInt32 = 0
        for index in (0..<4).reversed() { value1 = value1 << 8 | UInt32(raw[index]) }
        self.init(
            data1: value1,
            data2: UInt16(raw[4]) | UInt16(raw[5]) << 8,
            data3: UInt16(raw[6]) | UInt16(raw[7]) << 8,
            data4: Array(raw[8..<16]))
    }

    /// True when every byte is zero.
    public var isZero: Bool { data1 == 0 && data2 == 0 && data3 == 0 && data4.allSatisfy { $0 == 0 } }

    /// The 32 upper-case hex digits without separators, fields in GUID order
    /// (`Data1`, `Data2`, `Data3`, then `Data4` byte by byte), as in Breakpad debug identifiers.
    public var compactHex: String {
        Self.hex(UInt64(data1), 8) + Self.hex(UInt64(data2), 4) + Self.hex(UInt64(data3), 4)
            + data4.map { Self.hex(UInt64($0), 2) }.joined()
    }

    /// The registry form without braces: `B715BAEB-7087-45CA-B29F-4A5DAC2078B6`.
    public var description: String {
        let tail = data4.map { Self.hex(UInt64($0), 2) }
        return Self.hex(UInt64(data1), 8) + "-" + Self.hex(UInt64(data2), 4) + "-" + Self.hex(UInt64(data3), 4)
            + "-" + tail[0..<2].joined() + "-" + tail[2..<8].joined()
    }

    static func hex(_ value: UInt64, _ digits: Int) -> String {
        let raw = String(value, radix: 16, uppercase: true)
        return raw.count < digits ? String(repeating: "0", count: digits - raw.count) + raw : raw
    }
}
