extension MiniDumpFile {
    /// The decoded ModuleList stream, or `nil` when the dump has none.
    ///
    /// Decoded once and remembered. Throws ``MiniDumpError`` when the stream lies outside the file
    /// or its count does not fit in it; single unreadable modules are listed with diagnostics.
    public func moduleList() throws(MiniDumpError) -> ModuleListStream? {
        try cached("moduleList") { () throws(MiniDumpError) -> ModuleListStream? in
            guard let cursor = try streamCursor(.moduleList) else { return nil }
            return try ModuleListStream(parsing: cursor, reader: reader)
        }
    }
}
