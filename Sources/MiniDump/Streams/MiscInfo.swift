/// Process facts from the MiscInfo stream (15): pid, times, CPU power, integrity level, build string.
/// Mirrors `MINIDUMP_MISC_INFO` through `MINIDUMP_MISC_INFO_5`, whose version is chosen by
/// `SizeOfInfo`. Each field is `nil` unless its `Flags1` bit is set and the structure is long enough.
public struct MiscInfo: Sendable, Hashable {
    /// `SizeOfInfo`: 24 (v1), 44 (v2), 232 (v3), 832 (v4), 1364 (v5) or another size.
    public var sizeOfInfo: UInt32
    /// `Flags1`: which groups of fields are valid.
    public var flags1: UInt32
    /// The process id (`MINIDUMP_MISC1_PROCESS_ID`).
    public var processId: UInt32?
    /// Process start, seconds since 1970 UTC (`MINIDUMP_MISC1_PROCESS_TIMES`).
    public var processCreateTime: UInt32?
    /// User-mode CPU seconds.
    public var processUserTime: UInt32?
    /// Kernel-mode CPU seconds.
    public var processKernelTime: UInt32?
    /// Maximum processor speed in MHz (`MINIDUMP_MISC1_PROCESSOR_POWER_INFO`).
    public var processorMaxMhz: UInt32?
    /// Current processor speed in MHz.
    public var processorCurrentMhz: UInt32?
    /// `ProcessIntegrityLevel` RID (`MINIDUMP_MISC3_PROCESS_INTEGRITY`): 0x1000 low, 0x2000 medium,
    /// 0x3000 high, 0x4000 system.
    public var processIntegrityLevel: UInt32?
    /// `ProcessExecuteFlags` (`MINIDUMP_MISC3_PROCESS_EXECUTE_FLAGS`).
    public var processExecuteFlags: UInt32?
    /// `ProtectedProcess` (`MINIDUMP_MISC3_PROTECTED_PROCESS`).
    public var protectedProcess: UInt32?
    /// The time-zone id (`MINIDUMP_MISC3_TIMEZONE`).
    public var timeZoneId: UInt32?
    /// The OS build string, e.g. `19041.1.amd64fre.vb_release.191206-1406` (`MINIDUMP_MISC4_BUILDSTRING`).
    public var buildString: String?
    /// The debugger build string.
    public var debugBuildString: String?
    /// `ProcessCookie` (`MINIDUMP_MISC5_PROCESS_COOKIE`).
    public var processCookie: UInt32?

    /// The structure version implied by ``sizeOfInfo`` (1...5, or 0 for a size below v1).
    public var version: Int {
        switch sizeOfInfo {
        case 1364...: 5
        case 832...: 4
        case 232...: 3
        case 44...: 2
        case 24...: 1
        default: 0
        }
    }

    /// The integrity level as a word: `untrusted`, `low`, `medium`, `high`, `system`, ...
    public var integrityLevelName: String? {
        guard let level = processIntegrityLevel else { return nil }
        switch level {
        case 0..<0x1000: return "untrusted"
        case 0x1000..<0x2000: return "low"
        case 0x2000..<0x3000: return level >= 0x2100 ? "medium-plus" : "medium"
        case 0x3000..<0x4000: return "high"
        case 0x4000..<0x5000: return "system"
        default: return "protected"
        }
    }

    init(reader: ByteReader, range: Range<Int>) throws(MiniDumpError) {
        let stream = StreamType.miscInfo
        guard range.count >= 24 else {
            throw MiniDumpError(
                .truncated, offset: UInt64(range.lowerBound), stream: stream,
                "MiscInfo needs at least 24 bytes, the stream has \(range.count)")
        }
        let base = range.lowerBound
        func u32(_ offset: Int) -> UInt32? {
            offset + 4 <= range.count ? reader.loadUnchecked(UInt32.self, at: base + offset) : nil
        }
        let declared = u32(0) ?? 0
        // Trust the smaller of the declared size and the stream's size; a declared size below v1's
        // (some writers leave it 0) falls back to the stream's size.
        let size = declared < 24 ? range.count : Int(min(UInt64(declared), UInt64(range.count)))
        func field(_ offset: Int, _ flag: UInt32) -> UInt32? {
            guard flags1 & flag != 0, offset + 4 <= size else { return nil }
            return u32(offset)
        }
        sizeOfInfo = declared
        flags1 = u32(4) ?? 0
        processId = nil
        processCreateTime = nil
        processUserTime = nil
        processKernelTime = nil
        processorMaxMhz = nil
        processorCurrentMhz = nil
        processIntegrityLevel = nil
        processExecuteFlags = nil
        protectedProcess = nil
        timeZoneId = nil
        buildString = nil
        debugBuildString = nil
        processCookie = nil

        processId = field(8, 0x1)
        processCreateTime = field(12, 0x2)
        processUserTime = field(16, 0x2)
        processKernelTime = field(20, 0x2)
        processorMaxMhz = field(24, 0x4)
        processorCurrentMhz = field(28, 0x4)
        processIntegrityLevel = field(44, 0x10)
        processExecuteFlags = field(48, 0x20)
        protectedProcess = field(52, 0x80)
        timeZoneId = field(56, 0x40)
        // v4: BuildString[260] and DbgBldStr[40] (UTF-16) follow the 172-byte TIME_ZONE_INFORMATION.
        if flags1 & 0x100 != 0, size >= 832 {
            buildString = reader.utf16String(in: (base + 232)..<(base + 232 + 520))
            debugBuildString = reader.utf16String(in: (base + 752)..<(base + 752 + 80))
        }
        // v5: XSTATE_CONFIG_FEATURE_MSC_INFO (528 bytes) then ProcessCookie.
        processCookie = field(1360, 0x200)
    }
}

extension MiniDumpFile {
    /// The MiscInfo stream (15), or `nil` when the dump has none.
    public func miscInfo() throws(MiniDumpError) -> MiscInfo? {
        try cached("miscInfo") { () throws(MiniDumpError) -> MiscInfo? in
            guard let entry = entry(for: .miscInfo) else { return nil }
            return try MiscInfo(reader: reader, range: streamRange(entry))
        }
    }
}
