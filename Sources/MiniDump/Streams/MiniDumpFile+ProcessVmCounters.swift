extension MiniDumpFile {
    /// The ProcessVmCounters stream (the process's memory use), decoded once; `nil` when the dump
    /// has none.
    ///
    /// Throws when the stream is shorter than the structure its revision names.
    public func processVmCounters() throws(MiniDumpError) -> ProcessVmCountersStream? {
        try cached("processVmCounters") { () throws(MiniDumpError) -> ProcessVmCountersStream? in
            guard var cursor = try streamCursor(.processVmCounters) else { return nil }
            return try ProcessVmCountersStream(parsing: &cursor)
        }
    }
}
