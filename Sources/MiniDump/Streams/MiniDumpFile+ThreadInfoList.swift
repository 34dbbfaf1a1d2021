extension MiniDumpFile {
    /// The ThreadInfoList stream (times, start addresses and dump status of each thread), decoded
    /// once; `nil` when the dump has none.
    ///
    /// Throws when the stream's header is unusable or its entry count cannot fit in the stream.
    public func threadInfoList() throws(MiniDumpError) -> ThreadInfoListStream? {
        try cached("threadInfoList") { () throws(MiniDumpError) -> ThreadInfoListStream? in
            guard var cursor = try streamCursor(.threadInfoList) else { return nil }
            return try ThreadInfoListStream(parsing: &cursor)
        }
    }
}
