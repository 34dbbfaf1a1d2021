/// The exception of a crash report: the raw record, what its code means on the dump's platform,
/// and the details decoded from its parameters.
public struct CrashException: Sendable, Hashable {
    /// The thread that raised it.
    public var threadId: UInt32
    /// The raw exception code.
    public var code: UInt32
    /// The raw exception flags (1 = non-continuable on Windows).
    public var flags: UInt32
    /// The exception address (on Windows the faulting instruction; for POSIX signals and Mach
    /// exceptions Breakpad stores the fault address here).
    public var address: UInt64
    /// The exception parameters.
    public var parameters: [UInt64]
    /// What the code means on the dump's platform.
    public var description: ExceptionDescription
    /// The memory-access details, for access violations, in-page errors, stack overflows (whose
    /// parameter 1 is the address touched), `SIGSEGV`/`SIGBUS` and `EXC_BAD_ACCESS`; else `nil`.
    public var access: AccessViolation?
    /// The .NET details of a 0xE0434352 exception, else `nil`.
    public var dotNet: DotNetException?
    /// The C++ details of a 0xE06D7363 exception, else `nil`.
    public var cxx: CxxException?

    /// The code's name (`EXCEPTION_ACCESS_VIOLATION`, `SIGSEGV`, ...; hex when unknown).
    public var name: String { description.name }
    /// The code's one-line meaning.
    public var meaning: String { description.meaning }
    /// The fast-fail code of a 0xC0000409 exception, else `nil`.
    public var fastFail: FastFailCode? { description.fastFail }
    /// The code as eight lower-case hex digits, as WER and Event Viewer write it (`c0000005`).
    public var codeText: String { CrashReport.hex8(code) }
}
