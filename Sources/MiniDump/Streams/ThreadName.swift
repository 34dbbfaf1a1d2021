/// The name a thread was given (`SetThreadDescription`, `pthread_setname_np`).
/// Mirrors `MINIDUMP_THREAD_NAME` with its `MINIDUMP_STRING`.
public struct ThreadName: Sendable, Hashable {
    /// The thread's identifier, matching the thread list.
    public var threadID: UInt32
    /// The name; empty when the thread has an empty name or the name could not be read (a
    /// diagnostic on the stream then says why).
    public var name: String
    /// The file offset of the name's `MINIDUMP_STRING` (`RvaOfThreadName`).
    public var nameRva: UInt64

    /// The size of the structure on disk (packed to 4 bytes).
    static let size = 12
}
