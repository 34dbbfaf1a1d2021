extension MiniDumpFile {
    /// The LinuxDsoDebug stream (the dynamic linker's list of loaded objects), decoded once; `nil`
    /// when the dump has none.
    ///
    /// Throws when the stream is shorter than its header or the link map array does not fit in
    /// the file. A name that cannot be read keeps its entry and adds a diagnostic.
    public func linuxDsoDebug() throws(MiniDumpError) -> LinuxDsoDebugStream? {
        try cached("linuxDsoDebug") { () throws(MiniDumpError) -> LinuxDsoDebugStream? in
            guard var cursor = try streamCursor(.linuxDsoDebug) else { return nil }
            return try LinuxDsoDebugStream(parsing: &cursor, reader: reader, pointerSize: linuxStreamPointerSize())
        }
    }
}
