extension MiniDumpFile {
    /// The LinuxCpuInfo stream (a copy of `/proc/cpuinfo`), decoded once; `nil` when the dump has none.
    ///
    /// Throws only when the stream lies outside the file; text is decoded leniently.
    public func linuxCpuInfo() throws(MiniDumpError) -> LinuxCpuInfoStream? {
        try cached("linuxCpuInfo") { () throws(MiniDumpError) -> LinuxCpuInfoStream? in
            guard let cursor = try streamCursor(.linuxCpuInfo) else { return nil }
            return LinuxCpuInfoStream(parsing: cursor)
        }
    }
}
