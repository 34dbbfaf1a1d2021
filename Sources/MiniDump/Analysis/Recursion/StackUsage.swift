/// How much of a thread's stack was in use when the dump was written, against the stack's limits.
///
/// Limits come from the thread's TEB when the dump captured it (`NT_TIB.StackBase`/`StackLimit`,
/// `TEB.DeallocationStack`); otherwise the base is the top of the captured stack memory and the
/// limits are unknown.
public struct StackUsage: Sendable, Hashable {
    /// The thread id.
    public var threadId: UInt32
    /// The stack pointer (the lowest address in use).
    public var stackPointer: UInt64
    /// The stack's base: one past its highest address.
    public var base: UInt64
    /// The lowest committed address (`NT_TIB.StackLimit`), or `nil` without the TEB.
    public var committedLimit: UInt64?
    /// The bottom of the reserved stack (`TEB.DeallocationStack`), or `nil` without the TEB.
    public var reservedBottom: UInt64?

    /// Bytes in use: `base - stackPointer` (0 when the stack pointer is above the base).
    public var usedBytes: UInt64 { base > stackPointer ? base - stackPointer : 0 }

    /// The reserved size (`base - reservedBottom`), or `nil` when unknown.
    public var reservedBytes: UInt64? {
        guard let reservedBottom, base > reservedBottom else { return nil }
        return base - reservedBottom
    }

    /// Bytes left below the stack pointer before the reservation ends, or `nil` when unknown.
    public var remainingBytes: UInt64? {
        guard let reservedBottom else { return nil }
        return stackPointer > reservedBottom ? stackPointer - reservedBottom : 0
    }

    /// The fraction of the reserved stack in use (0...1), or `nil` when the reservation is unknown.
    public var fractionUsed: Double? {
        guard let reserved = reservedBytes, reserved > 0 else { return nil }
        return min(1, Double(usedBytes) / Double(reserved))
    }

    /// True when the stack is (nearly) exhausted: less than 16 KiB left of the reservation, or, without
    /// the TEB, when `stackOverflowSeen` says the exception was a stack overflow.
    public func isExhausted(stackOverflowSeen: Bool = false) -> Bool {
        if let remaining = remainingBytes { return remaining < 0x4000 }
        return stackOverflowSeen
    }
}

extension MiniDumpFile {
    /// The stack usage of thread `threadId`, or `nil` when the thread or its stack is not in the dump.
    ///
    /// The stack pointer is `stackPointer` when given (e.g. from the thread's CPU context), else the
    /// lowest captured stack address (writers capture from the stack pointer up to the base).
    public func stackUsage(threadId: UInt32, stackPointer: UInt64? = nil) -> StackUsage? {
        guard let thread = (try? threadList())?.threads.first(where: { $0.threadId == threadId }) else { return nil }
        let captured = thread.stack
        let capturedEnd = captured.address &+ captured.size
        let teb = processEnvironment()?.thread(threadId)
        let base = teb?.stackBase ?? capturedEnd
        guard base != 0 || captured.size != 0 else { return nil }
        return StackUsage(
            threadId: threadId, stackPointer: stackPointer ?? captured.address, base: base,
            committedLimit: teb?.stackLimit, reservedBottom: teb?.deallocationStack)
    }
}
