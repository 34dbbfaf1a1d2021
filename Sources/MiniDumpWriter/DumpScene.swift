import MiniDump

/// A whole process described at the level a crash report talks about — threads with names, stacks
/// and registers, modules with versions and PDBs, memory, the exception — which lays itself out as
/// a complete, realistic minidump.
///
/// ```swift
/// var scene = DumpScene(system: .windows10AMD64())
/// scene.modules = [.init(name: "C:\\app\\app.exe", base: 0x7FF6_0000_0000, size: 0x20000)]
/// scene.threads = [.init(id: 0x1F00, name: "main", context: .amd64(.init([.rip: 0x7FF6_0000_1234, .rsp: 0x9F_F000])),
///                        stackAddress: 0x9F_F000, stack: ByteWriter.words64([0x7FF6_0000_2000, 0]))]
/// scene.exception = .init(threadId: 0x1F00, code: 0xC000_0005, address: 0x7FF6_0000_1234, parameters: [1, 0x10])
/// let bytes = scene.build()              // small dumps
/// try scene.write(toPath: "/tmp/big.dmp") // streaming, sparse Memory64 data
/// ```
///
/// Streams are written only for what is set: an empty list writes no stream (except the thread,
/// module and memory lists, which are always written). ``streamTypes`` names them in file order.
public struct DumpScene: Sendable {
    /// A thread's CPU context, in one of the layouts this module builds.
    public enum Context: Sendable, Hashable {
        /// A Windows x64 `CONTEXT`.
        case amd64(AMD64ContextBuilder)
        /// A Windows x86 `CONTEXT`.
        case x86(X86ContextBuilder)
        /// A Windows ARM64 `CONTEXT`.
        case arm64(ARM64ContextBuilder)
        /// Any bytes.
        case raw([UInt8])

        /// The context's bytes.
        public var bytes: [UInt8] {
            switch self {
            case .amd64(let context): context.bytes
            case .x86(let context): context.bytes
            case .arm64(let context): context.bytes
            case .raw(let bytes): bytes
            }
        }

        /// The instruction pointer, or `nil` for a raw context.
        public var instructionPointer: UInt64? {
            switch self {
            case .amd64(let context): context[.rip]
            case .x86(let context): UInt64(context[.eip])
            case .arm64(let context): context[.pc]
            case .raw: nil
            }
        }

        /// The frame pointer (`rbp`, `ebp`, `fp`), or `nil` for a raw context.
        public var framePointer: UInt64? {
            switch self {
            case .amd64(let context): context[.rbp]
            case .x86(let context): UInt64(context[.ebp])
            case .arm64(let context): context[.fp]
            case .raw: nil
            }
        }

        /// The stack pointer, or `nil` for a raw context.
        public var stackPointer: UInt64? {
            switch self {
            case .amd64(let context): context[.rsp]
            case .x86(let context): UInt64(context[.esp])
            case .arm64(let context): context[.sp]
            case .raw: nil
            }
        }
    }

    /// A range of process memory: address, size and leading bytes (the rest is zero).
    public typealias MemoryRange = Memory64ListBuilder.Range

    /// How threads are listed.
    public enum ThreadListKind: Sendable, Hashable {
        /// `ThreadList` with records right after the count.
        case plain
        /// `ThreadList` with 4 bytes of padding after the count.
        case padded
        /// `ThreadExList` (records with a backing store).
        case extended
    }

    /// How memory is listed.
    public enum MemoryListKind: Sendable, Hashable {
        /// `MemoryList` with descriptors right after the count.
        case plain
        /// `MemoryList` with 4 bytes of padding after the count.
        case padded
        /// `Memory64List`, its data at the end of the file (sorted by address). Without a 32-bit
        /// memory list, the threads' stack descriptors point into this data, as in dbghelp's full dumps.
        case memory64
    }

    /// One thread.
    public struct Thread: Sendable, Hashable {
        /// Thread id.
        public var id: UInt32
        /// Name for the ThreadNames stream; `nil` leaves the thread unnamed.
        public var name: String?
        /// The registers.
        public var context: Context
        /// Address of the first captured stack byte (normally the stack pointer).
        public var stackAddress: UInt64
        /// The captured stack, from ``stackAddress`` up.
        public var stack: [UInt8]
        /// Address of the thread environment block.
        public var teb: UInt64
        /// `SuspendCount`.
        public var suspendCount: UInt32
        /// `PriorityClass`.
        public var priorityClass: UInt32
        /// `Priority`.
        public var priority: UInt32
        /// Backing-store memory, written in a ThreadExList.
        public var backingStore: MemoryRange?
        /// ThreadInfoList fields (its thread id is replaced by ``id``); `nil` writes an entry with
        /// only the id.
        public var info: ThreadInfoListBuilder.Entry?

        /// Creates a thread.
        public init(
            id: UInt32, name: String? = nil, context: Context, stackAddress: UInt64, stack: [UInt8],
            teb: UInt64 = 0, suspendCount: UInt32 = 0, priorityClass: UInt32 = 0x20, priority: UInt32 = 0,
            backingStore: MemoryRange? = nil, info: ThreadInfoListBuilder.Entry? = nil
        ) {
            self.id = id
            self.name = name
            self.context = context
            self.stackAddress = stackAddress
            self.stack = stack
            self.teb = teb
            self.suspendCount = suspendCount
            self.priorityClass = priorityClass
            self.priority = priority
            self.backingStore = backingStore
            self.info = info
        }
    }

    /// The exception that caused the dump.
    public struct Exception: Sendable, Hashable {
        /// The thread that raised it.
        public var threadId: UInt32
        /// `ExceptionCode`.
        public var code: UInt32
        /// `ExceptionFlags`.
        public var flags: UInt32
        /// `ExceptionAddress`.
        public var address: UInt64
        /// `ExceptionInformation`.
        public var parameters: [UInt64]
        /// `ExceptionRecord` (a chained record's address).
        public var recordAddress: UInt64
        /// The context at the exception; `nil` points at the thread's own context.
        public var context: Context?

        /// Creates an exception.
        public init(threadId: UInt32, code: UInt32, flags: UInt32 = 0, address: UInt64, parameters: [UInt64] = [],
                    recordAddress: UInt64 = 0, context: Context? = nil) {
            self.threadId = threadId
            self.code = code
            self.flags = flags
            self.address = address
            self.parameters = parameters
            self.recordAddress = recordAddress
            self.context = context
        }
    }

    /// The header's version word (`0xA793` plus the writer's implementation version).
    public var headerVersion: UInt32 = 0xA061_A793
    /// The header's `MINIDUMP_TYPE` flags.
    public var headerFlags: MiniDumpType = []
    /// The header's timestamp (`time_t`).
    public var timestamp: UInt32 = 0x6000_0000
    /// The SystemInfo stream.
    public var system: SystemInfoBuilder
    /// The threads, in list order.
    public var threads: [Thread] = []
    /// Which thread lists to write.
    public var threadListKinds: [ThreadListKind] = [.plain]
    /// Writes a ThreadNames stream when at least one thread has a name.
    public var writesThreadNames = true
    /// Writes a ThreadInfoList stream with one entry per thread.
    public var writesThreadInfo = false
    /// The loaded modules, in list order.
    public var modules: [ModuleListBuilder.Module] = []
    /// Writes the ModuleList with 4 bytes of padding after the count.
    public var paddedModuleList = false
    /// Unloaded modules; empty writes no stream.
    public var unloadedModules: [UnloadedModuleListBuilder.Module] = []
    /// Memory besides the stacks (code around the crash, heap, TEBs).
    public var memory: [MemoryRange] = []
    /// Which memory lists to write; every list holds the stacks and ``memory``.
    public var memoryListKinds: [MemoryListKind] = [.plain]
    /// Regions for the MemoryInfoList stream; empty writes no stream.
    public var memoryInfo: [MemoryInfoListBuilder.Region] = []
    /// The exception; `nil` writes no stream.
    public var exception: Exception?
    /// The MiscInfo stream; `nil` writes none.
    public var miscInfo: MiscInfoBuilder?
    /// Handles for the HandleData stream; empty writes no stream.
    public var handles: [HandleDataBuilder.Handle] = []
    /// A `CommentStreamA`; `nil` writes none.
    public var commentA: String?
    /// A `CommentStreamW`; `nil` writes none.
    public var commentW: String?
    /// Further streams, written last in this order.
    public var extraStreams: [any StreamEncoding] = []

    /// Creates a scene with only a SystemInfo stream and empty lists.
    public init(system: SystemInfoBuilder) {
        self.system = system
    }

    /// The stream types this scene writes, in directory order.
    public var streamTypes: [StreamType] {
        var types: [StreamType] = []
        for kind in threadListKinds { types.append(kind == .extended ? .threadExList : .threadList) }
        types.append(.moduleList)
        if !unloadedModules.isEmpty { types.append(.unloadedModuleList) }
        for kind in memoryListKinds { types.append(kind == .memory64 ? .memory64List : .memoryList) }
        if !memoryInfo.isEmpty { types.append(.memoryInfoList) }
        if exception != nil { types.append(.exception) }
        types.append(.systemInfo)
        if miscInfo != nil { types.append(.miscInfo) }
        if writesThreadInfo { types.append(.threadInfoList) }
        if !handles.isEmpty { types.append(.handleData) }
        if writesThreadNames && threads.contains(where: { $0.name != nil }) { types.append(.threadNames) }
        if commentA != nil { types.append(.commentA) }
        if commentW != nil { types.append(.commentW) }
        types += extraStreams.map(\.streamType)
        return types
    }

    /// Every memory range the memory lists hold: the stacks (in thread order), then ``memory``.
    public var allMemory: [MemoryRange] {
        threads.map { MemoryRange(address: $0.stackAddress, bytes: $0.stack) } + memory
    }
}
