extension MiniDumpFile {
    /// The LinuxMaps stream (the crashed process's mappings), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxMaps() throws(MiniDumpError) -> LinuxMapsStream? {
        try cached("linuxMaps") { () throws(MiniDumpError) -> LinuxMapsStream? in
            guard let cursor = try streamCursor(.linuxMaps) else { return nil }
            return LinuxMapsStream(parsing: cursor)
        }
    }
}
