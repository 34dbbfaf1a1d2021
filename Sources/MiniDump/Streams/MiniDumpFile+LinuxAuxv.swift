extension MiniDumpFile {
    /// The LinuxAuxv stream (the ELF auxiliary vector), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file. The pointer size comes from the
    /// SystemInfo stream when it names a known architecture.
    public func linuxAuxv() throws(MiniDumpError) -> LinuxAuxvStream? {
        try cached("linuxAuxv") { () throws(MiniDumpError) -> LinuxAuxvStream? in
            guard var cursor = try streamCursor(.linuxAuxv) else { return nil }
            return try LinuxAuxvStream(parsing: &cursor, pointerSize: linuxStreamPointerSize())
        }
    }
}
