/// One entry of the stream directory: a stream's type and where its bytes are.
/// Mirrors `MINIDUMP_DIRECTORY` with its `MINIDUMP_LOCATION_DESCRIPTOR`.
public struct StreamDirectoryEntry: Sendable, Hashable {
    /// The entry's position in the directory.
    public var index: Int
    /// The stream's type.
    public var type: StreamType
    /// The stream's size in bytes, as recorded.
    public var size: UInt32
    /// The file offset of the stream's first byte.
    public var rva: UInt32

    /// The size of one directory entry on disk.
    public static let stride = 12

    public init(index: Int, type: StreamType, size: UInt32, rva: UInt32) {
        self.index = index
        self.type = type
        self.size = size
        self.rva = rva
    }
}
