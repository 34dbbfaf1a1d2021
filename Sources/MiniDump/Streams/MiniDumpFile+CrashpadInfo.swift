extension MiniDumpFile {
    /// The CrashpadInfo stream (report and client ids, process and module annotations), decoded
    /// once; `nil` when the dump has none.
    ///
    /// Throws when the stream is shorter than `MinidumpCrashpadInfo`. Dictionaries, lists and
    /// strings that cannot be read are left empty and add diagnostics.
    public func crashpadInfo() throws(MiniDumpError) -> CrashpadInfoStream? {
        try cached("crashpadInfo") { () throws(MiniDumpError) -> CrashpadInfoStream? in
            guard var cursor = try streamCursor(.crashpadInfo) else { return nil }
            return try CrashpadInfoStream(parsing: &cursor, reader: reader)
        }
    }
}
