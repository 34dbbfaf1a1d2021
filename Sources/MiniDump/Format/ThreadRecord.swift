/// One entry of the ThreadList or ThreadExList stream, as recorded.
/// Mirrors `MINIDUMP_THREAD` (48 bytes) and `MINIDUMP_THREAD_EX` (64 bytes, with a backing store).
public struct ThreadRecord: Sendable, Hashable {
    /// The thread id.
    public var threadId: UInt32
    /// How many times the thread was suspended when the dump was written.
    public var suspendCount: UInt32
    /// The priority class.
    public var priorityClass: UInt32
    /// The priority within its class.
    public var priority: UInt32
    /// The address of the thread environment block (TEB); on Linux, Breakpad stores the TLS base.
    public var teb: UInt64
    /// The captured stack: its start address, size and file offset (RVA 0: look it up by address).
    public var stack: MemoryDescriptor
    /// Where the thread's CPU context is stored.
    public var contextLocation: LocationDescriptor
    /// IA-64 register backing store (ThreadExList only).
    public var backingStore: MemoryDescriptor?
}
