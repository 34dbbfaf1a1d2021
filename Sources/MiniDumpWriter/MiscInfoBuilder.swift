import MiniDump

/// Builds the MiscInfo stream in any of its five sizes: `MINIDUMP_MISC_INFO` (24 bytes), `_2` (44),
/// `_3` (232), `_4` (832) or `_5` (1364).
///
/// `Flags1` is derived from the fields that are set and fit in the chosen version (a field that does
/// not fit is dropped), unless ``flagsOverride`` says otherwise.
public struct MiscInfoBuilder: StreamEncoding {
    /// Which `MINIDUMP_MISC_INFO_N` structure to write.
    public enum Version: Int, Sendable, Hashable, CaseIterable {
        /// `MINIDUMP_MISC_INFO`, 24 bytes: process id and times.
        case v1 = 1
        /// `MINIDUMP_MISC_INFO_2`, 44 bytes: adds processor power information.
        case v2
        /// `MINIDUMP_MISC_INFO_3`, 232 bytes: adds integrity, execute flags, protection, time zone.
        case v3
        /// `MINIDUMP_MISC_INFO_4`, 832 bytes: adds the build strings.
        case v4
        /// `MINIDUMP_MISC_INFO_5`, 1364 bytes: adds XState configuration and the process cookie.
        case v5

        /// `SizeOfInfo` for this version.
        public var size: Int {
            switch self {
            case .v1: 24
            case .v2: 44
            case .v3: 232
            case .v4: 832
            case .v5: 1364
            }
        }
    }

    /// The process-times fields (`MINIDUMP_MISC1_PROCESS_TIMES`).
    public struct ProcessTimes: Sendable, Hashable {
        /// `ProcessCreateTime` (`time_t`).
        public var createTime: UInt32
        /// `ProcessUserTime` in seconds.
        public var userTime: UInt32
        /// `ProcessKernelTime` in seconds.
        public var kernelTime: UInt32
        /// Creates process times.
        public init(createTime: UInt32, userTime: UInt32, kernelTime: UInt32) {
            self.createTime = createTime
            self.userTime = userTime
            self.kernelTime = kernelTime
        }
    }

    /// The processor power fields (`MINIDUMP_MISC1_PROCESSOR_POWER_INFO`, version 2 and up).
    public struct ProcessorPower: Sendable, Hashable {
        /// `ProcessorMaxMhz`.
        public var maxMhz: UInt32
        /// `ProcessorCurrentMhz`.
        public var currentMhz: UInt32
        /// `ProcessorMhzLimit`.
        public var mhzLimit: UInt32
        /// `ProcessorMaxIdleState`.
        public var maxIdleState: UInt32
        /// `ProcessorCurrentIdleState`.
        public var currentIdleState: UInt32
        /// Creates processor power info.
        public init(maxMhz: UInt32, currentMhz: UInt32, mhzLimit: UInt32, maxIdleState: UInt32 = 0, currentIdleState: UInt32 = 0) {
            self.maxMhz = maxMhz
            self.currentMhz = currentMhz
            self.mhzLimit = mhzLimit
            self.maxIdleState = maxIdleState
            self.currentIdleState = currentIdleState
        }
    }

    /// A `SYSTEMTIME` (8 × u16) as used in time-zone transition dates.
    public struct SystemTime: Sendable, Hashable {
        /// `wYear`, `wMonth`, `wDayOfWeek`, `wDay`, `wHour`, `wMinute`, `wSecond`, `wMilliseconds`.
        public var fields: [UInt16]
        /// Creates a `SYSTEMTIME`; a transition rule uses `year` 0 and `day` as the week of the month.
        public init(year: UInt16 = 0, month: UInt16, dayOfWeek: UInt16, day: UInt16, hour: UInt16, minute: UInt16 = 0, second: UInt16 = 0, milliseconds: UInt16 = 0) {
            fields = [year, month, dayOfWeek, day, hour, minute, second, milliseconds]
        }
        /// All zero: no transition.
        public static let zero = SystemTime(month: 0, dayOfWeek: 0, day: 0, hour: 0)
    }

    /// `TimeZoneId` and `TIME_ZONE_INFORMATION` (172 bytes; `MINIDUMP_MISC3_TIMEZONE`, version 3 and up).
    public struct TimeZone: Sendable, Hashable {
        /// `TimeZoneId` (0 unknown, 1 standard, 2 daylight).
        public var id: UInt32
        /// `Bias` in minutes (UTC = local + bias).
        public var bias: Int32
        /// `StandardName` (up to 31 characters).
        public var standardName: String
        /// `StandardDate`.
        public var standardDate: SystemTime
        /// `StandardBias`.
        public var standardBias: Int32
        /// `DaylightName` (up to 31 characters).
        public var daylightName: String
        /// `DaylightDate`.
        public var daylightDate: SystemTime
        /// `DaylightBias`.
        public var daylightBias: Int32
        /// Creates time-zone information.
        public init(id: UInt32, bias: Int32, standardName: String, standardDate: SystemTime = .zero, standardBias: Int32 = 0, daylightName: String, daylightDate: SystemTime = .zero, daylightBias: Int32 = 0) {
            self.id = id
            self.bias = bias
            self.standardName = standardName
            self.standardDate = standardDate
            self.standardBias = standardBias
            self.daylightName = daylightName
            self.daylightDate = daylightDate
            self.daylightBias = daylightBias
        }
    }

    /// `XSTATE_CONFIG_FEATURE_MSC_INFO` (528 bytes, version 5).
    public struct XState: Sendable, Hashable {
        /// `SizeOfInfo` (528).
        public var sizeOfInfo: UInt32 = 528
        /// `ContextSize`: the size of a context with its XSAVE area.
        public var contextSize: UInt32
        /// `EnabledFeatures` bit mask.
        public var enabledFeatures: UInt64
        /// `Features[64]`: (offset, size) for each enabled bit; missing entries are zero.
        public var features: [UInt32: (offset: UInt32, size: UInt32)]
        /// Creates XState information.
        public init(contextSize: UInt32, enabledFeatures: UInt64, features: [UInt32: (offset: UInt32, size: UInt32)]) {
            self.contextSize = contextSize
            self.enabledFeatures = enabledFeatures
            self.features = features
        }
        /// Equal when the written bytes are equal.
        public static func == (lhs: XState, rhs: XState) -> Bool { lhs.bytes == rhs.bytes }
        /// Hashes the written bytes.
        public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

        /// The 528 bytes.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            writer.u32(sizeOfInfo)
            writer.u32(contextSize)
            writer.u64(enabledFeatures)
            for index in UInt32(0)..<64 {
                writer.u32(features[index]?.offset ?? 0)
                writer.u32(features[index]?.size ?? 0)
            }
            return writer.bytes
        }
    }

    /// `MINIDUMP_MISC1_PROCESS_ID`.
    public static let flagProcessId: UInt32 = 0x1
    /// `MINIDUMP_MISC1_PROCESS_TIMES`.
    public static let flagProcessTimes: UInt32 = 0x2
    /// `MINIDUMP_MISC1_PROCESSOR_POWER_INFO`.
    public static let flagProcessorPowerInfo: UInt32 = 0x4
    /// `MINIDUMP_MISC3_PROCESS_INTEGRITY`.
    public static let flagProcessIntegrity: UInt32 = 0x10
    /// `MINIDUMP_MISC3_PROCESS_EXECUTE_FLAGS`.
    public static let flagProcessExecuteFlags: UInt32 = 0x20
    /// `MINIDUMP_MISC3_TIMEZONE`.
    public static let flagTimeZone: UInt32 = 0x40
    /// `MINIDUMP_MISC3_PROTECTED_PROCESS`.
    public static let flagProtectedProcess: UInt32 = 0x80
    /// `MINIDUMP_MISC4_BUILDSTRING`.
    public static let flagBuildString: UInt32 = 0x100
    /// `MINIDUMP_MISC5_PROCESS_COOKIE`.
    public static let flagProcessCookie: UInt32 = 0x200

    /// Always ``StreamType/miscInfo``.
    public var streamType: StreamType { .miscInfo }
    /// The structure version (and so the size) to write.
    public var version: Version
    /// Replaces the derived `Flags1`.
    public var flagsOverride: UInt32?
    /// `ProcessId`.
    public var processId: UInt32?
    /// `ProcessCreateTime`, `ProcessUserTime`, `ProcessKernelTime`.
    public var processTimes: ProcessTimes?
    /// The processor power fields (version 2+).
    public var processorPower: ProcessorPower?
    /// `ProcessIntegrityLevel` (version 3+; 0x2000 medium, 0x3000 high, 0x4000 system).
    public var processIntegrityLevel: UInt32?
    /// `ProcessExecuteFlags` (version 3+).
    public var processExecuteFlags: UInt32?
    /// `ProtectedProcess` (version 3+).
    public var protectedProcess: UInt32?
    /// The time zone (version 3+).
    public var timeZone: TimeZone?
    /// `BuildString` and `DbgBldStr` (version 4+; up to 259 and 39 characters).
    public var buildString: (build: String, debugBuild: String)?
    /// `XStateData` (version 5; always written there, zero when `nil`).
    public var xstate: XState?
    /// `ProcessCookie` (version 5).
    public var processCookie: UInt32?

    /// Creates a MiscInfo record of `version` with no fields set.
    public init(version: Version) { self.version = version }

    /// `Flags1` as written: the override, or a bit for each set field that fits in ``version``.
    public var flags1: UInt32 {
        if let flagsOverride { return flagsOverride }
        let level = version.rawValue
        var flags: UInt32 = 0
        if processId != nil { flags |= Self.flagProcessId }
        if processTimes != nil { flags |= Self.flagProcessTimes }
        if level >= 2, processorPower != nil { flags |= Self.flagProcessorPowerInfo }
        if level >= 3, processIntegrityLevel != nil { flags |= Self.flagProcessIntegrity }
        if level >= 3, processExecuteFlags != nil { flags |= Self.flagProcessExecuteFlags }
        if level >= 3, timeZone != nil { flags |= Self.flagTimeZone }
        if level >= 3, protectedProcess != nil { flags |= Self.flagProtectedProcess }
        if level >= 4, buildString != nil { flags |= Self.flagBuildString }
        if level >= 5, processCookie != nil { flags |= Self.flagProcessCookie }
        return flags
    }

    /// The record bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(UInt32(version.size))
        writer.u32(flags1)
        writer.u32(processId ?? 0)
        writer.u32(processTimes?.createTime ?? 0)
        writer.u32(processTimes?.userTime ?? 0)
        writer.u32(processTimes?.kernelTime ?? 0)
        guard version.rawValue >= 2 else { return writer.bytes }
        for value in [processorPower?.maxMhz, processorPower?.currentMhz, processorPower?.mhzLimit,
                      processorPower?.maxIdleState, processorPower?.currentIdleState] {
            writer.u32(value ?? 0)
        }
        guard version.rawValue >= 3 else { return writer.bytes }
        writer.u32(processIntegrityLevel ?? 0)
        writer.u32(processExecuteFlags ?? 0)
        writer.u32(protectedProcess ?? 0)
        writer.u32(timeZone?.id ?? 0)
        let zone = timeZone ?? TimeZone(id: 0, bias: 0, standardName: "", daylightName: "")
        writer.i32(zone.bias)
        writer.fixedUTF16(zone.standardName, units: 32)
        for field in zone.standardDate.fields { writer.u16(field) }
        writer.i32(zone.standardBias)
        writer.fixedUTF16(zone.daylightName, units: 32)
        for field in zone.daylightDate.fields { writer.u16(field) }
        writer.i32(zone.daylightBias)
        guard version.rawValue >= 4 else { return writer.bytes }
        writer.fixedUTF16(buildString?.build ?? "", units: 260)
        writer.fixedUTF16(buildString?.debugBuild ?? "", units: 40)
        guard version.rawValue >= 5 else { return writer.bytes }
        if let xstate { writer.append(xstate.bytes) } else { writer.zeros(528) }
        writer.u32(processCookie ?? 0)
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
