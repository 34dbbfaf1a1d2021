import MiniDump

extension DumpScene {
    /// A builder holding the laid-out dump: the header, a directory sized for ``streamTypes``, each
    /// thread's context and stack, the memory, then the streams in ``streamTypes`` order. Add to it
    /// (with room in the directory only if you pass a larger `extraDirectoryCapacity`) or mutate it
    /// before building.
    public func makeBuilder(extraDirectoryCapacity: Int = 0) -> MiniDumpBuilder {
        var builder = MiniDumpBuilder(directoryCapacity: streamTypes.count + max(extraDirectoryCapacity, 0))
        builder.version = headerVersion
        builder.flags = headerFlags.rawValue
        builder.timestamp = timestamp

        // Per-thread data: context, then the stack the thread's descriptor points at. A full dump
        // without a 32-bit memory list points the stacks into the Memory64 data instead.
        let hasMemoryList = memoryListKinds.contains { $0 != .memory64 }
        let stacksInMemory64 = !hasMemoryList && memoryListKinds.contains(.memory64)
        var contexts: [WrittenLocation] = []
        var stacks: [WrittenMemory] = []
        var backingStores: [WrittenMemory] = []
        for thread in threads {
            contexts.append(builder.appendLocation(thread.context.bytes))
            stacks.append(stacksInMemory64
                ? WrittenMemory(address: thread.stackAddress, size: UInt32(truncatingIfNeeded: thread.stack.count), rva: 0)
                : builder.appendMemory(address: thread.stackAddress, bytes: thread.stack))
            backingStores.append(thread.backingStore.map {
                builder.appendMemory(address: $0.address, bytes: $0.bytes + Array(repeating: 0, count: Int($0.size) - $0.bytes.count))
            } ?? .none)
        }
        // Other memory, only when a 32-bit memory list needs it in the file.
        var otherMemory: [WrittenMemory] = []
        if hasMemoryList {
            for range in memory {
                let padded = range.bytes + Array(repeating: 0, count: Int(range.size) - range.bytes.count)
                otherMemory.append(builder.appendMemory(address: range.address, bytes: padded))
            }
        }
        var exceptionContext = WrittenLocation.none
        if let exception {
            if let context = exception.context {
                exceptionContext = builder.appendLocation(context.bytes)
            } else if let index = threads.firstIndex(where: { $0.id == exception.threadId }) {
                exceptionContext = contexts[index]
            }
        }

        let records = threads.indices.map { index in
            ThreadListBuilder.Thread(
                id: threads[index].id, suspendCount: threads[index].suspendCount,
                priorityClass: threads[index].priorityClass, priority: threads[index].priority,
                teb: threads[index].teb, stack: stacks[index], context: contexts[index],
                backingStore: backingStores[index])
        }
        // Memory64 data is sorted by address (ties keep list order); stack i is range i of allMemory.
        let memory64 = allMemory
        let memory64Order = memory64.indices.sorted { (memory64[$0].address, $0) < (memory64[$1].address, $1) }
        var memory64Position = [Int](repeating: 0, count: memory64.count)
        for (position, index) in memory64Order.enumerated() { memory64Position[index] = position }
        for kind in threadListKinds {
            let rva: UInt32
            let first: Int
            let stride: Int
            switch kind {
            case .plain: (rva, first, stride) = (builder.add(ThreadListBuilder(threads: records)), 4, 48)
            case .padded: (rva, first, stride) = (builder.add(ThreadListBuilder(threads: records, paddedCount: true)), 8, 48)
            case .extended: (rva, first, stride) = (builder.add(ThreadExListBuilder(threads: records)), 4, 64)
            }
            if stacksInMemory64 {
                for index in threads.indices {
                    // MINIDUMP_THREAD.Stack.Memory.Rva is at +36.
                    builder.setMemory64Rva(at: Int(rva) + first + stride * index + 36, range: memory64Position[index])
                }
            }
        }
        builder.add(ModuleListBuilder(modules: modules, paddedCount: paddedModuleList))
        if !unloadedModules.isEmpty { builder.add(UnloadedModuleListBuilder(modules: unloadedModules)) }
        for kind in memoryListKinds {
            switch kind {
            case .plain: builder.add(MemoryListBuilder(ranges: stacks + otherMemory))
            case .padded: builder.add(MemoryListBuilder(ranges: stacks + otherMemory, paddedCount: true))
            case .memory64: builder.add(Memory64ListBuilder(ranges: memory64Order.map { memory64[$0] }))
            }
        }
        if !memoryInfo.isEmpty { builder.add(MemoryInfoListBuilder(regions: memoryInfo)) }
        if let exception {
            builder.add(ExceptionBuilder(
                threadId: exception.threadId, code: exception.code, flags: exception.flags,
                recordAddress: exception.recordAddress, address: exception.address,
                parameters: exception.parameters, context: exceptionContext))
        }
        builder.add(system)
        if let miscInfo { builder.add(miscInfo) }
        if writesThreadInfo {
            builder.add(ThreadInfoListBuilder(entries: threads.map { thread in
                var entry = thread.info ?? ThreadInfoListBuilder.Entry(threadId: thread.id)
                entry.threadId = thread.id
                return entry
            }))
        }
        if !handles.isEmpty { builder.add(HandleDataBuilder(handles: handles)) }
        if writesThreadNames && threads.contains(where: { $0.name != nil }) {
            builder.add(ThreadNamesBuilder(names: threads.compactMap { thread in
                thread.name.map { ThreadNamesBuilder.Name(threadId: thread.id, name: $0) }
            }))
        }
        if let commentA { builder.add(CommentBuilder(commentA, wide: false)) }
        if let commentW { builder.add(CommentBuilder(commentW, wide: true)) }
        for stream in extraStreams { stream.write(into: &builder) }
        return builder
    }

    /// The finished dump in memory (Memory64 holes become zeros; use ``write(toPath:)`` for large
    /// dumps).
    public func build() -> [UInt8] {
        makeBuilder().build()
    }

    /// Writes the dump to `path`, streaming, with Memory64 zero tails left as sparse holes.
    ///
    /// Throws ``DumpWriteError`` when the file cannot be created or written.
    public func write(toPath path: String) throws(DumpWriteError) {
        try makeBuilder().write(toPath: path)
    }
}
