extension MiniDumpFile {
    /// The HandleData stream (the process's open handles), decoded once; `nil` when the dump has
    /// none.
    ///
    /// Throws when the stream's header is unusable or its descriptor count cannot fit in the
    /// stream. A handle whose names or object information cannot be read is kept and adds a
    /// diagnostic.
    public func handleData() throws(MiniDumpError) -> HandleDataStream? {
        try cached("handleData") { () throws(MiniDumpError) -> HandleDataStream? in
            guard var cursor = try streamCursor(.handleData) else { return nil }
            return try HandleDataStream(parsing: &cursor, reader: reader)
        }
    }
}
