extension MiniDumpFile {
    /// The MemoryList stream (5), or `nil` when the dump has none.
    public func memoryList() throws(MiniDumpError) -> MemoryListStream? {
        try cached("memoryList") { () throws(MiniDumpError) -> MemoryListStream? in
            guard let entry = entry(for: .memoryList) else { return nil }
            return try MemoryListStream(memoryList: reader, range: streamRange(entry))
        }
    }

    /// The Memory64List stream (9) of full-memory dumps, or `nil` when the dump has none.
    public func memory64List() throws(MiniDumpError) -> MemoryListStream? {
        try cached("memory64List") { () throws(MiniDumpError) -> MemoryListStream? in
            guard let entry = entry(for: .memory64List) else { return nil }
            return try MemoryListStream(memory64List: reader, range: streamRange(entry))
        }
    }

    /// The process memory captured in the dump, over the MemoryList and Memory64List together.
    ///
    /// Never throws: a broken memory stream contributes no ranges and a diagnostic. An empty address
    /// space (no memory streams) reads `nil` everywhere.
    public func addressSpace() -> AddressSpace {
        (try? cached("addressSpace") { () throws(MiniDumpError) -> AddressSpace in
            var lists = [MemoryListStream]()
            var diagnostics = [DumpDiagnostic]()
            do throws(MiniDumpError) {
                if let list = try memoryList() { lists.append(list) }
            } catch {
                diagnostics.append(DumpDiagnostic(error, stream: .memoryList))
            }
            do throws(MiniDumpError) {
                if let list = try memory64List() { lists.append(list) }
            } catch {
                diagnostics.append(DumpDiagnostic(error, stream: .memory64List))
            }
            // Thread stacks normally repeat MemoryList ranges; some writers keep them only in the
            // thread list, so they fill gaps.
            let stacks = ((try? threadList()) ?? nil)?.threads.map(\.stack) ?? []
            return AddressSpace(reader: reader, lists: lists, supplementary: stacks, diagnostics: diagnostics)
        }) ?? AddressSpace(reader: reader, lists: [], diagnostics: [])
    }
}
