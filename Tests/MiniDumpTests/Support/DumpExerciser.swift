import MiniDump

/// Runs, on one dump, everything a user of the library runs: every stream accessor, every thread's
/// context, reads of the address space at the addresses that matter (stack pointers, module bases,
/// the exception address), module lookups, every thread's stack walk, PE image parsing for every
/// module, and crash analysis.
///
/// The robustness tests and the libFuzzer target (`Fuzz/FuzzTarget.swift`, which compiles this file)
/// share it. It uses only the public API. Whatever the input, a run must end with a ``Summary`` or,
/// when the bytes cannot be opened, a thrown ``MiniDumpError``; a trap, a hang or unbounded memory
/// is a bug in the library.
struct DumpExerciser: Sendable {
    /// What one run saw, so that nothing it computes can be optimised away and tests can check
    /// that work happened.
    struct Summary: Sendable, Hashable {
        /// Accessor calls that returned a value (`nil` for an absent stream counts too).
        var values = 0
        /// Accessor calls that threw a ``MiniDumpError``.
        var errors = 0
        /// The kinds of the errors thrown, with how often.
        var errorKinds: [String: Int] = [:]
        /// Diagnostics reported by the streams, the directory and the address space.
        var diagnostics = 0
        /// Threads, modules and memory segments seen.
        var threads = 0
        var modules = 0
        var segments = 0
        /// Frames over every walked stack.
        var frames = 0
        /// The call stacks of every thread (``MiniDumpFile/callStacks(limits:)``).
        var stacks: [CallStack] = []
        /// Address-space reads that returned bytes.
        var reads = 0
        /// PE images parsed.
        var images = 0
        /// A running mix of values read, so the optimiser cannot drop any read.
        var checksum: UInt64 = 0

        mutating func mix(_ value: UInt64) {
            checksum = (checksum ^ value) &* 0x100_0000_01B3
        }

        mutating func record<T>(_ body: () throws(MiniDumpError) -> T) -> T? {
            do throws(MiniDumpError) {
                let value = try body()
                values += 1
                return value
            } catch {
                errors += 1
                errorKinds[error.kind.rawValue, default: 0] += 1
                mix(error.offset)
                return nil
            }
        }
    }

    /// Bounds for each stack walk.
    var stackLimits = StackWalkLimits(maxFrames: 1024, maxSteps: 200_000, scanWords: 256)
    /// The most bytes a gzip or cabinet input may inflate to.
    var decompressionLimits = DecompressionLimits(maxDecompressedBytes: 64 << 20)
    /// The most distinct addresses probed per run.
    var maxProbeAddresses = 4096
    /// Whether the exception thread is also walked with ``StackWalkLimits/default``, the limits a
    /// user gets without asking.
    var walksExceptionThreadWithDefaultLimits = true

    /// Opens `bytes` (plain, gzip or cabinet) and exercises the dump; throws only when opening fails.
    func exercise(bytes: [UInt8]) throws(MiniDumpError) -> Summary {
        try openAndExercise(bytes: bytes).summary
    }

    /// Opens `bytes` and exercises the dump, returning the opened file too (its decoded streams are
    /// cached, so rendering it afterwards is cheap).
    func openAndExercise(bytes: [UInt8]) throws(MiniDumpError) -> (file: MiniDumpFile, summary: Summary) {
        var summary = Summary()
        if InputFormat(detecting: bytes.prefix(4)) == .cabinet, let members = summary.record({ () throws(MiniDumpError) in
            try MiniDumpFile.openAll(bytes: bytes, limits: decompressionLimits)
        }) {
            // Every member of a cabinet (for plain and gzip inputs this is what `open` does).
            for member in members.prefix(4) {
                if case .success(let file) = member.result { summary.mix(UInt64(file.fileSize)) }
            }
        }
        let file = try MiniDumpFile.open(bytes: bytes, limits: decompressionLimits)
        exercise(file, into: &summary)
        return (file, summary)
    }

    /// Exercises an opened dump.
    func exercise(_ file: MiniDumpFile) -> Summary {
        var summary = Summary()
        exercise(file, into: &summary)
        return summary
    }

    func exercise(_ file: MiniDumpFile, into summary: inout Summary) {
        directory(file, &summary)
        streams(file, &summary)
        var addresses = ProbeAddresses(limit: maxProbeAddresses)
        threadsAndContexts(file, &summary, &addresses)
        modules(file, &summary, &addresses)
        memory(file, &summary, &addresses)
        stacks(file, &summary, &addresses)
        images(file, &summary, addresses)
        analysis(file, &summary)
    }

    // MARK: Header, directory, streams

    private func directory(_ file: MiniDumpFile, _ summary: inout Summary) {
        summary.mix(UInt64(file.header.streamCount))
        summary.mix(file.header.dumpType.rawValue)
        summary.diagnostics += file.directoryDiagnostics.count
        for entry in file.directory.prefix(256) {
            summary.mix(UInt64(entry.type.rawValue))
            _ = entry.type.name
            if let bytes = summary.record({ () throws(MiniDumpError) in try file.rawBytes(of: entry) }) {
                summary.mix(UInt64(bytes.count))
            }
            summary.mix(UInt64(file.fileBytes(at: UInt64(entry.rva), count: 16).count))
        }
        _ = file.entry(for: .threadList)
    }

    private func streams(_ file: MiniDumpFile, _ summary: inout Summary) {
        if let info = summary.record({ () throws(MiniDumpError) in try file.systemInfo() }), let info {
            summary.diagnostics += info.diagnostics.count
            summary.mix(UInt64(info.architecture.rawValue))
            _ = info.osVersion
            _ = info.architecture.canonical.name
            _ = info.platform.osName
        }
        if let misc = summary.record({ () throws(MiniDumpError) in try file.miscInfo() }), let misc {
            summary.mix(UInt64(misc.version))
            _ = misc.integrityLevelName
        }
        if let exception = summary.record({ () throws(MiniDumpError) in try file.exception() }), let exception {
            summary.diagnostics += exception.diagnostics.count
            summary.mix(exception.address)
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.threadList() }), let list {
            summary.diagnostics += list.diagnostics.count
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.threadExList() }), let list {
            summary.diagnostics += list.diagnostics.count
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.moduleList() }), let list {
            summary.diagnostics += list.diagnostics.count
            for module in list.modules.prefix(4096) {
                summary.mix(module.baseAddress)
                _ = module.name
                _ = module.debugFile
                _ = module.debugId
                _ = module.codeId
                _ = module.fileVersion
                _ = module.codeView?.pdbFileName
                _ = module.codeView?.buildID
            }
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.unloadedModuleList() }), let list {
            summary.diagnostics += list.diagnostics.count
            for module in list.modules.prefix(4096) { _ = module.codeId; _ = module.name }
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.memoryInfoList() }), let list {
            summary.diagnostics += list.diagnostics.count
            summary.mix(UInt64(list.regions.count))
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.memoryList() }), let list {
            summary.diagnostics += list.diagnostics.count
            summary.mix(list.totalBytes)
        }
        if let list = summary.record({ () throws(MiniDumpError) in try file.memory64List() }), let list {
            summary.diagnostics += list.diagnostics.count
            summary.mix(list.totalBytes)
        }
        secondaryStreams(file, &summary)
    }

    private func secondaryStreams(_ file: MiniDumpFile, _ summary: inout Summary) {
        if let names = summary.record({ () throws(MiniDumpError) in try file.threadNames() }), let names {
            summary.diagnostics += names.diagnostics.count
        }
        if let infos = summary.record({ () throws(MiniDumpError) in try file.threadInfoList() }), let infos {
            summary.diagnostics += infos.diagnostics.count
        }
        if let comment = summary.record({ () throws(MiniDumpError) in try file.commentA() }), let comment {
            summary.mix(UInt64(comment.text.utf8.count))
        }
        if let comment = summary.record({ () throws(MiniDumpError) in try file.commentW() }), let comment {
            summary.mix(UInt64(comment.text.utf8.count))
        }
        if let handles = summary.record({ () throws(MiniDumpError) in try file.handleData() }), let handles {
            summary.diagnostics += handles.diagnostics.count
            if let first = handles.handles.first { _ = handles.descriptor(forHandle: first.handle) }
        }
        if let tokens = summary.record({ () throws(MiniDumpError) in try file.tokenInfoList() }), let tokens {
            summary.diagnostics += tokens.diagnostics.count
        }
        _ = summary.record { () throws(MiniDumpError) in try file.systemMemoryInfo() }
        _ = summary.record { () throws(MiniDumpError) in try file.processVmCounters() }
        if let table = summary.record({ () throws(MiniDumpError) in try file.functionTable() }), let table {
            summary.diagnostics += table.diagnostics.count
        }
        _ = summary.record { () throws(MiniDumpError) in try file.breakpadInfo() }
        _ = summary.record { () throws(MiniDumpError) in try file.assertionInfo() }
        if let crashpad = summary.record({ () throws(MiniDumpError) in try file.crashpadInfo() }), let crashpad {
            summary.diagnostics += crashpad.diagnostics.count
            _ = crashpad.simpleAnnotation("prod")
            _ = crashpad.module(atIndex: 0)
        }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxCpuInfo()?.processorCount }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxProcStatus() }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxLsbRelease()?.distributionID }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxCmdLine() }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxEnviron()?.value(of: "PATH") }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxAuxv()?.value(for: .entry) }
        _ = summary.record { () throws(MiniDumpError) in try file.linuxDsoDebug() }
        if let maps = summary.record({ () throws(MiniDumpError) in try file.linuxMaps() }), let maps {
            summary.diagnostics += maps.diagnostics.count
        }
    }

    // MARK: Threads, modules, memory

    private func threadsAndContexts(_ file: MiniDumpFile, _ summary: inout Summary, _ addresses: inout ProbeAddresses) {
        let architecture = ((try? file.systemInfo()) ?? nil)?.architecture
        if let exception = (try? file.exception()) ?? nil {
            addresses.add(exception.address)
            for parameter in exception.parameters { addresses.add(parameter) }
        }
        if let context = file.exceptionContext() { note(context, &summary, &addresses) }
        guard let threads = summary.record({ () throws(MiniDumpError) in try file.threads() }) else { return }
        summary.threads = threads.count
        for thread in threads {
            summary.diagnostics += thread.diagnostics.count
            summary.mix(UInt64(thread.id))
            addresses.add(thread.stackStart)
            addresses.add(thread.teb)
            if let context = thread.context { note(context, &summary, &addresses) }
            // The same record decoded by size alone, as a caller without SystemInfo would.
            for choice in [architecture, nil] where !thread.record.contextLocation.isEmpty {
                if let context = summary.record({ () throws(MiniDumpError) in
                    try file.context(at: thread.record.contextLocation, architecture: choice)
                }) {
                    summary.mix(context.instructionPointer ?? 0)
                }
            }
        }
        _ = file.thread(id: threads.first?.id ?? 0)
    }

    private func note(_ context: CPUContext, _ summary: inout Summary, _ addresses: inout ProbeAddresses) {
        summary.mix(UInt64(context.contextFlags))
        summary.mix(UInt64(context.extendedStateSize))
        for register in context.generalRegisters { summary.mix(register.value) }
        if let ip = context.instructionPointer { addresses.add(ip) }
        if let sp = context.stackPointer { addresses.add(sp) }
        if let fp = context.framePointer { addresses.add(fp) }
    }

    private func modules(_ file: MiniDumpFile, _ summary: inout Summary, _ addresses: inout ProbeAddresses) {
        guard let map = summary.record({ () throws(MiniDumpError) in try file.moduleMap() }) else { return }
        summary.modules = map.modules.count
        summary.diagnostics += map.diagnostics.count
        _ = map.mainModule
        for module in map.modules {
            addresses.add(module.baseAddress)
            addresses.add(module.endAddress &- 1)
        }
        for module in map.unloadedModules.prefix(256) { addresses.add(module.baseAddress) }
    }

    private func memory(_ file: MiniDumpFile, _ summary: inout Summary, _ addresses: inout ProbeAddresses) {
        let space = file.addressSpace()
        summary.segments = space.segments.count
        summary.diagnostics += space.diagnostics.count
        summary.mix(space.totalBytes)
        // Reads across segment boundaries.
        for segment in space.segments.prefix(256) {
            addresses.add(segment.address)
            addresses.add(segment.endAddress &- 8)
        }
        addresses.add(0)
        addresses.add(.max &- 7)
        let map = (try? file.moduleMap()) ?? ModuleMap()
        let regions = (try? file.memoryInfoList()) ?? nil
        let maps = (try? file.linuxMaps()) ?? nil
        for address in addresses.list {
            if let bytes = space.bytes(at: address &- 64, count: 256) {
                summary.reads += 1
                summary.mix(UInt64(bytes.first ?? 0))
            }
            if let word = space.value(UInt64.self, at: address) {
                summary.reads += 1
                summary.mix(word)
            }
            if let pointer = space.pointer(at: address, size: 4) { summary.mix(pointer) }
            _ = space.contains(address, count: 16)
            _ = space.withBytes(at: address, count: 8) { $0.count }
            _ = space.segment(containing: address)
            _ = map.module(containing: address)
            _ = map.unloadedModule(containing: address)
            _ = regions?.region(containing: address)
            _ = maps?.region(containing: address)
        }
    }

    // MARK: Stacks, images, analysis

    private func stacks(_ file: MiniDumpFile, _ summary: inout Summary, _ addresses: inout ProbeAddresses) {
        let stacks = file.callStacks(limits: stackLimits)
        summary.stacks = stacks
        for stack in stacks {
            summary.frames += stack.frames.count
            for frame in stack.frames {
                summary.mix(frame.address)
                _ = frame.symbolText
            }
            if let last = stack.frames.last { addresses.add(last.address) }
        }
        if walksExceptionThreadWithDefaultLimits, let exception = (try? file.exception()) ?? nil,
           let stack = file.callStack(threadId: exception.threadId, limits: .default) {
            summary.frames += stack.frames.count
        }
        if file.isWOW64Process() {
            for thread in ((try? file.threads()) ?? []).prefix(1024) {
                if let stack = file.wow64CallStack(threadId: thread.id, limits: stackLimits) {
                    summary.frames += stack.frames.count
                }
            }
        }
    }

    private func images(_ file: MiniDumpFile, _ summary: inout Summary, _ addresses: ProbeAddresses) {
        let resolver = file.symbolResolver()
        for address in addresses.list {
            if let symbol = resolver.resolve(address, isReturnAddress: address & 1 == 0) {
                summary.mix(symbol.moduleOffset)
                _ = symbol.description
            }
        }
        let modules = ((try? file.moduleMap()) ?? ModuleMap()).modules
        for module in modules.prefix(4096) {
            guard let image = file.peImage(of: module) else { continue }
            summary.images += 1
            summary.mix(UInt64(image.sizeOfImage))
            let exports = resolver.exports(moduleBase: module.baseAddress)
            summary.mix(UInt64(exports.count))
            _ = image.dataDirectory(.export)
            _ = image.isExecutable(address: image.address(ofRva: image.entryPointRva))
            let count = image.runtimeFunctionCount
            guard image.hasReadableExceptionDirectory else { continue }
            for rva in [image.entryPointRva, image.sizeOfImage / 2] {
                if let function = image.runtimeFunction(containingRva: rva), let info = image.unwindInfo(for: function) {
                    summary.mix(UInt64(info.codes.count))
                }
            }
            if let last = image.runtimeFunction(at: count - 1) { summary.mix(UInt64(last.beginRva)) }
        }
    }

    private func analysis(_ file: MiniDumpFile, _ summary: inout Summary) {
        // Crash analysis joins here once it is on `main`.
        _ = file
        _ = summary
    }
}

/// The distinct addresses a run probes, in the order found, at most `limit` of them.
struct ProbeAddresses {
    let limit: Int
    private(set) var list: [UInt64] = []
    private var seen: Set<UInt64> = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ address: UInt64) {
        guard list.count < limit, seen.insert(address).inserted else { return }
        list.append(address)
    }
}
