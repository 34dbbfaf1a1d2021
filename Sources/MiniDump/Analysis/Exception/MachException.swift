/// A Mach exception type (`EXC_*`), as Breakpad and Crashpad store it in the exception code of a
/// macOS or iOS dump (with the first exception code, e.g. `KERN_INVALID_ADDRESS`, in the exception
/// flags and, for bad accesses, the fault address in the exception address); an open set.
public struct MachException: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `EXC_BAD_ACCESS` (1).
    public static let badAccess = MachException(1)
    /// `EXC_BAD_INSTRUCTION` (2).
    public static let badInstruction = MachException(2)
    /// `EXC_ARITHMETIC` (3).
    public static let arithmetic = MachException(3)
    /// `EXC_SOFTWARE` (5).
    public static let software = MachException(5)
    /// `EXC_BREAKPOINT` (6).
    public static let breakpoint = MachException(6)
    /// `EXC_CRASH` (10).
    public static let crash = MachException(10)
    /// `EXC_RESOURCE` (11).
    public static let resource = MachException(11)
    /// `EXC_GUARD` (12).
    public static let guardViolation = MachException(12)

    /// The `EXC_*` name, or `nil` for an unknown type.
    public var name: String? {
        switch rawValue {
        case 1: "EXC_BAD_ACCESS"
        case 2: "EXC_BAD_INSTRUCTION"
        case 3: "EXC_ARITHMETIC"
        case 4: "EXC_EMULATION"
        case 5: "EXC_SOFTWARE"
        case 6: "EXC_BREAKPOINT"
        case 7: "EXC_SYSCALL"
        case 8: "EXC_MACH_SYSCALL"
        case 9: "EXC_RPC_ALERT"
        case 10: "EXC_CRASH"
        case 11: "EXC_RESOURCE"
        case 12: "EXC_GUARD"
        case 13: "EXC_CORPSE_NOTIFY"
        default: nil
        }
    }

    /// A one-line meaning, or `nil` for an unknown type.
    public var meaning: String? {
        switch rawValue {
        case 1: "The thread accessed memory that is unmapped or protected (the Mach form of SIGSEGV/SIGBUS)."
        case 2: "The CPU met an illegal or undefined instruction (ud2, Swift runtime traps on x86_64)."
        case 3: "An arithmetic error: integer divide by zero or a floating-point trap."
        case 4: "An emulation instruction was executed."
        case 5: "A software-generated exception (abort, an unhandled signal)."
        case 6: "A breakpoint or trace trap (brk on ARM64: Swift runtime traps, __builtin_trap)."
        case 10: "The process crashed abnormally (a wrapped signal or exception)."
        case 11: "The process exceeded a resource limit (CPU, memory, wakeups)."
        case 12: "A guarded resource (file descriptor, Mach port) was misused."
        default: nil
        }
    }

    /// The name of the first exception code (stored in the exception flags) for this exception type on
    /// `architecture` (`KERN_INVALID_ADDRESS`, `EXC_I386_GPFLT`, `EXC_ARM_DA_ALIGN`, ...), or `nil`.
    public func codeName(_ code: UInt32, architecture: ProcessorArchitecture?) -> String? {
        let arm = architecture?.canonical == .arm64 || architecture?.canonical == .arm
        switch (rawValue, code) {
        case (1, 1): return "KERN_INVALID_ADDRESS"
        case (1, 2): return "KERN_PROTECTION_FAILURE"
        case (1, 8): return "KERN_NO_ACCESS"
        case (1, 9): return "KERN_MEMORY_FAILURE"
        case (1, 10): return "KERN_MEMORY_ERROR"
        case (1, 13) where !arm: return "EXC_I386_GPFLT"
        case (1, 50): return "KERN_CODESIGN_ERROR"
        case (1, 0x101): return "EXC_ARM_DA_ALIGN"
        case (1, 0x102): return "EXC_ARM_DA_DEBUG"
        case (1, 0x103): return "EXC_ARM_SP_ALIGN"
        case (1, 0x104): return "EXC_ARM_SWP"
        case (1, 0x105): return "EXC_ARM_PAC_FAIL"
        case (2, 1): return arm ? "EXC_ARM_UNDEFINED" : "EXC_I386_INVOP"
        case (3, _) where arm:
            let names = ["EXC_ARM_FP_UNDEFINED", "EXC_ARM_FP_IO", "EXC_ARM_FP_DZ", "EXC_ARM_FP_OF",
                         "EXC_ARM_FP_UF", "EXC_ARM_FP_IX", "", "EXC_ARM_FP_ID"]
            return Int(code) < names.count && !names[Int(code)].isEmpty ? names[Int(code)] : nil
        case (3, 1...8):
            let names = ["DIV", "INTO", "NOEXT", "EXTOVR", "EXTERR", "EMERR", "BOUND", "SSEEXTERR"]
            return "EXC_I386_" + names[Int(code) - 1]
        case (5, 0x10000): return "EXC_UNIX_BAD_SYSCALL"
        case (5, 0x10001): return "EXC_UNIX_BAD_PIPE"
        case (5, 0x10002): return "EXC_UNIX_ABORT"
        case (5, 0x10003): return "EXC_SOFT_SIGNAL"
        case (6, 1): return arm ? "EXC_ARM_BREAKPOINT" : "EXC_I386_SGL"
        case (6, 2) where !arm: return "EXC_I386_BPT"
        default: return nil
        }
    }

    public var description: String { name ?? "Mach exception \(rawValue)" }
}
