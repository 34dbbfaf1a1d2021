extension MiniDumpFile {
    /// The LinuxEnviron stream (the crashed process's environment), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxEnviron() throws(MiniDumpError) -> LinuxEnvironStream? {
        try cached("linuxEnviron") { () throws(MiniDumpError) -> LinuxEnvironStream? in
            guard let cursor = try streamCursor(.linuxEnviron) else { return nil }
            return LinuxEnvironStream(parsing: cursor)
        }
    }
}
