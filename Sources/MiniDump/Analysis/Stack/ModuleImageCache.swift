import Synchronization

/// What was learned about one module's PE image, read once from the dump's memory.
struct ModuleImage: Sendable {
    /// The parsed headers, or `nil` when they were not captured or are not a PE image.
    var image: PEImage?
    /// True when the image is x64 and its exception directory is readable.
    var hasUnwindTable: Bool
}

/// Remembers each module's parsed PE headers and exports, shared by every walk and symbol lookup
/// of one dump. Safe to use from several threads; entries are computed outside the lock.
final class ModuleImageCache: Sendable {
    let memory: any MemoryReading
    private let images = Mutex<[UInt64: ModuleImage]>([:])
    private let exports = Mutex<[UInt64: [PEExport]]>([:])

    init(memory: any MemoryReading) {
        self.memory = memory
    }

    /// The image of the module loaded at `base`.
    func image(at base: UInt64) -> ModuleImage {
        if let known = images.withLock({ $0[base] }) { return known }
        let image = PEImage(memory: memory, baseAddress: base)
        let unwindable = image.map { $0.machine == 0x8664 && $0.isPE32Plus && $0.hasReadableExceptionDirectory } ?? false
        let entry = ModuleImage(image: image, hasUnwindTable: unwindable)
        images.withLock { $0[base] = entry }
        return entry
    }

    /// The exports of the module loaded at `base`, sorted by RVA; empty without readable headers.
    func exports(at base: UInt64) -> [PEExport] {
        if let known = exports.withLock({ $0[base] }) { return known }
        let list = image(at: base).image?.exports() ?? []
        exports.withLock { $0[base] = list }
        return list
    }
}
