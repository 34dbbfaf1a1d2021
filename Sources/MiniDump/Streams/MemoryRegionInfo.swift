/// One region of the crashed process's address space as `VirtualQueryEx` described it, from the
/// MemoryInfoList stream. Mirrors `MINIDUMP_MEMORY_INFO`.
///
/// Describes the region's state and protection only; whether its bytes were captured is up to the
/// memory lists.
public struct MemoryRegionInfo: Sendable, Hashable {
    /// The size of one `MINIDUMP_MEMORY_INFO` this library reads.
    public static let minimumEntrySize = 48

    /// The region's position in the stream.
    public var index: Int
    /// Where the region starts (`BaseAddress`).
    public var baseAddress: UInt64
    /// The start of the allocation the region belongs to (`AllocationBase`).
    public var allocationBase: UInt64
    /// The protection the allocation was created with (`AllocationProtect`).
    public var allocationProtection: MemoryProtection
    /// The region's size in bytes (`RegionSize`).
    public var size: UInt64
    /// Committed, reserved or free (`State`).
    public var state: MemoryState
    /// The current protection (`Protect`); meaningless for free regions.
    public var protection: MemoryProtection
    /// Image, mapped or private (`Type`); `none` for free regions.
    public var type: MemoryType

    /// Creates a region from its parts.
    public init(
        index: Int, baseAddress: UInt64, allocationBase: UInt64 = 0,
        allocationProtection: MemoryProtection = .none, size: UInt64, state: MemoryState,
        protection: MemoryProtection, type: MemoryType
    ) {
        self.index = index
        self.baseAddress = baseAddress
        self.allocationBase = allocationBase
        self.allocationProtection = allocationProtection
        self.size = size
        self.state = state
        self.protection = protection
        self.type = type
    }

    /// One past the region's last byte, saturating at `UInt64.max`.
    public var endAddress: UInt64 { ModulePath.end(base: baseAddress, size: size) }

    /// True when `address` lies inside the region (computed without overflow); false when empty.
    public func contains(_ address: UInt64) -> Bool {
        address >= baseAddress && address - baseAddress < size
    }

    /// True when the region is committed and its protection allows reading (guard pages excluded).
    public var isReadable: Bool { state == .commit && protection.isReadable && !protection.isGuard }

    /// True when the region is committed and its protection allows writing (guard pages excluded).
    public var isWritable: Bool { state == .commit && protection.isWritable && !protection.isGuard }

    /// True when the region is committed and its protection allows execution (guard pages excluded).
    public var isExecutable: Bool { state == .commit && protection.isExecutable && !protection.isGuard }
}
