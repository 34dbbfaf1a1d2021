/// Builds a Windows x86 `CONTEXT` (716 bytes), as dbghelp, Breakpad (`MDRawContextX86`) and
/// Crashpad write it for 32-bit processes.
public struct X86ContextBuilder: Sendable, Hashable {
    /// A register and where it lives in the `CONTEXT`.
    public enum Register: Sendable, Hashable, CaseIterable {
        /// A 32-bit general-purpose register.
        case eax, ebx, ecx, edx, esi, edi, ebp, esp
        /// The instruction pointer.
        case eip
        /// `EFlags`.
        case eflags
        /// A segment register (stored as 32 bits).
        case cs, ds, es, fs, gs, ss
        /// A debug register.
        case dr0, dr1, dr2, dr3, dr6, dr7

        /// The field's byte offset in the `CONTEXT`.
        public var offset: Int {
            switch self {
            case .dr0: 0x04
            case .dr1: 0x08
            case .dr2: 0x0C
            case .dr3: 0x10
            case .dr6: 0x14
            case .dr7: 0x18
            case .gs: 0x8C
            case .fs: 0x90
            case .es: 0x94
            case .ds: 0x98
            case .edi: 0x9C
            case .esi: 0xA0
            case .ebx: 0xA4
            case .edx: 0xA8
            case .ecx: 0xAC
            case .eax: 0xB0
            case .ebp: 0xB4
            case .eip: 0xB8
            case .cs: 0xBC
            case .eflags: 0xC0
            case .esp: 0xC4
            case .ss: 0xC8
            }
        }
    }

    /// The size of the structure.
    public static let size = 716
    /// Offset of `FloatSave` (`FLOATING_SAVE_AREA`, 112 bytes).
    public static let floatSaveOffset = 0x1C
    /// Offset of `ExtendedRegisters` (512 bytes, `FXSAVE` layout).
    public static let extendedRegistersOffset = 0xCC
    /// `CONTEXT_i386 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT | DEBUG_REGISTERS |
    /// EXTENDED_REGISTERS`.
    public static let flagsAll: UInt32 = 0x0001_003F
    /// `CONTEXT_i386 | CONTROL | INTEGER | SEGMENTS` (`CONTEXT_FULL`).
    public static let flagsFull: UInt32 = 0x0001_0007

    /// `ContextFlags`.
    public var contextFlags: UInt32
    /// Register values (only the low 32 bits are written).
    public var registers: [Register: UInt32]

    /// Creates a context with `registers` set; segments and flags default to a user-mode thread's on
    /// 32-bit Windows (`cs` 0x1B, `ss`/`ds`/`es` 0x23, `fs` 0x3B, `eflags` 0x246).
    public init(_ registers: [Register: UInt32] = [:], contextFlags: UInt32 = flagsAll) {
        let defaults: [Register: UInt32] = [.cs: 0x1B, .ss: 0x23, .ds: 0x23, .es: 0x23, .fs: 0x3B, .eflags: 0x246]
        self.registers = defaults.merging(registers) { $1 }
        self.contextFlags = contextFlags
    }

    /// A register's value (0 when not set).
    public subscript(register: Register) -> UInt32 {
        get { registers[register] ?? 0 }
        set { registers[register] = newValue }
    }

    /// The 716 bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.zeros(Self.size)
        writer.patch32(contextFlags, at: 0)
        for (register, value) in registers { writer.patch32(value, at: register.offset) }
        writer.patch32(0xFFFF_027F, at: Self.floatSaveOffset)  // ControlWord
        writer.patch32(0xFFFF_0000, at: Self.floatSaveOffset + 4)  // StatusWord
        writer.patch32(0xFFFF_FFFF, at: Self.floatSaveOffset + 8)  // TagWord
        writer.patch16(0x027F, at: Self.extendedRegistersOffset)  // FXSAVE FCW
        writer.patch32(0x1F80, at: Self.extendedRegistersOffset + 24)  // MXCSR
        writer.patch32(0xFFFF, at: Self.extendedRegistersOffset + 28)  // MXCSR_MASK
        return writer.bytes
    }
}
