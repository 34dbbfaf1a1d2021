/// The walked call stack of one thread.
public struct CallStack: Sendable, Hashable {
    /// The thread's id.
    public var threadId: UInt32
    /// The architecture the stack was walked as (``ProcessorArchitecture/x86`` for the 32-bit stack
    /// of a WOW64 thread).
    public var architecture: ProcessorArchitecture
    /// The frames, innermost first; frame 0 comes from the thread's (or exception's) context.
    public var frames: [StackFrame]
    /// True when the walk stopped at a limit (``StackWalkLimits``) rather than at the end of the
    /// stack, so more frames may exist.
    public var truncated: Bool
    /// Remarks about the walk, such as which context was used or why it ended early.
    public var notes: [String]

    /// Creates a call stack.
    public init(
        threadId: UInt32, architecture: ProcessorArchitecture, frames: [StackFrame],
        truncated: Bool = false, notes: [String] = []
    ) {
        self.threadId = threadId
        self.architecture = architecture
        self.frames = frames
        self.truncated = truncated
        self.notes = notes
    }
}
