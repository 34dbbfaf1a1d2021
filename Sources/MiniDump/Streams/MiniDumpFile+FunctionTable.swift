extension MiniDumpFile {
    /// The FunctionTable stream (dynamic function tables of generated code), decoded once; `nil`
    /// when the dump has none.
    ///
    /// Throws when the stream's header is unusable or its table count cannot fit in the stream.
    /// A table whose entries run past the stream keeps the entries that fit and adds a diagnostic.
    public func functionTable() throws(MiniDumpError) -> FunctionTableStream? {
        try cached("functionTable") { () throws(MiniDumpError) -> FunctionTableStream? in
            guard var cursor = try streamCursor(.functionTable) else { return nil }
            return try FunctionTableStream(parsing: &cursor)
        }
    }
}
