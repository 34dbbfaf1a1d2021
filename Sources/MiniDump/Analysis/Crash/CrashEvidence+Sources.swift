extension CrashEvidence {
    /// Fills ``modules``, ``unloadedModules`` and ``regions`` from the module, unloaded-module and
    /// memory-info streams.
    mutating func loadModules(_ dump: MiniDumpFile) {
        do throws(MiniDumpError) {
            // Positions are sorted, not modules (moving whole modules cost more than the summaries).
            let list = try dump.moduleList()?.modules ?? []
            modules = list.indices.sorted { list[$0].index < list[$1].index }.map { position in
                let module = list[position]
                return ModuleSummary(
                    name: module.name, path: module.path, baseAddress: module.baseAddress, size: module.size,
                    timestamp: module.timestamp, version: module.fileVersion?.description)
            }
        } catch {
            notes.append("ModuleList could not be read: \(error)")
        }
        do throws(MiniDumpError) {
            let list = try dump.unloadedModuleList()?.modules ?? []
            unloadedModules = list.indices.sorted { list[$0].index < list[$1].index }.map { position in
                let module = list[position]
                return ModuleSummary(
                    name: module.name, path: module.path, baseAddress: module.baseAddress, size: module.size,
                    timestamp: module.timestamp)
            }
        } catch {
            notes.append("UnloadedModuleList could not be read: \(error)")
        }
        do throws(MiniDumpError) {
            regions = try dump.memoryInfoList()?.regions.map { region in
                MemoryRegionFacts(
                    baseAddress: region.baseAddress, size: region.size, state: region.state.rawValue,
                    protection: region.protection.rawValue, type: region.type.rawValue)
            } ?? []
        } catch {
            notes.append("MemoryInfoList could not be read: \(error)")
        }
        if regions.isEmpty {
            do throws(MiniDumpError) {
                if let maps = try dump.linuxMaps(), !maps.regions.isEmpty {
                    regions = maps.regions.map(Self.facts)
                    regionsCoverAllMappings = true
                }
            } catch {
                notes.append("LinuxMaps could not be read: \(error)")
            }
        }
        do throws(MiniDumpError) {
            threadNames = try dump.threadNames()
        } catch {
            notes.append("ThreadNames could not be read: \(error)")
        }
    }

    /// A `/proc/self/maps` line as Windows-style region facts (committed, protection from `rwx`).
    static func facts(_ region: LinuxMapRegion) -> MemoryRegionFacts {
        let permissions = region.permissions
        let read = permissions.contains(.read)
        let write = permissions.contains(.write)
        let execute = permissions.contains(.execute)
        let protection: UInt32
        switch (read || write, write, execute) {
        case (_, true, true): protection = 0x40
        case (true, false, true): protection = 0x20
        case (false, false, true): protection = 0x10
        case (_, true, false): protection = 0x04
        case (true, false, false): protection = 0x02
        default: protection = 0x01
        }
        return MemoryRegionFacts(
            baseAddress: region.startAddress, size: region.size, state: 0x1000, protection: protection,
            type: permissions.contains(.shared) ? 0x4_0000 : 0x2_0000)
    }

    /// Fills the instruction and stack pointers from the exception context and walks the crashing
    /// thread's stack.
    mutating func loadContextAndStack(_ dump: MiniDumpFile, limits: StackWalkLimits) {
        guard let exception else { return }
        if let stack = dump.callStack(threadId: exception.threadId, limits: limits) {
            callStack = stack
        } else {
            notes.append("The crashing thread's stack could not be walked (no usable context).")
        }
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
