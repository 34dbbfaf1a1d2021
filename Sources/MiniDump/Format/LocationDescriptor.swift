/// Where a piece of data lies in the file: its size and file offset.
/// Mirrors `MINIDUMP_LOCATION_DESCRIPTOR` (32-bit) and `MINIDUMP_LOCATION_DESCRIPTOR64`.
public struct LocationDescriptor: Sendable, Hashable {
    /// The data's size in bytes.
    public var size: UInt64
    /// The file offset of the data.
    public var rva: UInt64

    public init(size: UInt64, rva: UInt64) {
        self.size = size
        self.rva = rva
    }

    /// True when the descriptor points at nothing (size 0 or RVA 0).
    public var isEmpty: Bool { size == 0 || rva == 0 }

    /// Reads a 32-bit descriptor (`DataSize`, `Rva`).
    static func read32(_ cursor: inout ByteCursor, _ what: String) throws(MiniDumpError) -> LocationDescriptor {
        let size = try cursor.read(UInt32.self, "\(what).DataSize")
        let rva = try cursor.read(UInt32.self, "\(what).Rva")
        return LocationDescriptor(size: UInt64(size), rva: UInt64(rva))
    }
}
