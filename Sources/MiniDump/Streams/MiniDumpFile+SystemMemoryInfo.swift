extension MiniDumpFile {
    /// The SystemMemoryInfo stream (machine-wide memory figures), decoded once; `nil` when the
    /// dump has none.
    ///
    /// Throws when the stream is too short for its revision and flags.
    public func systemMemoryInfo() throws(MiniDumpError) -> SystemMemoryInfoStream? {
        try cached("systemMemoryInfo") { () throws(MiniDumpError) -> SystemMemoryInfoStream? in
            guard var cursor = try streamCursor(.systemMemoryInfo) else { return nil }
            return try SystemMemoryInfoStream(parsing: &cursor)
        }
    }
}
