extension MiniDumpFile {
    /// The dump's loaded and unloaded modules indexed by address; empty when the dump has no
    /// module lists.
    ///
    /// Built once and remembered. Throws ``MiniDumpError`` when the ModuleList stream is present but
    /// cannot be decoded; a broken UnloadedModuleList stream only adds a diagnostic to the map.
    public func moduleMap() throws(MiniDumpError) -> ModuleMap {
        try cached("moduleMap") { () throws(MiniDumpError) -> ModuleMap in
            let loaded = try moduleList()?.modules ?? []
            var unloaded = [UnloadedModule]()
            var diagnostics = [DumpDiagnostic]()
            do throws(MiniDumpError) {
                unloaded = try unloadedModuleList()?.modules ?? []
            } catch {
                diagnostics.append(DumpDiagnostic(error, stream: .unloadedModuleList))
            }
            return ModuleMap(modules: loaded, unloadedModules: unloaded, diagnostics: diagnostics)
        }
    }
}
