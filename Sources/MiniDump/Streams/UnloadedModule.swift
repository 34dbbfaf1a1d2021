/// A module the crashed process had loaded and later unloaded, from the UnloadedModuleList stream.
/// Mirrors `MINIDUMP_UNLOADED_MODULE` with its name resolved.
///
/// Windows keeps only the last few unloads (a small ring buffer), so the list is a recent history,
/// not a complete one. The same image often appears several times at the same base.
public struct UnloadedModule: Sendable, Hashable {
    /// The size of the fields this library reads from each entry.
    public static let minimumEntrySize = 24

    /// The entry's position in the stream.
    public var index: Int
    /// The module's path or name exactly as recorded; empty when the name could not be read.
    public var path: String
    /// Where the image started (`BaseOfImage`).
    public var baseAddress: UInt64
    /// The image's size in bytes (`SizeOfImage`).
    public var size: UInt64
    /// The PE checksum (`CheckSum`).
    public var checksum: UInt32
    /// The image's link time in seconds since 1970 (`TimeDateStamp`).
    public var timestamp: UInt32
    /// The file offset of the `MINIDUMP_STRING` name (`ModuleNameRva`).
    public var nameRva: UInt32

    /// Creates an entry from its parts.
    public init(
        index: Int, path: String, baseAddress: UInt64, size: UInt64, checksum: UInt32 = 0,
        timestamp: UInt32 = 0, nameRva: UInt32 = 0
    ) {
        self.index = index
        self.path = path
        self.baseAddress = baseAddress
        self.size = size
        self.checksum = checksum
        self.timestamp = timestamp
        self.nameRva = nameRva
    }

    /// The last component of ``path``, splitting on both `\` and `/`.
    public var name: String { ModulePath.fileName(of: path) }

    /// One past the image's last byte, saturating at `UInt64.max`.
    public var endAddress: UInt64 { ModulePath.end(base: baseAddress, size: size) }

    /// True when `address` lay inside the image (computed without overflow); false for an empty image.
    public func contains(_ address: UInt64) -> Bool {
        address >= baseAddress && address - baseAddress < size
    }

    /// The PE code identifier: `TimeDateStamp` as eight upper-case hex digits followed by
    /// `SizeOfImage` in lower-case hex; `nil` when the timestamp is zero.
    public var codeId: String? { DumpModule.peCodeId(timestamp: timestamp, size: size) }
}
