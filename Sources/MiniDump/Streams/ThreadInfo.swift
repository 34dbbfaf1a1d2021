/// Extra information about one thread: times, start address, affinity and how the dump writer
/// fared with it. Mirrors `MINIDUMP_THREAD_INFO`.
///
/// Times are Windows `FILETIME` values (100 ns units; creation and exit times count from
/// 1601-01-01 UTC, kernel and user times are durations); 0 means the writer did not record it.
public struct ThreadInfo: Sendable, Hashable {
    /// The thread's identifier, matching the thread list.
    public var threadID: UInt32
    /// How the writer fared with the thread (`DumpFlags`).
    public var dumpFlags: ThreadInfoDumpFlags
    /// The `HRESULT` of a failure to write the thread, when ``ThreadInfoDumpFlags/errorThread`` is set.
    public var dumpError: UInt32
    /// The thread's exit code, meaningful when ``ThreadInfoDumpFlags/exitedThread`` is set.
    public var exitStatus: UInt32
    /// When the thread was created (`FILETIME`).
    public var createTime: UInt64
    /// When the thread exited (`FILETIME`), 0 while it runs.
    public var exitTime: UInt64
    /// Time spent in kernel mode, in 100 ns units.
    public var kernelTime: UInt64
    /// Time spent in user mode, in 100 ns units.
    public var userTime: UInt64
    /// The thread's start routine (`StartAddress`).
    public var startAddress: UInt64
    /// The thread's processor affinity mask.
    public var affinity: UInt64

    /// The size of the structure on disk.
    static let size = 64

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        threadID = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO.ThreadId")
        dumpFlags = ThreadInfoDumpFlags(rawValue: try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO.DumpFlags"))
        dumpError = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO.DumpError")
        exitStatus = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO.ExitStatus")
        createTime = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.CreateTime")
        exitTime = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.ExitTime")
        kernelTime = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.KernelTime")
        userTime = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.UserTime")
        startAddress = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.StartAddress")
        affinity = try cursor.read(UInt64.self, "MINIDUMP_THREAD_INFO.Affinity")
    }
}
