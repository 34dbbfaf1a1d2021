/// A range of process memory whose bytes were placed in the file being built.
///
/// Mirrors `MINIDUMP_MEMORY_DESCRIPTOR`: the virtual address in the dumped process, the number of
/// bytes and their file offset. Returned by ``MiniDumpBuilder/appendMemory(address:bytes:)``; build
/// one by hand to describe memory that is not in the file (hostile dumps).
public struct WrittenMemory: Sendable, Hashable {
    /// Virtual address of the first byte in the dumped process (`StartOfMemoryRange`).
    public var address: UInt64
    /// Number of bytes (`Memory.DataSize`).
    public var size: UInt32
    /// File offset of the bytes (`Memory.Rva`).
    public var rva: UInt32

    /// Creates a memory descriptor.
    public init(address: UInt64, size: UInt32, rva: UInt32) {
        self.address = address
        self.size = size
        self.rva = rva
    }

    /// The file location of the bytes.
    public var location: WrittenLocation { WrittenLocation(size: size, rva: rva) }

    /// The all-zero descriptor that writers use for "no memory" (a thread without a stack).
    public static let none = WrittenMemory(address: 0, size: 0, rva: 0)
}
