extension MiniDumpFile {
    /// The Token stream (security tokens of the process and its threads), decoded once; `nil`
    /// when the dump has none.
    ///
    /// Throws when the stream's header is unusable or its entry count cannot fit in the stream.
    /// An entry with an impossible size ends the list and adds a diagnostic.
    public func tokenInfoList() throws(MiniDumpError) -> TokenInfoListStream? {
        try cached("tokenInfoList") { () throws(MiniDumpError) -> TokenInfoListStream? in
            guard var cursor = try streamCursor(.token) else { return nil }
            return try TokenInfoListStream(parsing: &cursor)
        }
    }
}
