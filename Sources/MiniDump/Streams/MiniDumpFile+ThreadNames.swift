extension MiniDumpFile {
    /// The ThreadNames stream, decoded once; `nil` when the dump has none.
    ///
    /// Throws when the entry count cannot fit in the stream. A name that cannot be read keeps its
    /// entry (with an empty name) and adds a diagnostic.
    public func threadNames() throws(MiniDumpError) -> ThreadNamesStream? {
        try cached("threadNames") { () throws(MiniDumpError) -> ThreadNamesStream? in
            guard var cursor = try streamCursor(.threadNames) else { return nil }
            return try ThreadNamesStream(parsing: &cursor, reader: reader)
        }
    }
}
