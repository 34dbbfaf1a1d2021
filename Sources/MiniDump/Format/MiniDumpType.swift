/// The `MINIDUMP_TYPE` flags recorded in the header: what the writer was asked to include.
public struct MiniDumpType: OptionSet, Sendable, Hashable {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let withDataSegs = MiniDumpType(rawValue: 0x1)
    public static let withFullMemory = MiniDumpType(rawValue: 0x2)
    public static let withHandleData = MiniDumpType(rawValue: 0x4)
    public static let filterMemory = MiniDumpType(rawValue: 0x8)
    public static let scanMemory = MiniDumpType(rawValue: 0x10)
    public static let withUnloadedModules = MiniDumpType(rawValue: 0x20)
    public static let withIndirectlyReferencedMemory = MiniDumpType(rawValue: 0x40)
    public static let filterModulePaths = MiniDumpType(rawValue: 0x80)
    public static let withProcessThreadData = MiniDumpType(rawValue: 0x100)
    public static let withPrivateReadWriteMemory = MiniDumpType(rawValue: 0x200)
    public static let withoutOptionalData = MiniDumpType(rawValue: 0x400)
    public static let withFullMemoryInfo = MiniDumpType(rawValue: 0x800)
    public static let withThreadInfo = MiniDumpType(rawValue: 0x1000)
    public static let withCodeSegs = MiniDumpType(rawValue: 0x2000)
    public static let withoutAuxiliaryState = MiniDumpType(rawValue: 0x4000)
    public static let withFullAuxiliaryState = MiniDumpType(rawValue: 0x8000)
    public static let withPrivateWriteCopyMemory = MiniDumpType(rawValue: 0x10000)
    public static let ignoreInaccessibleMemory = MiniDumpType(rawValue: 0x20000)
    public static let withTokenInformation = MiniDumpType(rawValue: 0x40000)
    public static let withModuleHeaders = MiniDumpType(rawValue: 0x80000)
    public static let filterTriage = MiniDumpType(rawValue: 0x100000)
    public static let withAvxXStateContext = MiniDumpType(rawValue: 0x200000)
    public static let withIptTrace = MiniDumpType(rawValue: 0x400000)
    public static let scanInaccessiblePartialPages = MiniDumpType(rawValue: 0x800000)
}
