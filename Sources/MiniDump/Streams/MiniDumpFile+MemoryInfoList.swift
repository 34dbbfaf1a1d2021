extension MiniDumpFile {
    /// The decoded MemoryInfoList stream, or `nil` when the dump has none.
    ///
    /// Decoded once and remembered. Throws ``MiniDumpError`` when the stream lies outside the file,
    /// its header is too small, or its entries do not fit in it.
    public func memoryInfoList() throws(MiniDumpError) -> MemoryInfoListStream? {
        try cached("memoryInfoList") { () throws(MiniDumpError) -> MemoryInfoListStream? in
            guard let cursor = try streamCursor(.memoryInfoList) else { return nil }
            return try MemoryInfoListStream(parsing: cursor)
        }
    }
}
