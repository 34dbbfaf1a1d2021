/// The recursion behind a stack overflow: the cycle of functions, where it was entered, and how
/// much of the stack it used.
public struct StackOverflowSummary: Sendable, Hashable {
    /// The cycle's frames in call order (the function the entry called first), as `module!function`
    /// or `module+0x…` when the function is unknown; empty when no cycle was found.
    public var cycle: [String]
    /// The cycle's function names in call order, where known (same order as ``cycle``).
    public var cycleFunctions: [String?]
    /// The frame that entered the recursion, or `nil` when the walk ended inside it.
    public var entryFrame: String?
    /// How many times the cycle repeats on the walked stack.
    public var repetitions: Int
    /// How many frames the walk produced.
    public var walkedFrames: Int
    /// True when the walk stopped at its limit, so the stack is deeper than ``walkedFrames``.
    public var walkTruncated: Bool
    /// The crashing thread's stack usage, when known.
    public var stackUsage: StackUsage?
}
