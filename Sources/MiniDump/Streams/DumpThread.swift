/// A thread of the crashed process, with everything the dump says about it: its record from the
/// ThreadList, its name (ThreadNames), its CPU context, and ThreadInfoList data when present.
public struct DumpThread: Sendable {
    /// The thread id.
    public var id: UInt32
    /// The name given with `SetThreadDescription` (ThreadNames stream), or `nil`.
    public var name: String?
    /// The record as the ThreadList stores it (TEB, stack descriptor, context location).
    public var record: ThreadRecord
    /// The thread's own CPU context from the thread list, or `nil` when it could not be decoded
    /// (the reason is in ``diagnostics``).
    public var context: CPUContext?
    /// ThreadInfoList data (times, start address, exit status), or `nil` when the dump has none.
    public var info: ThreadInfo?
    /// Problems decoding this thread's context or name.
    public var diagnostics: [DumpDiagnostic]

    /// The address of the thread environment block (TEB).
    public var teb: UInt64 { record.teb }
    /// The lowest captured stack address.
    public var stackStart: UInt64 { record.stack.address }
    /// The number of captured stack bytes.
    public var stackSize: UInt64 { record.stack.size }
}

extension MiniDumpFile {
    /// Every thread of the ThreadList with its name, context and info; empty when the dump has no
    /// thread list. Throws only when the ThreadList stream itself is unusable.
    public func threads() throws(MiniDumpError) -> [DumpThread] {
        try cached("threads") { () throws(MiniDumpError) -> [DumpThread] in
            guard let list = try threadList() else { return [] }
            let architecture = ((try? systemInfo()) ?? nil)?.architecture
            var nameDiagnostics = [DumpDiagnostic]()
            var names: ThreadNamesStream?
            do throws(MiniDumpError) { names = try threadNames() } catch {
                nameDiagnostics.append(DumpDiagnostic(error, stream: .threadNames))
            }
            let infos = (try? threadInfoList()) ?? nil
            // One lookup table per stream (the first entry for a thread wins), so that matching
            // stays linear however many threads, names and infos a dump claims.
            var nameTable = [UInt32: String]()
            for entry in names?.entries ?? [] where nameTable[entry.threadID] == nil {
                nameTable[entry.threadID] = entry.name
            }
            var infoTable = [UInt32: ThreadInfo]()
            for entry in infos?.entries ?? [] where infoTable[entry.threadID] == nil {
                infoTable[entry.threadID] = entry
            }
            return list.threads.map { record in
                var diagnostics = nameDiagnostics
                var context: CPUContext?
                if !record.contextLocation.isEmpty {
                    do throws(MiniDumpError) {
                        context = try CPUContext(
                            reader: reader, location: record.contextLocation, architecture: architecture,
                            stream: .threadList)
                    } catch {
                        diagnostics.append(DumpDiagnostic(error, stream: .threadList))
                    }
                }
                return DumpThread(
                    id: record.threadId, name: nameTable[record.threadId], record: record,
                    context: context, info: infoTable[record.threadId], diagnostics: diagnostics)
            }
        }
    }

    /// The thread with id `id`, or `nil`.
    public func thread(id: UInt32) -> DumpThread? {
        guard let threads = try? threads() else { return nil }
        // Indexed once: callers such as renderers look up every thread of a large list.
        let index = (try? cached("threadIndex") { () throws(MiniDumpError) -> [UInt32: Int] in
            var table = [UInt32: Int]()
            for (position, thread) in threads.enumerated() where table[thread.id] == nil {
                table[thread.id] = position
            }
            return table
        }) ?? [:]
        return index[id].map { threads[$0] }
    }

    /// The CPU context recorded with the exception (the state at the fault), or `nil` when the dump
    /// has no exception or its context cannot be decoded.
    public func exceptionContext() -> CPUContext? {
        guard let exception = (try? exception()) ?? nil, !exception.contextLocation.isEmpty else { return nil }
        let architecture = ((try? systemInfo()) ?? nil)?.architecture
        return try? CPUContext(
            reader: reader, location: exception.contextLocation, architecture: architecture, stream: .exception)
    }
}
