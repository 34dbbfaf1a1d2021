/// Classifies addresses of the crashed process: null page, non-canonical, kernel, module image,
/// unloaded module, thread stack and its guard area, and the memory region around them.
///
/// Built from the dump by ``MiniDumpFile/addressClassifier()``, or by hand from any sources. Every
/// input is optional: an empty classifier still recognises null, non-canonical and kernel addresses.
public struct AddressClassifier: Sendable {
    /// A loaded or unloaded module's image range.
    public struct Image: Sendable, Hashable {
        /// The file name (`kernel32.dll`).
        public var name: String
        /// The image's first address.
        public var baseAddress: UInt64
        /// The image's size in bytes.
        public var size: UInt64

        /// Creates an image range.
        public init(name: String, baseAddress: UInt64, size: UInt64) {
            self.name = name
            self.baseAddress = baseAddress
            self.size = size
        }

        /// True when `address` lies inside the image.
        public func contains(_ address: UInt64) -> Bool {
            address >= baseAddress && address - baseAddress < size
        }
    }

    /// A thread's stack: everything between its lowest known address and its base (highest).
    public struct Stack: Sendable, Hashable {
        /// The thread id.
        public var threadId: UInt32
        /// The stack's base (one past its highest address; the stack grows down from here).
        public var base: UInt64
        /// The lowest committed address (`NT_TIB.StackLimit` from the TEB), or the lowest captured
        /// address when the TEB is not in the dump.
        public var limit: UInt64
        /// The bottom of the reserved stack (`TEB.DeallocationStack`), or `nil` when unknown.
        public var reservedBottom: UInt64?

        /// Creates a stack range.
        public init(threadId: UInt32, base: UInt64, limit: UInt64, reservedBottom: UInt64? = nil) {
            self.threadId = threadId
            self.base = base
            self.limit = limit
            self.reservedBottom = reservedBottom
        }
    }

    /// How far below a stack's known low end an address still counts as its guard area when the
    /// reserved bottom is unknown (64 KiB).
    public static let guardWindow: UInt64 = 0x1_0000
    /// Addresses below this are in the null page (64 KiB, the region Windows never maps).
    public static let nullPageLimit: UInt64 = 0x1_0000

    /// The pointer size of the process (4 or 8).
    public var pointerSize: Int
    /// Loaded modules, sorted by base.
    public private(set) var images: [Image]
    /// Modules unloaded before the dump was written.
    public var unloadedImages: [Image]
    /// Thread stacks.
    public var stacks: [Stack]
    /// Memory regions (MemoryInfoList, or a Linux dump's `/proc/self/maps`), sorted by base.
    public private(set) var regions: [MemoryRegionFacts]
    /// True when ``regions`` list every mapping, so an address outside all of them is unmapped (a
    /// Linux maps list); false when the list may be partial.
    public var regionsCoverAllMappings: Bool

    /// Creates a classifier; the lists may come in any order.
    public init(
        pointerSize: Int, images: [Image] = [], unloadedImages: [Image] = [], stacks: [Stack] = [],
        regions: [MemoryRegionFacts] = [], regionsCoverAllMappings: Bool = false
    ) {
        self.pointerSize = pointerSize == 4 ? 4 : 8
        self.images = images.sorted { $0.baseAddress < $1.baseAddress }
        self.unloadedImages = unloadedImages
        self.stacks = stacks
        self.regions = regions.sorted { $0.baseAddress < $1.baseAddress }
        self.regionsCoverAllMappings = regionsCoverAllMappings && !regions.isEmpty
    }

    /// The loaded module whose image holds `address`, or `nil`.
    public func image(containing address: UInt64) -> Image? {
        var low = 0
        var high = images.count
        while low < high {
            let mid = (low + high) / 2
            if images[mid].baseAddress <= address { low = mid + 1 } else { high = mid }
        }
        // Images may overlap in damaged dumps: look back a few entries.
        var index = low - 1
        var steps = 0
        while index >= 0, steps < 8 {
            if images[index].contains(address) { return images[index] }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// The unloaded module whose old image range holds `address` (the most recent when several do),
    /// or `nil`.
    public func unloadedImage(containing address: UInt64) -> Image? {
        unloadedImages.last { $0.contains(address) }
    }

    /// The memory region holding `address`, or `nil` when there is no MemoryInfoList or no region
    /// covers it. When ``regionsCoverAllMappings`` is set, an uncovered address gets a free
    /// (`MEM_FREE`) page instead.
    public func region(containing address: UInt64) -> MemoryRegionFacts? {
        if let found = listedRegion(containing: address) { return found }
        guard regionsCoverAllMappings else { return nil }
        return MemoryRegionFacts(baseAddress: address & ~0xFFF, size: 0x1000, state: 0x1_0000, protection: 0x01)
    }

    private func listedRegion(containing address: UInt64) -> MemoryRegionFacts? {
        var low = 0
        var high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].baseAddress <= address { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let region = regions[low - 1]
        return address - region.baseAddress < region.size ? region : nil
    }

    /// True when `address` is all ones for the pointer size: the "address unknown" value Windows
    /// reports for a general-protection fault.
    public func isUnknownAddress(_ address: UInt64) -> Bool {
        pointerSize == 4 ? address == 0xFFFF_FFFF : address == UInt64.max
    }

    /// Classifies `address`.
    public func classify(_ address: UInt64) -> AddressTarget {
        var target = AddressTarget(kind: .other, address: address)
        target.region = region(containing: address)
        if address < Self.nullPageLimit {
            target.kind = .nullPage
            return target
        }
        if isUnknownAddress(address) {
            target.kind = .unknownNonCanonical
            target.address = nil
            target.region = nil
            return target
        }
        if pointerSize == 8 {
            let top = address >> 47
            if top != 0 && top != 0x1_FFFF {
                target.kind = .nonCanonical
                return target
            }
            if top == 0x1_FFFF {
                target.kind = .kernel
                return target
            }
        }
        if let image = image(containing: address) {
            target.kind = .module
            target.moduleName = image.name
            target.moduleOffset = address - image.baseAddress
            return target
        }
        for stack in stacks where address >= stack.limit && address < stack.base {
            target.kind = .stack
            target.threadId = stack.threadId
            return target
        }
        for stack in stacks where address < stack.limit {
            let bottom = stack.reservedBottom ?? (stack.limit > Self.guardWindow ? stack.limit - Self.guardWindow : 0)
            if address >= bottom {
                target.kind = .stackGuard
                target.threadId = stack.threadId
                return target
            }
        }
        if let unloaded = unloadedImage(containing: address) {
            target.kind = .unloadedModule
            target.moduleName = unloaded.name
            target.moduleOffset = address - unloaded.baseAddress
        }
        return target
    }
}

extension AddressTarget {
    init(kind: Kind, address: UInt64?) {
        self.kind = kind
        self.address = address
        self.moduleName = nil
        self.moduleOffset = nil
        self.threadId = nil
        self.region = nil
    }
}
