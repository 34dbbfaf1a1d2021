extension MiniDumpFile {
    /// The CommentStreamA stream (ANSI text, e.g. why ProcDump took the dump), decoded once;
    /// `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file.
    public func commentA() throws(MiniDumpError) -> CommentStream? {
        try cached("commentA") { () throws(MiniDumpError) -> CommentStream? in
            guard let cursor = try streamCursor(.commentA) else { return nil }
            return CommentStream(ansi: cursor)
        }
    }

    /// The CommentStreamW stream (UTF-16 text, e.g. why DebugDiag took the dump), decoded once;
    /// `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file.
    public func commentW() throws(MiniDumpError) -> CommentStream? {
        try cached("commentW") { () throws(MiniDumpError) -> CommentStream? in
            guard let cursor = try streamCursor(.commentW) else { return nil }
            return CommentStream(wide: cursor)
        }
    }
}
