/// The processor architecture recorded in the SystemInfo stream; an open set.
/// Mirrors `PROCESSOR_ARCHITECTURE_*` (`wProcessorArchitecture` of `MINIDUMP_SYSTEM_INFO`).
public struct ProcessorArchitecture: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let x86 = ProcessorArchitecture(0)
    public static let mips = ProcessorArchitecture(1)
    public static let alpha = ProcessorArchitecture(2)
    public static let ppc = ProcessorArchitecture(3)
    public static let shx = ProcessorArchitecture(4)
    public static let arm = ProcessorArchitecture(5)
    public static let ia64 = ProcessorArchitecture(6)
    public static let alpha64 = ProcessorArchitecture(7)
    public static let msil = ProcessorArchitecture(8)
    public static let amd64 = ProcessorArchitecture(9)
    public static let x86OnWin64 = ProcessorArchitecture(10)
    public static let arm64 = ProcessorArchitecture(12)
    /// Breakpad's ARM64 code from before Windows defined 12.
    public static let breakpadArm64Old = ProcessorArchitecture(0x8003)
    public static let sparc = ProcessorArchitecture(0x8001)
    public static let ppc64 = ProcessorArchitecture(0x8002)
    public static let mips64 = ProcessorArchitecture(0x8004)
    public static let riscv = ProcessorArchitecture(0x8005)
    public static let riscv64 = ProcessorArchitecture(0x8006)
    public static let unknown = ProcessorArchitecture(0xFFFF)

    /// The architecture with aliases folded: Breakpad's old ARM64 code reads as ``arm64``.
    public var canonical: ProcessorArchitecture {
        self == .breakpadArm64Old ? .arm64 : self
    }

    /// The short lower-case name used in JSON: `amd64`, `x86`, `arm64`, `arm`, ... or `0x…`.
    public var name: String {
        switch canonical {
        case .x86: "x86"
        case .amd64: "amd64"
        case .arm64: "arm64"
        case .arm: "arm"
        case .mips: "mips"
        case .mips64: "mips64"
        case .ppc: "ppc"
        case .ppc64: "ppc64"
        case .ia64: "ia64"
        case .sparc: "sparc"
        case .riscv: "riscv"
        case .riscv64: "riscv64"
        case .x86OnWin64: "x86-on-win64"
        case .alpha: "alpha"
        case .alpha64: "alpha64"
        case .msil: "msil"
        case .shx: "shx"
        case .unknown: "unknown"
        default: Hex.format(rawValue)
        }
    }

    /// Pointer size in bytes for the architectures this library unwinds (4 or 8), `nil` otherwise.
    public var pointerSize: Int? {
        switch canonical {
        case .x86, .arm, .x86OnWin64, .mips, .ppc: 4
        case .amd64, .arm64, .mips64, .ppc64, .riscv64, .ia64: 8
        default: nil
        }
    }

    public var description: String { name }
}
