/// A Linux/Android signal number, as Breakpad and Crashpad store it in the exception code of a Linux
/// dump (with `si_code` in the exception flags and `si_addr` in the exception address); an open set.
public struct PosixSignal: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `SIGILL` (4).
    public static let sigill = PosixSignal(4)
    /// `SIGTRAP` (5).
    public static let sigtrap = PosixSignal(5)
    /// `SIGABRT` (6).
    public static let sigabrt = PosixSignal(6)
    /// `SIGBUS` (7).
    public static let sigbus = PosixSignal(7)
    /// `SIGFPE` (8).
    public static let sigfpe = PosixSignal(8)
    /// `SIGSEGV` (11).
    public static let sigsegv = PosixSignal(11)
    /// `SIGSYS` (31).
    public static let sigsys = PosixSignal(31)

    /// The signal's name (`SIGSEGV`), or `nil` for a number outside 1...31.
    public var name: String? {
        guard rawValue >= 1, Int(rawValue) < Self.names.count else { return nil }
        return "SIG" + Self.names[Int(rawValue)]
    }

    /// A one-line meaning, or `nil` for signals that rarely end a process in a dump.
    public var meaning: String? {
        switch rawValue {
        case 4: "The CPU met an illegal instruction (ud2, __builtin_trap on x86, or execution of data)."
        case 5: "A trace or breakpoint trap (int3, __builtin_debugtrap, brk on ARM64)."
        case 6: "The process aborted itself (abort(), a failed assert, std::terminate, a runtime's fatal error)."
        case 7: "A bus error: a misaligned access, or an access past the end of a mapped file."
        case 8: "An arithmetic error: integer divide by zero or overflow."
        case 9: "The process was killed (SIGKILL, e.g. by the OOM killer)."
        case 11: "A segmentation fault: the thread accessed an address that is unmapped or not allowed."
        case 13: "A write to a pipe or socket with no reader."
        case 15: "The process was asked to terminate."
        case 31: "A bad system call (often a seccomp sandbox violation)."
        default: nil
        }
    }

    /// The name of the `si_code` stored in the exception flags (`SEGV_MAPERR`, `SI_USER`, ...), or
    /// `nil` when it means nothing for this signal.
    public func codeName(_ flags: UInt32) -> String? {
        let code = Int32(bitPattern: flags)
        switch code {
        case 0: return "SI_USER"
        case 0x80: return "SI_KERNEL"
        case -1: return "SI_QUEUE"
        case -2: return "SI_TIMER"
        case -3: return "SI_MESGQ"
        case -4: return "SI_ASYNCIO"
        case -5: return "SI_SIGIO"
        case -6: return "SI_TKILL"
        default: break
        }
        let table: [String]
        switch rawValue {
        case 4: table = ["ILLOPC", "ILLOPN", "ILLADR", "ILLTRP", "PRVOPC", "PRVREG", "COPROC", "BADSTK"].map { "ILL_" + $0 }
        case 5: table = ["BRKPT", "TRACE", "BRANCH", "HWBKPT"].map { "TRAP_" + $0 }
        case 7: table = ["ADRALN", "ADRERR", "OBJERR", "MCEERR_AR", "MCEERR_AO"].map { "BUS_" + $0 }
        case 8: table = ["INTDIV", "INTOVF", "FLTDIV", "FLTOVF", "FLTUND", "FLTRES", "FLTINV", "FLTSUB"].map { "FPE_" + $0 }
        case 11: table = ["MAPERR", "ACCERR", "BNDERR", "PKUERR", "ACCADI", "ADIDERR", "ADIPERR", "MTEAERR", "MTESERR"].map { "SEGV_" + $0 }
        default: return nil
        }
        guard code >= 1, Int(code) <= table.count else { return nil }
        return table[Int(code) - 1]
    }

    /// What an `si_code` of a SIGSEGV or SIGBUS says about the address, or `nil`.
    public func codeMeaning(_ flags: UInt32) -> String? {
        switch (rawValue, Int32(bitPattern: flags)) {
        case (11, 1): "The address is not mapped."
        case (11, 2): "The address is mapped, but its protection forbids this access."
        case (7, 1): "The address is misaligned for this access."
        case (7, 2): "The address has no physical backing (e.g. past the end of a truncated mapped file)."
        case (8, 1): "Integer divide by zero."
        case (8, 2): "Integer overflow."
        case (_, 0), (_, -6): "Sent by a process (kill/tgkill), not raised by a fault."
        default: nil
        }
    }

    public var description: String { name ?? "signal \(rawValue)" }

    private static let names: [String] = [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
        "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ]
}
