/// The crashed process's modules sorted by address, answering "which module holds this address?"
/// with a binary search. Built from the ModuleList and UnloadedModuleList streams.
///
/// Overlaps are resolved deterministically: the module with the highest base address that contains
/// the address wins (the innermost, when one range encloses another), and among modules with the
/// same base the one with the lowest `index` (the first in file order). Modules of size zero are
/// listed but contain no address.
public struct ModuleMap: Sendable {
    /// The loaded modules sorted by base address (equal bases by ``DumpModule/index``).
    public let modules: [DumpModule]
    /// The unloaded modules sorted by base address (equal bases by ``UnloadedModule/index``).
    public let unloadedModules: [UnloadedModule]
    /// Problems met while building the map, such as an UnloadedModuleList that could not be decoded
    /// (the map then holds only the loaded modules).
    public let diagnostics: [DumpDiagnostic]

    private let loadedIndex: RangeOwnerIndex
    private let unloadedIndex: RangeOwnerIndex

    /// An empty map.
    public init() {
        self.init(modules: [], unloadedModules: [])
    }

    /// Builds a map over `modules` and `unloadedModules` (in any order).
    public init(modules: [DumpModule], unloadedModules: [UnloadedModule] = [], diagnostics: [DumpDiagnostic] = []) {
        // Sorted by base, then file order (`index`), then position in the given array. The
        // positions are sorted, not the modules: moving whole modules (names, CodeView records)
        // while sorting cost 1.1 M instructions for 466 modules (docs/performance.md).
        let loadedOrder = modules.indices.sorted { lhs, rhs in
            (modules[lhs].baseAddress, modules[lhs].index, lhs) < (modules[rhs].baseAddress, modules[rhs].index, rhs)
        }
        let unloadedOrder = unloadedModules.indices.sorted { lhs, rhs in
            (unloadedModules[lhs].baseAddress, unloadedModules[lhs].index, lhs)
                < (unloadedModules[rhs].baseAddress, unloadedModules[rhs].index, rhs)
        }
        let loaded = loadedOrder.map { modules[$0] }
        let unloaded = unloadedOrder.map { unloadedModules[$0] }
        self.modules = loaded
        self.unloadedModules = unloaded
        self.diagnostics = diagnostics
        self.loadedIndex = RangeOwnerIndex(loaded.indices.map { (item: $0, base: loaded[$0].baseAddress, size: loaded[$0].size) })
        self.unloadedIndex = RangeOwnerIndex(
            unloaded.indices.map { (item: $0, base: unloaded[$0].baseAddress, size: unloaded[$0].size) })
    }

    /// True when the map holds no loaded and no unloaded module.
    public var isEmpty: Bool { modules.isEmpty && unloadedModules.isEmpty }

    /// The loaded module containing `address`, or `nil` when none does.
    public func module(containing address: UInt64) -> DumpModule? {
        loadedIndex.owner(of: address).map { modules[$0] }
    }

    /// The unloaded module whose former range contains `address`, or `nil` when none does.
    ///
    /// Useful when a crash address or return address points into code that has been unloaded.
    public func unloadedModule(containing address: UInt64) -> UnloadedModule? {
        unloadedIndex.owner(of: address).map { unloaded in unloadedModules[unloaded] }
    }

    /// The first module of the ModuleList stream (normally the main executable), or `nil` when there
    /// are no modules.
    public var mainModule: DumpModule? {
        modules.min { $0.index < $1.index }
    }
}
