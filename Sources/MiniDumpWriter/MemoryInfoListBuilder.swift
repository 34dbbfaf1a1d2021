import MiniDump

/// Builds the MemoryInfoList stream: `MINIDUMP_MEMORY_INFO_LIST` (16-byte header: `SizeOfHeader`,
/// `SizeOfEntry`, `NumberOfEntries` u64) then 48-byte `MINIDUMP_MEMORY_INFO` records, one per region
/// as `VirtualQuery` reports it.
public struct MemoryInfoListBuilder: StreamEncoding {
    /// One `MINIDUMP_MEMORY_INFO`.
    public struct Region: Sendable, Hashable {
        /// `BaseAddress`.
        public var base: UInt64
        /// `AllocationBase`.
        public var allocationBase: UInt64
        /// `AllocationProtect`.
        public var allocationProtect: UInt32
        /// `RegionSize`.
        public var size: UInt64
        /// `State` (``commit``, ``reserve``, ``free``).
        public var state: UInt32
        /// `Protect` (`PAGE_*`).
        public var protect: UInt32
        /// `Type` (``image``, ``mapped``, ``private``; 0 for free memory).
        public var type: UInt32

        /// Creates a region.
        public init(
            base: UInt64, size: UInt64, allocationBase: UInt64? = nil, allocationProtect: UInt32? = nil,
            state: UInt32 = MemoryInfoListBuilder.commit, protect: UInt32, type: UInt32
        ) {
            self.base = base
            self.size = size
            self.allocationBase = allocationBase ?? (state == MemoryInfoListBuilder.free ? 0 : base)
            self.allocationProtect = allocationProtect ?? (state == MemoryInfoListBuilder.free ? 0 : protect)
            self.state = state
            self.protect = protect
            self.type = type
        }

        /// The 48 bytes.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            writer.u64(base)
            writer.u64(allocationBase)
            writer.u32(allocationProtect)
            writer.u32(0)
            writer.u64(size)
            writer.u32(state)
            writer.u32(protect)
            writer.u32(type)
            writer.u32(0)
            return writer.bytes
        }
    }

    /// `MEM_COMMIT`.
    public static let commit: UInt32 = 0x1000
    /// `MEM_RESERVE`.
    public static let reserve: UInt32 = 0x2000
    /// `MEM_FREE`.
    public static let free: UInt32 = 0x10000
    /// `MEM_PRIVATE`.
    public static let `private`: UInt32 = 0x20000
    /// `MEM_MAPPED`.
    public static let mapped: UInt32 = 0x40000
    /// `MEM_IMAGE`.
    public static let image: UInt32 = 0x100_0000
    /// `PAGE_NOACCESS`.
    public static let noAccess: UInt32 = 0x01
    /// `PAGE_READONLY`.
    public static let readOnly: UInt32 = 0x02
    /// `PAGE_READWRITE`.
    public static let readWrite: UInt32 = 0x04
    /// `PAGE_WRITECOPY`.
    public static let writeCopy: UInt32 = 0x08
    /// `PAGE_EXECUTE`.
    public static let execute: UInt32 = 0x10
    /// `PAGE_EXECUTE_READ`.
    public static let executeRead: UInt32 = 0x20
    /// `PAGE_EXECUTE_READWRITE`.
    public static let executeReadWrite: UInt32 = 0x40
    /// `PAGE_EXECUTE_WRITECOPY` (the allocation protection of mapped images).
    public static let executeWriteCopy: UInt32 = 0x80
    /// `PAGE_GUARD` (combined with another protection).
    public static let guardPage: UInt32 = 0x100

    /// Always ``StreamType/memoryInfoList``.
    public var streamType: StreamType { .memoryInfoList }
    /// The regions, by address.
    public var regions: [Region]

    /// Creates a memory-info list.
    public init(regions: [Region]) { self.regions = regions }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(16)
        writer.u32(48)
        writer.u64(UInt64(regions.count))
        for region in regions { writer.append(region.bytes) }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
