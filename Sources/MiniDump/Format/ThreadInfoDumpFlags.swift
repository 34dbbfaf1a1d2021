/// How the dump writer fared with one thread. Mirrors the `MINIDUMP_THREAD_INFO_*` flags of
/// `MINIDUMP_THREAD_INFO.DumpFlags`; unknown bits are kept.
public struct ThreadInfoDumpFlags: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MINIDUMP_THREAD_INFO_ERROR_THREAD`: an error occurred while writing this thread; see `dumpError`.
    public static let errorThread = ThreadInfoDumpFlags(rawValue: 0x1)
    /// `MINIDUMP_THREAD_INFO_WRITING_THREAD`: the thread that wrote the dump.
    public static let writingThread = ThreadInfoDumpFlags(rawValue: 0x2)
    /// `MINIDUMP_THREAD_INFO_EXITED_THREAD`: the thread had exited; see `exitStatus` and `exitTime`.
    public static let exitedThread = ThreadInfoDumpFlags(rawValue: 0x4)
    /// `MINIDUMP_THREAD_INFO_INVALID_INFO`: the thread's information could not be read.
    public static let invalidInfo = ThreadInfoDumpFlags(rawValue: 0x8)
    /// `MINIDUMP_THREAD_INFO_INVALID_CONTEXT`: the thread's context could not be read.
    public static let invalidContext = ThreadInfoDumpFlags(rawValue: 0x10)
    /// `MINIDUMP_THREAD_INFO_INVALID_TEB`: the thread's TEB could not be read.
    public static let invalidTeb = ThreadInfoDumpFlags(rawValue: 0x20)
}
