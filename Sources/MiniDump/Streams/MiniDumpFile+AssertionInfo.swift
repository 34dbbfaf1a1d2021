extension MiniDumpFile {
    /// The AssertionInfo stream (the failed assertion or invalid parameter behind a Breakpad
    /// dump), decoded once; `nil` when the dump has none.
    ///
    /// Throws when the stream is shorter than 776 bytes.
    public func assertionInfo() throws(MiniDumpError) -> AssertionInfoStream? {
        try cached("assertionInfo") { () throws(MiniDumpError) -> AssertionInfoStream? in
            guard var cursor = try streamCursor(.assertionInfo) else { return nil }
            return try AssertionInfoStream(parsing: &cursor)
        }
    }
}
