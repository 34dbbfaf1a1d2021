/// Names code addresses as `module!export+offset` from the export tables of the PE images the dump
/// holds (full-memory dumps hold whole images; small dumps hold no PE headers and give module
/// offsets only).
///
/// Each module's headers and exports are read once, on first use, and shared by copies of the
/// resolver; it is safe to use from several threads.
public struct SymbolResolver: Sendable {
    let modules: ModuleTable
    let cache: ModuleImageCache

    init(modules: ModuleTable, cache: ModuleImageCache) {
        self.modules = modules
        self.cache = cache
    }

    /// The module and nearest export of `address`, or `nil` when no module contains it.
    ///
    /// For a return address (`isReturnAddress`), the function is looked up at `address - 1`, so a
    /// call that ends its function is attributed to the caller rather than to the next function;
    /// offsets are still measured from `address`.
    public func resolve(_ address: UInt64, isReturnAddress: Bool = false) -> ResolvedSymbol? {
        let probe = isReturnAddress && address > 0 ? address - 1 : address
        guard let module = modules.module(containing: probe) else { return nil }
        var symbol = ResolvedSymbol(module: module.name, moduleBase: module.base, moduleOffset: address &- module.base)
        if let (export, start) = nearestExport(module: module, address: probe) {
            symbol.function = export.displayName
            symbol.functionOffset = address &- start
        }
        return symbol
    }

    /// The exports of the module loaded at `base` (sorted by RVA, forwarders skipped); empty when
    /// its headers or export table are not in the dump.
    public func exports(moduleBase base: UInt64) -> [PEExport] {
        cache.exports(at: base)
    }

    /// The export at or below `address` in the same section, with its address.
    func nearestExport(module: ModuleSpan, address: UInt64) -> (PEExport, UInt64)? {
        let exports = cache.exports(at: module.base)
        guard !exports.isEmpty, address >= module.base, let rva = UInt32(exactly: address - module.base) else { return nil }
        var low = 0
        var high = exports.count
        while low < high {
            let mid = (low + high) / 2
            if exports[mid].rva <= rva { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let found = exports[low - 1]
        if let image = cache.image(at: module.base).image, !image.sections.isEmpty {
            // Only name code, and only from an export in the same section.
            guard let section = image.section(containingRva: rva), section.isExecutable,
                  section.contains(rva: found.rva) else { return nil }
        }
        return (found, module.base &+ UInt64(found.rva))
    }
}
