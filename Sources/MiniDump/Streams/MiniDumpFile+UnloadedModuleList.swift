extension MiniDumpFile {
    /// The decoded UnloadedModuleList stream, or `nil` when the dump has none.
    ///
    /// Decoded once and remembered. Throws ``MiniDumpError`` when the stream lies outside the file,
    /// its header is too small, or its entries do not fit in it.
    public func unloadedModuleList() throws(MiniDumpError) -> UnloadedModuleListStream? {
        try cached("unloadedModuleList") { () throws(MiniDumpError) -> UnloadedModuleListStream? in
            guard let cursor = try streamCursor(.unloadedModuleList) else { return nil }
            return try UnloadedModuleListStream(parsing: cursor, reader: reader)
        }
    }
}
