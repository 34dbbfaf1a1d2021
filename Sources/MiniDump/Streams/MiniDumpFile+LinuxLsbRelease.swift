extension MiniDumpFile {
    /// The LinuxLsbRelease stream (a copy of `/etc/lsb-release`), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxLsbRelease() throws(MiniDumpError) -> LinuxLsbReleaseStream? {
        try cached("linuxLsbRelease") { () throws(MiniDumpError) -> LinuxLsbReleaseStream? in
            guard let cursor = try streamCursor(.linuxLsbRelease) else { return nil }
            return LinuxLsbReleaseStream(parsing: cursor)
        }
    }
}
