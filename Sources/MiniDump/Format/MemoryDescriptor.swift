/// One captured range of the process's memory and where its bytes are in the file.
/// Mirrors `MINIDUMP_MEMORY_DESCRIPTOR` (MemoryList) and `MINIDUMP_MEMORY_DESCRIPTOR64` (Memory64List,
/// whose file offsets follow from the list's `BaseRva`).
public struct MemoryDescriptor: Sendable, Hashable {
    /// The virtual address of the range's first byte.
    public var address: UInt64
    /// The range's size in bytes.
    public var size: UInt64
    /// The file offset of the range's bytes (for ranges of a MemoryList with RVA 0, zero).
    public var rva: UInt64

    public init(address: UInt64, size: UInt64, rva: UInt64) {
        self.address = address
        self.size = size
        self.rva = rva
    }

    /// One past the last address, saturating at `UInt64.max`.
    public var endAddress: UInt64 {
        let (end, overflow) = address.addingReportingOverflow(size)
        return overflow ? .max : end
    }

    /// True when `address` lies in the range.
    public func contains(_ address: UInt64) -> Bool {
        address >= self.address && address < endAddress
    }
}
