/// A Windows exception code (an `NTSTATUS` or an application-defined code); an open set.
///
/// Mirrors `ExceptionCode` of `EXCEPTION_RECORD` / `MINIDUMP_EXCEPTION` as Windows writers store it.
/// Dumps from Linux (Breakpad stores the signal number) or macOS (the Mach exception type) use other
/// numbering; ``ExceptionDescription`` picks the right catalog from the dump's platform.
public struct ExceptionCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `STATUS_ACCESS_VIOLATION`.
    public static let accessViolation = ExceptionCode(0xC000_0005)
    /// `STATUS_IN_PAGE_ERROR`.
    public static let inPageError = ExceptionCode(0xC000_0006)
    /// `STATUS_INVALID_HANDLE`.
    public static let invalidHandle = ExceptionCode(0xC000_0008)
    /// `STATUS_INVALID_PARAMETER`.
    public static let invalidParameter = ExceptionCode(0xC000_000D)
    /// `STATUS_NO_MEMORY`.
    public static let noMemory = ExceptionCode(0xC000_0017)
    /// `STATUS_ILLEGAL_INSTRUCTION`.
    public static let illegalInstruction = ExceptionCode(0xC000_001D)
    /// `STATUS_ACCESS_DENIED`.
    public static let accessDenied = ExceptionCode(0xC000_0022)
    /// `STATUS_NONCONTINUABLE_EXCEPTION`.
    public static let noncontinuableException = ExceptionCode(0xC000_0025)
    /// `STATUS_INVALID_DISPOSITION`.
    public static let invalidDisposition = ExceptionCode(0xC000_0026)
    /// `STATUS_ARRAY_BOUNDS_EXCEEDED`.
    public static let arrayBoundsExceeded = ExceptionCode(0xC000_008C)
    /// `STATUS_FLOAT_DIVIDE_BY_ZERO`.
    public static let floatDivideByZero = ExceptionCode(0xC000_008E)
    /// `STATUS_FLOAT_INVALID_OPERATION`.
    public static let floatInvalidOperation = ExceptionCode(0xC000_0090)
    /// `STATUS_INTEGER_DIVIDE_BY_ZERO`.
    public static let integerDivideByZero = ExceptionCode(0xC000_0094)
    /// `STATUS_INTEGER_OVERFLOW`.
    public static let integerOverflow = ExceptionCode(0xC000_0095)
    /// `STATUS_PRIVILEGED_INSTRUCTION`.
    public static let privilegedInstruction = ExceptionCode(0xC000_0096)
    /// `STATUS_STACK_OVERFLOW`.
    public static let stackOverflow = ExceptionCode(0xC000_00FD)
    /// `STATUS_DLL_NOT_FOUND`.
    public static let dllNotFound = ExceptionCode(0xC000_0135)
    /// `STATUS_DLL_INIT_FAILED`.
    public static let dllInitFailed = ExceptionCode(0xC000_0142)
    /// `STATUS_STOWED_EXCEPTION` (WinRT / UWP).
    public static let stowedException = ExceptionCode(0xC000_027B)
    /// `STATUS_HEAP_CORRUPTION`.
    public static let heapCorruption = ExceptionCode(0xC000_0374)
    /// `STATUS_STACK_BUFFER_OVERRUN`, which `__fastfail` also raises.
    public static let stackBufferOverrun = ExceptionCode(0xC000_0409)
    /// `STATUS_INVALID_CRUNTIME_PARAMETER`.
    public static let invalidCRuntimeParameter = ExceptionCode(0xC000_0417)
    /// `STATUS_ASSERTION_FAILURE`.
    public static let assertionFailure = ExceptionCode(0xC000_0420)
    /// `STATUS_FAIL_FAST_EXCEPTION`.
    public static let failFastException = ExceptionCode(0xC000_0602)
    /// `STATUS_GUARD_PAGE_VIOLATION`.
    public static let guardPageViolation = ExceptionCode(0x8000_0001)
    /// `STATUS_DATATYPE_MISALIGNMENT`.
    public static let datatypeMisalignment = ExceptionCode(0x8000_0002)
    /// `STATUS_BREAKPOINT`.
    public static let breakpoint = ExceptionCode(0x8000_0003)
    /// `STATUS_SINGLE_STEP`.
    public static let singleStep = ExceptionCode(0x8000_0004)
    /// `STATUS_WX86_BREAKPOINT`: a breakpoint in a 32-bit process under WOW64.
    public static let wx86Breakpoint = ExceptionCode(0x4000_001F)
    /// The MSVC C++ exception (`'msc'`, raised by `_CxxThrowException`).
    public static let cxxException = ExceptionCode(0xE06D_7363)
    /// The .NET CLR exception (`'CCR'`, .NET Framework 2.0 and later, .NET Core, .NET 5+).
    public static let clrException = ExceptionCode(0xE043_4352)
    /// The .NET 1.x CLR exception (`'COM'`).
    public static let clrExceptionV1 = ExceptionCode(0xE043_4F4D)
    /// The debugger thread-naming exception (`MS_VC_EXCEPTION`).
    public static let setThreadName = ExceptionCode(0x406D_1388)
    /// Crashpad's `DumpWithoutCrash` on Windows (`0x517A7ED`, "simulated").
    public static let crashpadSimulated = ExceptionCode(0x0517_A7ED)
    /// Crashpad's uncaught Objective-C `NSException` on iOS/macOS (`'CPnx'`).
    public static let crashpadNSException = ExceptionCode(0x4350_6E78)
    /// Crashpad's and Breakpad's simulated Mach exception (`'CPsx'`).
    public static let crashpadSimulatedMach = ExceptionCode(0x4350_7378)
    /// Breakpad's "dump requested" code (`0xFFFFFFFF`): a dump of a process that did not crash.
    public static let dumpRequested = ExceptionCode(0xFFFF_FFFF)

    /// The symbolic name (`EXCEPTION_ACCESS_VIOLATION`, `STATUS_HEAP_CORRUPTION`, ...), or `nil` for a
    /// code the catalog does not know.
    public var name: String? { ExceptionCode.catalog[rawValue]?.name }

    /// A one-line meaning, or `nil` for a code the catalog does not know (see ``generalMeaning``).
    public var meaning: String? { ExceptionCode.catalog[rawValue]?.meaning }

    /// The code's `NTSTATUS` severity: 0 success, 1 informational, 2 warning, 3 error.
    public var severity: UInt32 { rawValue >> 30 }

    /// True when bit 29 (the "customer" bit) is set: an application-defined code such as a C++ or
    /// .NET exception, not a system status.
    public var isApplicationDefined: Bool { rawValue & 0x2000_0000 != 0 }

    /// The name when known, else the code in hex (`0xE0001234`).
    public var displayName: String { name ?? Hex.format(rawValue, digits: 8) }

    /// The meaning when known; otherwise a sentence derived from the severity and customer bits.
    public var generalMeaning: String {
        if let meaning { return meaning }
        if isApplicationDefined {
            return "An application-defined exception code raised with RaiseException; the raising module defines it."
        }
        switch severity {
        case 3: return "An error status the catalog does not name."
        case 2: return "A warning status the catalog does not name."
        case 1: return "An informational status the catalog does not name."
        default: return "A success status; unusual as an exception code."
        }
    }

    public var description: String { displayName }
}
