/// The decoded MemoryInfoList stream (type 16): the crashed process's address space region by
/// region, with state, protection and type. Mirrors `MINIDUMP_MEMORY_INFO_LIST` and its entries.
///
/// Entries are read at the header's `SizeOfHeader` and stepped by its `SizeOfEntry`.
public struct MemoryInfoListStream: Sendable {
    /// The size of the header this library reads (`SizeOfHeader`, `SizeOfEntry`, 64-bit
    /// `NumberOfEntries`).
    public static let minimumHeaderSize = 16

    /// The regions in file order (normally ascending and disjoint).
    public let regions: [MemoryRegionInfo]
    /// Problems with single regions (ranges running past the top of the address space).
    public let diagnostics: [DumpDiagnostic]

    private let index: RangeOwnerIndex

    /// Creates a stream value from regions (indexed for ``region(containing:)``).
    public init(regions: [MemoryRegionInfo], diagnostics: [DumpDiagnostic] = []) {
        self.regions = regions
        self.diagnostics = diagnostics
        self.index = RangeOwnerIndex(regions.indices.map { (item: $0, base: regions[$0].baseAddress, size: regions[$0].size) })
    }

    /// The region containing `address`, or `nil` when no region does.
    ///
    /// Regions should not overlap; when a malformed dump has overlapping ones, the region with the
    /// highest base address wins, and among equal bases the first in the file.
    public func region(containing address: UInt64) -> MemoryRegionInfo? {
        index.owner(of: address).map { regions[$0] }
    }

    /// Decodes the stream in `cursor`. Throws when the header is too small or the entries do not
    /// fit in the stream.
    init(parsing cursor: ByteCursor) throws(MiniDumpError) {
        let stream = StreamType.memoryInfoList
        var cursor = cursor
        let table = try SizedEntryTable.read(
            &cursor, countSize: 8, minimumHeader: Self.minimumHeaderSize,
            minimumEntry: MemoryRegionInfo.minimumEntrySize, stream: stream, what: "MINIDUMP_MEMORY_INFO_LIST")
        var regions = [MemoryRegionInfo]()
        regions.reserveCapacity(table.count)
        var diagnostics = [DumpDiagnostic]()
        for number in 0..<table.count {
            var entry = try cursor.subCursor(table.entrySize, "MINIDUMP_MEMORY_INFO \(number)")
            let entryOffset = entry.offset
            let base = try entry.read(UInt64.self, "MINIDUMP_MEMORY_INFO.BaseAddress")
            let allocationBase = try entry.read(UInt64.self, "MINIDUMP_MEMORY_INFO.AllocationBase")
            let allocationProtect = try entry.read(UInt32.self, "MINIDUMP_MEMORY_INFO.AllocationProtect")
            try entry.skip(4, "MINIDUMP_MEMORY_INFO.__alignment1")
            let size = try entry.read(UInt64.self, "MINIDUMP_MEMORY_INFO.RegionSize")
            let state = try entry.read(UInt32.self, "MINIDUMP_MEMORY_INFO.State")
            let protect = try entry.read(UInt32.self, "MINIDUMP_MEMORY_INFO.Protect")
            let type = try entry.read(UInt32.self, "MINIDUMP_MEMORY_INFO.Type")
            if ModulePath.wraps(base: base, size: size) {
                diagnostics.append(DumpDiagnostic(
                    stream: stream, offset: entryOffset,
                    "region \(number) at \(Hex.format(base)) with size \(Hex.format(size)) runs past the top of the address space"))
            }
            regions.append(MemoryRegionInfo(
                index: number, baseAddress: base, allocationBase: allocationBase,
                allocationProtection: MemoryProtection(allocationProtect), size: size, state: MemoryState(state),
                protection: MemoryProtection(protect), type: MemoryType(type)))
        }
        self.init(regions: regions, diagnostics: diagnostics)
    }
}
