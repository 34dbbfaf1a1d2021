/// The broad kind of a crash, which decides the report's recommendation; an open set whose raw
/// values are the strings used in JSON.
public struct CrashKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An access violation, `SIGSEGV`/`SIGBUS` or `EXC_BAD_ACCESS`.
    public static let accessViolation = CrashKind(rawValue: "access-violation")
    /// A page could not be read in (0xC0000006).
    public static let inPageError = CrashKind(rawValue: "in-page-error")
    /// The thread's stack ran out (0xC00000FD).
    public static let stackOverflow = CrashKind(rawValue: "stack-overflow")
    /// An unhandled .NET exception (0xE0434352).
    public static let dotNetException = CrashKind(rawValue: "dotnet-exception")
    /// An unhandled C++ exception (0xE06D7363).
    public static let cxxException = CrashKind(rawValue: "cxx-exception")
    /// Heap corruption detected by the heap manager (0xC0000374).
    public static let heapCorruption = CrashKind(rawValue: "heap-corruption")
    /// A fail-fast: a stack buffer overrun, `__fastfail`, `RaiseFailFastException`, an invalid CRT
    /// parameter (0xC0000409, 0xC0000602, 0xC0000417).
    public static let fastFail = CrashKind(rawValue: "fast-fail")
    /// A breakpoint or single-step trap (0x80000003, 0x80000004, `SIGTRAP`, `EXC_BREAKPOINT`).
    public static let breakpoint = CrashKind(rawValue: "breakpoint")
    /// Integer division by zero or overflow (0xC0000094, 0xC0000095, `SIGFPE`, `EXC_ARITHMETIC`).
    public static let arithmetic = CrashKind(rawValue: "arithmetic")
    /// An illegal or privileged instruction (0xC000001D, 0xC0000096, `SIGILL`, `EXC_BAD_INSTRUCTION`).
    public static let illegalInstruction = CrashKind(rawValue: "illegal-instruction")
    /// The process aborted itself (`SIGABRT`, `EXC_CRASH`, an uncaught `NSException`).
    public static let abort = CrashKind(rawValue: "abort")
    /// A dump written on request; nothing crashed.
    public static let simulated = CrashKind(rawValue: "simulated")
    /// The dump has no exception stream.
    public static let noException = CrashKind(rawValue: "no-exception")
    /// Any other exception.
    public static let other = CrashKind(rawValue: "other")

    public var description: String { rawValue }
}
