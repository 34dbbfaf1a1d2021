/// Bounds on the work a stack walk may do, so that any dump — however large or hostile — walks in
/// bounded time and memory.
public struct StackWalkLimits: Sendable, Hashable {
    /// The most frames returned (0 returns none); a walk that reaches it is marked
    /// ``CallStack/truncated``.
    public var maxFrames: Int
    /// The total number of stack words and unwind steps the walk may examine; reaching it also
    /// marks the stack truncated.
    public var maxSteps: Int
    /// How many stack words one scan looks at before giving up on finding a return address
    /// (at most 2^20 are used).
    public var scanWords: Int

    /// Creates limits; negative values are treated as zero.
    public init(maxFrames: Int = 100_000, maxSteps: Int = 5_000_000, scanWords: Int = 256) {
        self.maxFrames = max(0, maxFrames)
        self.maxSteps = max(0, maxSteps)
        self.scanWords = max(0, scanWords)
    }

    /// 100,000 frames, 5,000,000 steps, 256-word scans.
    public static let `default` = StackWalkLimits()
}
