extension MiniDumpFile {
    /// A classifier over this dump's modules, unloaded modules, thread stacks (limits from the TEBs
    /// when captured) and MemoryInfoList regions. Never throws: unreadable streams contribute nothing.
    public func addressClassifier() -> AddressClassifier {
        CrashEvidence(dump: self, walkLimits: nil).classifier
    }
}
