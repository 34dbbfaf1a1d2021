extension MiniDumpFile {
    /// The LinuxCmdLine stream (the crashed process's arguments), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxCmdLine() throws(MiniDumpError) -> LinuxCmdLineStream? {
        try cached("linuxCmdLine") { () throws(MiniDumpError) -> LinuxCmdLineStream? in
            guard let cursor = try streamCursor(.linuxCmdLine) else { return nil }
            return LinuxCmdLineStream(parsing: cursor)
        }
    }
}
