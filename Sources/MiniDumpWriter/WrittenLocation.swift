/// Where a blob of data was placed in the file being built: its size and file offset.
///
/// Mirrors `MINIDUMP_LOCATION_DESCRIPTOR`. Returned by ``MiniDumpBuilder/appendLocation(_:)``;
/// build one by hand to point at bytes that are not there (hostile dumps).
public struct WrittenLocation: Sendable, Hashable {
    /// Size of the data in bytes (`DataSize`).
    public var size: UInt32
    /// File offset of the data (`Rva`).
    public var rva: UInt32

    /// Creates a location.
    public init(size: UInt32, rva: UInt32) {
        self.size = size
        self.rva = rva
    }

    /// The empty location (size 0, RVA 0) that writers use for "absent".
    public static let none = WrittenLocation(size: 0, rva: 0)
}
