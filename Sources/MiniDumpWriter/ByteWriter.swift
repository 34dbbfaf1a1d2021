/// Appends little-endian values to a growing byte array.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    public init() {}

    public var count: Int { bytes.count }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }
    public mutating func u16(_ value: UInt16) { append(value) }
    public mutating func u32(_ value: UInt32) { append(value) }
    public mutating func u64(_ value: UInt64) { append(value) }
    public mutating func i32(_ value: Int32) { append(value) }

    /// Appends any fixed-width integer, little-endian.
    public mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// Appends `count` zero bytes.
    public mutating func zeros(_ count: Int) { bytes.append(contentsOf: repeatElement(0, count: count)) }

    /// Pads with zeros to a multiple of `alignment`.
    public mutating func align(_ alignment: Int) {
        let extra = bytes.count % alignment
        if extra != 0 { zeros(alignment - extra) }
    }

    /// Overwrites a 32-bit value at `offset`.
    public mutating func patch32(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
        }
    }

    /// UTF-16LE code units of `text`, without a terminator.
    public static func utf16(_ text: String) -> [UInt8] {
        var writer = ByteWriter()
        for unit in text.utf16 { writer.u16(unit) }
        return writer.bytes
    }
}
