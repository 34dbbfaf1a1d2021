extension CrashEvidence {
    /// Fills ``modules``, ``unloadedModules`` and ``regions`` from the module, unloaded-module and
    /// memory-info streams.
    mutating func loadModules(_ dump: MiniDumpFile) {
        // Wired up when the module streams are available on this branch.
    }

    /// Fills the instruction and stack pointers from the exception context and walks the crashing
    /// thread's stack.
    mutating func loadContextAndStack(_ dump: MiniDumpFile) {
        guard let exception else { return }
        let location = exception.contextLocation
        if location.size > 0 {
            do throws(MiniDumpError) {
                let context = try dump.context(at: location, architecture: systemInfo?.architecture)
                instructionPointer = context.instructionPointer
                stackPointer = context.stackPointer
            } catch {
                notes.append("The exception context could not be read: \(error)")
            }
        }
    }
}
