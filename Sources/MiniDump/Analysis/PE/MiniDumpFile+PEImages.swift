extension MiniDumpFile {
    /// Names code addresses of this dump as `module!export+offset`; shares its cache of module
    /// headers and exports with ``stackWalker(limits:)``.
    public func symbolResolver() -> SymbolResolver {
        stackWalker().resolver
    }

    /// The PE image of `module` as the dump's memory holds it, or `nil` when its headers were not
    /// captured (small dumps) or it is not a PE image (ELF and Mach-O modules).
    public func peImage(of module: DumpModule) -> PEImage? {
        stackWalker().resolver.cache.image(at: module.baseAddress).image
    }
}

extension SymbolResolver {
    /// A resolver over `memory` with `modules` as the loaded images.
    public init(memory: some MemoryReading, modules: [DumpModule]) {
        let spans = modules.map { ModuleSpan(index: $0.index, name: $0.name, base: $0.baseAddress, end: $0.endAddress) }
        self.init(modules: ModuleTable(spans), cache: ModuleImageCache(memory: memory))
    }
}
