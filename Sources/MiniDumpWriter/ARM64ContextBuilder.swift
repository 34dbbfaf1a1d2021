/// Builds a Windows ARM64 `CONTEXT` (0x390 = 912 bytes), the layout Windows, Crashpad and Breakpad's
/// `MDRawContextARM64` share (not Breakpad's older `MDRawContextARM64_Old`).
public struct ARM64ContextBuilder: Sendable, Hashable {
    /// A register and where it lives in the `CONTEXT`.
    public enum Register: Sendable, Hashable, CaseIterable {
        /// A general-purpose register.
        case x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15
        /// A general-purpose register (`x18` is the platform register).
        case x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28
        /// The frame pointer (`x29`).
        case fp
        /// The link register (`x30`).
        case lr
        /// The stack pointer.
        case sp
        /// The program counter.
        case pc
        /// `Cpsr` (32 bits).
        case cpsr
        /// `Fpcr` (32 bits).
        case fpcr
        /// `Fpsr` (32 bits).
        case fpsr

        /// `x0`…`x28` by number, `fp` for 29 and `lr` for 30; `nil` otherwise.
        public static func x(_ number: Int) -> Register? {
            let all: [Register] = [.x0, .x1, .x2, .x3, .x4, .x5, .x6, .x7, .x8, .x9, .x10, .x11, .x12, .x13, .x14,
                                   .x15, .x16, .x17, .x18, .x19, .x20, .x21, .x22, .x23, .x24, .x25, .x26, .x27,
                                   .x28, .fp, .lr]
            return all.indices.contains(number) ? all[number] : nil
        }

        /// The field's byte offset in the `CONTEXT`.
        public var offset: Int {
            switch self {
            case .cpsr: 0x004
            case .fp: 0x0F0
            case .lr: 0x0F8
            case .sp: 0x100
            case .pc: 0x108
            case .fpcr: 0x310
            case .fpsr: 0x314
            default: 0x008 + 8 * (Register.allCases.firstIndex(of: self) ?? 0)
            }
        }

        /// The field's width in bytes (4 or 8).
        public var width: Int {
            switch self {
            case .cpsr, .fpcr, .fpsr: 4
            default: 8
            }
        }
    }

    /// The size of the structure.
    public static let size = 0x390
    /// Offset of `V[0]` (32 × 16 bytes).
    public static let vectorOffset = 0x110
    /// `CONTEXT_ARM64 | CONTROL | INTEGER | FLOATING_POINT` (`CONTEXT_FULL`).
    public static let flagsFull: UInt32 = 0x0040_0007
    /// `CONTEXT_ARM64 | CONTROL | INTEGER | FLOATING_POINT | DEBUG | X18` (`CONTEXT_ALL`).
    public static let flagsAll: UInt32 = 0x0040_001F

    /// `ContextFlags`.
    public var contextFlags: UInt32
    /// Register values (32-bit registers keep their low bits).
    public var registers: [Register: UInt64]
    /// `V0`–`V31`; missing entries are zero.
    public var vectors: [UInt128]

    /// Creates a context with `registers` set (`cpsr` defaults to 0x60000000, EL0 with Z and C set).
    public init(_ registers: [Register: UInt64] = [:], contextFlags: UInt32 = flagsFull, vectors: [UInt128] = []) {
        self.registers = [.cpsr: 0x6000_0000].merging(registers) { $1 }
        self.contextFlags = contextFlags
        self.vectors = vectors
    }

    /// A register's value (0 when not set).
    public subscript(register: Register) -> UInt64 {
        get { registers[register] ?? 0 }
        set { registers[register] = newValue }
    }

    /// The 912 bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.zeros(Self.size)
        writer.patch32(contextFlags, at: 0)
        for (register, value) in registers {
            if register.width == 4 {
                writer.patch32(UInt32(truncatingIfNeeded: value), at: register.offset)
            } else {
                writer.patch64(value, at: register.offset)
            }
        }
        for (index, value) in vectors.prefix(32).enumerated() {
            writer.patch64(UInt64(truncatingIfNeeded: value), at: Self.vectorOffset + 16 * index)
            writer.patch64(UInt64(truncatingIfNeeded: value >> 64), at: Self.vectorOffset + 16 * index + 8)
        }
        return writer.bytes
    }
}
