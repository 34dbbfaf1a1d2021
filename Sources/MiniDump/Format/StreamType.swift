/// The type of a stream in the dump's directory; an open set, so unknown types survive as data.
///
/// Mirrors `MINIDUMP_STREAM_TYPE`, plus the Breakpad (`0x4767xxxx`) and Crashpad (`0x4350xxxx`)
/// extensions.
public struct StreamType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static let unused = StreamType(0)
    public static let threadList = StreamType(3)
    public static let moduleList = StreamType(4)
    public static let memoryList = StreamType(5)
    public static let exception = StreamType(6)
    public static let systemInfo = StreamType(7)
    public static let threadExList = StreamType(8)
    public static let memory64List = StreamType(9)
    public static let commentA = StreamType(10)
    public static let commentW = StreamType(11)
    public static let handleData = StreamType(12)
    public static let functionTable = StreamType(13)
    public static let unloadedModuleList = StreamType(14)
    public static let miscInfo = StreamType(15)
    public static let memoryInfoList = StreamType(16)
    public static let threadInfoList = StreamType(17)
    public static let handleOperationList = StreamType(18)
    public static let token = StreamType(19)
    public static let javaScriptData = StreamType(20)
    public static let systemMemoryInfo = StreamType(21)
    public static let processVmCounters = StreamType(22)
    public static let ipiGuid = StreamType(23)
    public static let threadNames = StreamType(24)

    public static let breakpadInfo = StreamType(0x4767_0001)
    public static let assertionInfo = StreamType(0x4767_0002)
    public static let linuxCpuInfo = StreamType(0x4767_0003)
    public static let linuxProcStatus = StreamType(0x4767_0004)
    public static let linuxLsbRelease = StreamType(0x4767_0005)
    public static let linuxCmdLine = StreamType(0x4767_0006)
    public static let linuxEnviron = StreamType(0x4767_0007)
    public static let linuxAuxv = StreamType(0x4767_0008)
    public static let linuxMaps = StreamType(0x4767_0009)
    public static let linuxDsoDebug = StreamType(0x4767_000A)
    public static let crashpadInfo = StreamType(0x4350_0001)

    private static let names: [UInt32: String] = [
        0: "Unused", 1: "Reserved0", 2: "Reserved1", 3: "ThreadList", 4: "ModuleList", 5: "MemoryList",
        6: "Exception", 7: "SystemInfo", 8: "ThreadExList", 9: "Memory64List", 10: "CommentStreamA",
        11: "CommentStreamW", 12: "HandleData", 13: "FunctionTable", 14: "UnloadedModuleList",
        15: "MiscInfo", 16: "MemoryInfoList", 17: "ThreadInfoList", 18: "HandleOperationList",
        19: "Token", 20: "JavaScriptData", 21: "SystemMemoryInfo", 22: "ProcessVmCounters",
        23: "IptTrace", 24: "ThreadNames",
        0x8000: "ceStreamNull", 0x8001: "ceStreamSystemInfo", 0x8002: "ceStreamException",
        0x8003: "ceStreamModuleList", 0x8004: "ceStreamProcessList", 0x8005: "ceStreamThreadList",
        0x8006: "ceStreamThreadContextList", 0x8007: "ceStreamThreadCallStackList",
        0x8008: "ceStreamMemoryVirtualList", 0x8009: "ceStreamMemoryPhysicalList",
        0x800A: "ceStreamBucketParameters", 0x800B: "ceStreamProcessModuleMap", 0x800C: "ceStreamDiagnosisList",
        0x4767_0001: "BreakpadInfo", 0x4767_0002: "AssertionInfo", 0x4767_0003: "LinuxCpuInfo",
        0x4767_0004: "LinuxProcStatus", 0x4767_0005: "LinuxLsbRelease", 0x4767_0006: "LinuxCmdLine",
        0x4767_0007: "LinuxEnviron", 0x4767_0008: "LinuxAuxv", 0x4767_0009: "LinuxMaps",
        0x4767_000A: "LinuxDsoDebug", 0x4350_0001: "CrashpadInfo",
        0x4D7A_0001: "MozMacosCrashInfo", 0x4D7A_0002: "MozMacosBootargs", 0x4D7A_0003: "MozLinuxPsiStats",
        0x4D7A_0004: "MozSoftErrors",
        0xFFFF: "LastReserved",
    ]

    /// The conventional name (`ThreadList`, `LinuxMaps`, ...), or `nil` for a type this library
    /// does not know.
    public var knownName: String? { Self.names[rawValue] }

    /// The conventional name, or `0x…` for an unknown type.
    public var name: String { knownName ?? Hex.format(rawValue) }

    public var description: String { name }
}
