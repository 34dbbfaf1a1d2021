extension CrashEvidence {
    /// Fills ``modules``, ``unloadedModules`` and ``regions`` from the module, unloaded-module and
    /// memory-info streams.
    mutating func loadModules(_ dump: MiniDumpFile) {
        // Wired up when the module streams are available on this branch.
    }

    /// Fills the instruction and stack pointers from the exception context and walks the crashing
    /// thread's stack.
    mutating func loadContextAndStack(_ dump: MiniDumpFile) {
        // Wired up when CPU contexts and the stack walker are available on this branch.
    }
}
