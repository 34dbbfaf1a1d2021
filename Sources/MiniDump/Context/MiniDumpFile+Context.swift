extension MiniDumpFile {
    /// Decodes the CPU context (thread registers) that `location` points at, such as a thread's
    /// `ThreadContext` or the exception stream's context.
    ///
    /// The record's layout is chosen from `architecture` (the SystemInfo stream's processor
    /// architecture; Breakpad's old ARM64 code 0x8003 is accepted) together with the record's
    /// size: Windows `CONTEXT` for AMD64 (1232 bytes, more with XSAVE data), x86 (716 bytes, more
    /// with XSAVE data), ARM64 (0x390 bytes) and ARM (0x1A0 bytes), and Breakpad's
    /// `MDRawContextARM64_Old` (796 bytes) and `MDRawContextARM` (368 bytes). When `architecture`
    /// is `nil` or ``ProcessorArchitecture/unknown`` the size alone decides.
    ///
    /// Throws ``MiniDumpError`` with kind ``MiniDumpError/Kind/truncated`` (and the file offset)
    /// when the record lies outside the file or is shorter than its layout, and
    /// ``MiniDumpError/Kind/invalidValue`` when the location is empty, the architecture has no
    /// known layout, or no layout fits the size.
    public func context(
        at location: LocationDescriptor, architecture: ProcessorArchitecture?
    ) throws(MiniDumpError) -> CPUContext {
        try CPUContext(reader: reader, location: location, architecture: architecture)
    }
}
