extension MiniDumpFile {
    /// The pointer size (4 or 8) of the SystemInfo stream's processor architecture, read straight
    /// from its first field; `nil` when the dump has no SystemInfo stream or the architecture is
    /// unknown. The Linux auxv and DSO debug streams need it to pick their layout.
    func linuxStreamPointerSize() -> Int? {
        guard let entry = entry(for: .systemInfo), entry.size >= 2,
              let raw = reader.value(UInt16.self, at: UInt64(entry.rva))
        else { return nil }
        return ProcessorArchitecture(raw).pointerSize
    }
}
