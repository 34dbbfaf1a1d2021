/// What an exception code means on the platform the dump came from: a Windows status, a POSIX
/// signal (Linux/Android dumps) or a Mach exception (macOS/iOS dumps), with the sub-code named.
///
/// Built from the raw numbers alone; it never reads memory. Unknown codes keep their number and get
/// a generic meaning.
public struct ExceptionDescription: Sendable, Hashable {
    /// Which numbering the exception code follows.
    public enum Family: String, Sendable, Hashable {
        /// An `NTSTATUS` or application-defined Windows exception code.
        case windows
        /// A POSIX signal number (Breakpad/Crashpad Linux and Android dumps).
        case posixSignal
        /// A Mach exception type (Breakpad/Crashpad macOS and iOS dumps).
        case machException
    }

    /// The numbering in use.
    public var family: Family
    /// The raw exception code.
    public var code: UInt32
    /// The raw exception flags (`si_code` for signals, the first Mach code for Mach exceptions).
    public var flags: UInt32
    /// The symbolic name (`EXCEPTION_ACCESS_VIOLATION`, `SIGSEGV`, `EXC_BAD_ACCESS`), or the code in
    /// hex when unknown.
    public var name: String
    /// A one-line meaning (a generic sentence for unknown codes).
    public var meaning: String
    /// True when the catalog knows the code.
    public var isKnown: Bool
    /// The name of the sub-code: the fast-fail code of 0xC0000409, the `si_code` of a signal, the
    /// first Mach code; `nil` when there is none.
    public var subcodeName: String?
    /// What the sub-code says, when known.
    public var subcodeMeaning: String?
    /// The `__fastfail` code of a 0xC0000409 exception (parameter 0), or `nil`.
    public var fastFail: FastFailCode?
    /// True for dumps written on request rather than by a crash (Crashpad's simulated codes,
    /// Breakpad's `DUMP_REQUESTED`).
    public var isSimulated: Bool

    /// Describes `code` with its `flags` and `parameters` for a dump from `platform` (Windows when
    /// `nil`) on `architecture`.
    public init(
        code: UInt32, flags: UInt32, parameters: [UInt64], platform: PlatformId?,
        architecture: ProcessorArchitecture? = nil
    ) {
        self.code = code
        self.flags = flags
        self.family = Self.family(for: platform)
        self.subcodeName = nil
        self.subcodeMeaning = nil
        self.fastFail = nil
        let windows = ExceptionCode(code)
        isSimulated = windows == .crashpadSimulated || windows == .crashpadSimulatedMach || windows == .dumpRequested
        // Crash-reporter codes mean the same on every platform.
        let reporterCodes: Set<ExceptionCode> = [
            .crashpadSimulated, .crashpadNSException, .crashpadSimulatedMach, .dumpRequested, ExceptionCode(0x0CCA_11ED),
        ]
        if family == .windows || reporterCodes.contains(windows) {
            name = windows.displayName
            meaning = windows.generalMeaning
            isKnown = windows.name != nil
            if windows == .stackBufferOverrun, let first = parameters.first {
                let fail = FastFailCode(first)
                fastFail = fail
                subcodeName = fail.name ?? "fast-fail code \(first)"
                subcodeMeaning = fail.meaning
            }
            return
        }
        switch family {
        case .posixSignal:
            let signal = PosixSignal(code)
            name = signal.name ?? "signal \(code)"
            meaning = signal.meaning ?? "The process received signal \(code)."
            isKnown = signal.name != nil
            subcodeName = signal.codeName(flags)
            subcodeMeaning = signal.codeMeaning(flags)
        default:
            let mach = MachException(code)
            name = mach.name ?? "Mach exception \(code)"
            meaning = mach.meaning ?? "The process received Mach exception \(code)."
            isKnown = mach.name != nil
            subcodeName = mach.codeName(flags, architecture: architecture)
        }
    }

    /// Describes the dump's exception stream, using SystemInfo to choose the numbering.
    public init(_ exception: ExceptionStream, systemInfo: SystemInfo?) {
        self.init(
            code: exception.code, flags: exception.flags, parameters: exception.parameters,
            platform: systemInfo?.platform, architecture: systemInfo?.architecture)
    }

    /// The numbering a platform's writers use for exception codes.
    public static func family(for platform: PlatformId?) -> Family {
        switch platform {
        case .some(.macOS), .some(.iOS): .machException
        case .some(.linux), .some(.android), .some(.unix), .some(.solaris), .some(.nacl), .some(.fuchsia), .some(.ps3):
            .posixSignal
        default: .windows
        }
    }

    /// The Windows code, when ``family`` is ``Family/windows``; `nil` otherwise.
    public var windowsCode: ExceptionCode? { family == .windows ? ExceptionCode(code) : nil }
}
