/// Appends little-endian values to a growing byte array.
///
/// Every minidump structure is little-endian and packed to 4 bytes, so the stream builders write
/// their fields one by one with these methods instead of copying C structures.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// The number of bytes written so far.
    public var count: Int { bytes.count }

    /// Appends one byte.
    public mutating func u8(_ value: UInt8) { bytes.append(value) }
    /// Appends a little-endian 16-bit value.
    public mutating func u16(_ value: UInt16) { append(value) }
    /// Appends a little-endian 32-bit value.
    public mutating func u32(_ value: UInt32) { append(value) }
    /// Appends a little-endian 64-bit value.
    public mutating func u64(_ value: UInt64) { append(value) }
    /// Appends a little-endian signed 32-bit value.
    public mutating func i32(_ value: Int32) { append(value) }
    /// Appends a little-endian signed 64-bit value.
    public mutating func i64(_ value: Int64) { append(value) }
    /// Appends a little-endian 128-bit value (a vector register, `M128A`).
    public mutating func u128(_ value: UInt128) {
        u64(UInt64(truncatingIfNeeded: value))
        u64(UInt64(truncatingIfNeeded: value >> 64))
    }

    /// Appends any fixed-width integer, little-endian.
    public mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    public mutating func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// Appends `count` zero bytes (nothing when `count` is zero or negative).
    public mutating func zeros(_ count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: repeatElement(0, count: count))
    }

    /// Pads with zeros to a multiple of `alignment`.
    public mutating func align(_ alignment: Int) {
        let extra = bytes.count % alignment
        if extra != 0 { zeros(alignment - extra) }
    }

    /// Pads with zeros until the writer holds `size` bytes (nothing when it already holds more).
    public mutating func pad(to size: Int) { zeros(size - bytes.count) }

    /// Appends `text` as UTF-16LE in a fixed field of `units` code units: truncated to leave room for
    /// a NUL terminator, then zero-filled (`WCHAR name[units]`).
    public mutating func fixedUTF16(_ text: String, units: Int) {
        let encoded = Array(text.utf16.prefix(max(units - 1, 0)))
        for unit in encoded { u16(unit) }
        zeros((units - encoded.count) * 2)
    }

    /// Appends a `MINIDUMP_LOCATION_DESCRIPTOR` (size, then RVA).
    public mutating func location(_ location: WrittenLocation) {
        u32(location.size)
        u32(location.rva)
    }

    /// Appends a `MINIDUMP_MEMORY_DESCRIPTOR` (start address, size, RVA).
    public mutating func memoryDescriptor(_ memory: WrittenMemory) {
        u64(memory.address)
        u32(memory.size)
        u32(memory.rva)
    }

    /// Overwrites a 16-bit value at `offset`.
    public mutating func patch16(_ value: UInt16, at offset: Int) { patch(value, at: offset) }

    /// Overwrites a 32-bit value at `offset`.
    public mutating func patch32(_ value: UInt32, at offset: Int) { patch(value, at: offset) }

    /// Overwrites a 64-bit value at `offset`.
    public mutating func patch64(_ value: UInt64, at offset: Int) { patch(value, at: offset) }

    /// Overwrites any fixed-width integer at `offset`, little-endian; bytes past the end are dropped.
    public mutating func patch<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() where offset + index < bytes.count {
                bytes[offset + index] = byte
            }
        }
    }

    /// UTF-16LE code units of `text`, without a terminator.
    public static func utf16(_ text: String) -> [UInt8] {
        var writer = ByteWriter()
        for unit in text.utf16 { writer.u16(unit) }
        return writer.bytes
    }

    /// The little-endian bytes of a list of 64-bit words (a stack, a table of pointers).
    public static func words64(_ words: [UInt64]) -> [UInt8] {
        var writer = ByteWriter()
        for word in words { writer.u64(word) }
        return writer.bytes
    }

    /// The little-endian bytes of a list of 32-bit words (an x86 stack).
    public static func words32(_ words: [UInt32]) -> [UInt8] {
        var writer = ByteWriter()
        for word in words { writer.u32(word) }
        return writer.bytes
    }
}
