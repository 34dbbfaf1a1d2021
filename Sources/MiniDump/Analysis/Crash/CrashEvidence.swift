/// Everything the crash analysis reads from a dump, gathered once; unreadable streams become notes.
struct CrashEvidence: Sendable {
    var systemInfo: SystemInfo?
    var exception: ExceptionStream?
    var miscInfo: MiscInfo?
    var modules: [ModuleSummary] = []
    var unloadedModules: [ModuleSummary] = []
    var regions: [MemoryRegionFacts] = []
    /// True when ``regions`` come from a Linux maps list, which names every mapping.
    var regionsCoverAllMappings = false
    var threadNames: ThreadNamesStream?
    var threads: [ThreadRecord] = []
    var environment: ProcessEnvironment?
    /// The exception context's instruction pointer, when the dump's context could be decoded.
    var instructionPointer: UInt64?
    /// The exception context's stack pointer, when known.
    var stackPointer: UInt64?
    var callStack: CallStack?
    var memory: (any MemoryReading)?
    var notes: [String] = []

    init() {}

    init(dump: MiniDumpFile, walkLimits: StackWalkLimits? = .default) {
        func read<T>(_ what: String, _ body: () throws(MiniDumpError) -> T?) -> T? {
            do throws(MiniDumpError) {
                return try body()
            } catch {
                notes.append("\(what) could not be read: \(error)")
                return nil
            }
        }
        systemInfo = read("SystemInfo") { () throws(MiniDumpError) in try dump.systemInfo() }
        exception = read("Exception stream") { () throws(MiniDumpError) in try dump.exception() }
        miscInfo = read("MiscInfo") { () throws(MiniDumpError) in try dump.miscInfo() }
        threads = read("ThreadList") { () throws(MiniDumpError) in try dump.threadList() }?.threads ?? []
        memory = dump.addressSpace()
        environment = dump.processEnvironment()
        loadModules(dump)
        if let walkLimits { loadContextAndStack(dump, limits: walkLimits) }
    }

    /// The crashing thread's frames, innermost first (none when its stack could not be walked).
    var frames: [StackFrame] { callStack?.frames ?? [] }

    /// True when a walk limit cut the crashing thread's stack short.
    var framesTruncated: Bool { callStack?.truncated ?? false }

    /// The pointer size of the crashed process (8 unless SystemInfo says 32-bit).
    var pointerSize: Int { systemInfo?.architecture.pointerSize ?? 8 }

    /// The exception-code numbering of the dump's platform.
    var family: ExceptionDescription.Family { ExceptionDescription.family(for: systemInfo?.platform) }

    /// A classifier over the modules, unloaded modules, thread stacks and memory regions.
    var classifier: AddressClassifier {
        var stacks = [AddressClassifier.Stack]()
        for thread in threads {
            if let teb = environment?.thread(thread.threadId), teb.stackBase > teb.stackLimit {
                stacks.append(.init(
                    threadId: thread.threadId, base: teb.stackBase, limit: teb.stackLimit,
                    reservedBottom: teb.deallocationStack))
            } else if thread.stack.size > 0 {
                let end = thread.stack.address &+ thread.stack.size
                if end > thread.stack.address {
                    stacks.append(.init(threadId: thread.threadId, base: end, limit: thread.stack.address))
                }
            }
        }
        return AddressClassifier(
            pointerSize: pointerSize,
            images: modules.map { .init(name: $0.name, baseAddress: $0.baseAddress, size: $0.size) },
            unloadedImages: unloadedModules.map { .init(name: $0.name, baseAddress: $0.baseAddress, size: $0.size) },
            stacks: stacks, regions: regions, regionsCoverAllMappings: regionsCoverAllMappings)
    }

    /// The loaded module holding `address`.
    func module(containing address: UInt64) -> ModuleSummary? {
        modules.first { $0.contains(address) }
    }

    /// The main executable: the module whose path is the PEB's image path, the one at the PEB's image
    /// base, or the first module.
    var mainModule: ModuleSummary? {
        if let path = environment?.imagePath?.lowercased(),
           let match = modules.first(where: { $0.path.lowercased() == path }) {
            return match
        }
        if let base = environment?.imageBaseAddress, let match = modules.first(where: { $0.baseAddress == base }) {
            return match
        }
        return modules.first
    }
}
