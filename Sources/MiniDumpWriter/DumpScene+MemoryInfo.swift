extension DumpScene {
    /// Memory-info regions derived from the scene, sorted by address: per module a read-only header
    /// page and an execute-read image body (`MEM_IMAGE`), per thread a read-write committed stack
    /// region (`MEM_PRIVATE`) from the page holding ``Thread/stackAddress`` to the end of the
    /// captured stack rounded up to a page, and per other memory range outside every module a
    /// read-write private region. Assign the result to ``memoryInfo`` or edit it first.
    public func derivedMemoryInfo(pageSize: UInt64 = 0x1000) -> [MemoryInfoListBuilder.Region] {
        func down(_ value: UInt64) -> UInt64 { value - value % pageSize }
        func up(_ value: UInt64) -> UInt64 { value % pageSize == 0 ? value : down(value) &+ pageSize }
        var regions: [MemoryInfoListBuilder.Region] = []
        for module in modules where module.size > 0 {
            let header = min(pageSize, UInt64(module.size))
            regions.append(.init(base: module.base, size: header, allocationProtect: MemoryInfoListBuilder.executeWriteCopy,
                                 protect: MemoryInfoListBuilder.readOnly, type: MemoryInfoListBuilder.image))
            if UInt64(module.size) > header {
                regions.append(.init(base: module.base + header, size: UInt64(module.size) - header, allocationBase: module.base,
                                     allocationProtect: MemoryInfoListBuilder.executeWriteCopy,
                                     protect: MemoryInfoListBuilder.executeRead, type: MemoryInfoListBuilder.image))
            }
        }
        for thread in threads {
            let start = down(thread.stackAddress)
            let end = up(thread.stackAddress &+ UInt64(thread.stack.count))
            regions.append(.init(base: start, size: max(end &- start, pageSize), protect: MemoryInfoListBuilder.readWrite,
                                 type: MemoryInfoListBuilder.private))
        }
        for range in memory where !modules.contains(where: { range.address >= $0.base && range.address - $0.base < UInt64($0.size) }) {
            let start = down(range.address)
            let end = up(range.address &+ range.size)
            regions.append(.init(base: start, size: max(end &- start, pageSize), protect: MemoryInfoListBuilder.readWrite,
                                 type: MemoryInfoListBuilder.private))
        }
        return regions.sorted { $0.base < $1.base }
    }
}
