extension MiniDumpFile {
    /// The LinuxProcStatus stream (a copy of `/proc/<pid>/status`), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxProcStatus() throws(MiniDumpError) -> LinuxProcStatusStream? {
        try cached("linuxProcStatus") { () throws(MiniDumpError) -> LinuxProcStatusStream? in
            guard let cursor = try streamCursor(.linuxProcStatus) else { return nil }
            return LinuxProcStatusStream(parsing: cursor)
        }
    }
}
