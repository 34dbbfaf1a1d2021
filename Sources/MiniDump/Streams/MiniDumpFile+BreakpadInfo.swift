extension MiniDumpFile {
    /// The BreakpadInfo stream (the dump and requesting thread ids), decoded once; `nil` when the
    /// dump has none.
    ///
    /// Throws when the stream is shorter than 12 bytes.
    public func breakpadInfo() throws(MiniDumpError) -> BreakpadInfoStream? {
        try cached("breakpadInfo") { () throws(MiniDumpError) -> BreakpadInfoStream? in
            guard var cursor = try streamCursor(.breakpadInfo) else { return nil }
            return try BreakpadInfoStream(parsing: &cursor)
        }
    }
}
