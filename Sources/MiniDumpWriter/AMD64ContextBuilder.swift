/// Builds a Windows x64 `CONTEXT` (1232 bytes, 16-byte aligned fields), as dbghelp, Breakpad
/// (`MDRawContextAMD64`) and Crashpad write it for every thread and for the exception.
///
/// Registers not set are zero, except the x87/SSE control words, which default to the values a
/// fresh Windows thread has.
public struct AMD64ContextBuilder: Sendable, Hashable {
    /// A register and where it lives in the `CONTEXT`.
    public enum Register: Sendable, Hashable, CaseIterable {
        /// A 64-bit general-purpose register.
        case rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi
        /// A 64-bit general-purpose register.
        case r8, r9, r10, r11, r12, r13, r14, r15
        /// The instruction pointer.
        case rip
        /// `EFlags` (32 bits).
        case eflags
        /// `SegCs`, `SegDs`, `SegEs`, `SegFs`, `SegGs`, `SegSs` (16 bits each).
        case cs, ds, es, fs, gs, ss
        /// `Dr0`–`Dr3`, `Dr6`, `Dr7`.
        case dr0, dr1, dr2, dr3, dr6, dr7
        /// `MxCsr` (32 bits; written at 0x34 and inside `FltSave`).
        case mxcsr

        /// The field's byte offset in the `CONTEXT`.
        public var offset: Int {
            switch self {
            case .mxcsr: 0x34
            case .cs: 0x38
            case .ds: 0x3A
            case .es: 0x3C
            case .fs: 0x3E
            case .gs: 0x40
            case .ss: 0x42
            case .eflags: 0x44
            case .dr0: 0x48
            case .dr1: 0x50
            case .dr2: 0x58
            case .dr3: 0x60
            case .dr6: 0x68
            case .dr7: 0x70
            case .rax: 0x78
            case .rcx: 0x80
            case .rdx: 0x88
            case .rbx: 0x90
            case .rsp: 0x98
            case .rbp: 0xA0
            case .rsi: 0xA8
            case .rdi: 0xB0
            case .r8: 0xB8
            case .r9: 0xC0
            case .r10: 0xC8
            case .r11: 0xD0
            case .r12: 0xD8
            case .r13: 0xE0
            case .r14: 0xE8
            case .r15: 0xF0
            case .rip: 0xF8
            }
        }

        /// The field's width in bytes (2, 4 or 8).
        public var width: Int {
            switch self {
            case .cs, .ds, .es, .fs, .gs, .ss: 2
            case .eflags, .mxcsr: 4
            default: 8
            }
        }
    }

    /// The size of the structure.
    public static let size = 1232
    /// Offset of `ContextFlags`.
    public static let contextFlagsOffset = 0x30
    /// Offset of `FltSave` (`XMM_SAVE_AREA32`, 512 bytes).
    public static let fltSaveOffset = 0x100
    /// Offset of `Xmm0` (inside `FltSave`).
    public static let xmm0Offset = 0x1A0
    /// `CONTEXT_AMD64 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT | DEBUG_REGISTERS`.
    public static let flagsAll: UInt32 = 0x0010_001F
    /// `CONTEXT_AMD64 | CONTROL | INTEGER | FLOATING_POINT` (`CONTEXT_FULL`).
    public static let flagsFull: UInt32 = 0x0010_000B

    /// `ContextFlags`.
    public var contextFlags: UInt32
    /// Register values (narrow registers keep their low bits).
    public var registers: [Register: UInt64]
    /// `Xmm0`–`Xmm15`; missing entries are zero.
    public var xmm: [UInt128]
    /// `FltSave.ControlWord` (x87 control word).
    public var x87ControlWord: UInt16 = 0x027F

    /// Creates a context with `registers` set; segment registers and flags default to a user-mode
    /// thread's (`cs` 0x33, `ss`/`ds`/`es`/`gs` 0x2B, `fs` 0x53, `eflags` 0x246, `mxcsr` 0x1F80).
    public init(_ registers: [Register: UInt64] = [:], contextFlags: UInt32 = flagsAll, xmm: [UInt128] = []) {
        let defaults: [Register: UInt64] = [
            .cs: 0x33, .ss: 0x2B, .ds: 0x2B, .es: 0x2B, .gs: 0x2B, .fs: 0x53, .eflags: 0x246, .mxcsr: 0x1F80,
        ]
        self.registers = defaults.merging(registers) { $1 }
        self.contextFlags = contextFlags
        self.xmm = xmm
    }

    /// A register's value (0 when not set).
    public subscript(register: Register) -> UInt64 {
        get { registers[register] ?? 0 }
        set { registers[register] = newValue }
    }

    /// The 1232 bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.zeros(Self.size)
        writer.patch32(contextFlags, at: Self.contextFlagsOffset)
        for (register, value) in registers {
            switch register.width {
            case 2: writer.patch16(UInt16(truncatingIfNeeded: value), at: register.offset)
            case 4: writer.patch32(UInt32(truncatingIfNeeded: value), at: register.offset)
            default: writer.patch64(value, at: register.offset)
            }
        }
        writer.patch16(x87ControlWord, at: Self.fltSaveOffset)
        writer.patch32(UInt32(truncatingIfNeeded: self[.mxcsr]), at: Self.fltSaveOffset + 24)
        writer.patch32(0xFFFF, at: Self.fltSaveOffset + 28)  // MxCsr_Mask
        for (index, value) in xmm.prefix(16).enumerated() {
            writer.patch64(UInt64(truncatingIfNeeded: value), at: Self.xmm0Offset + 16 * index)
            writer.patch64(UInt64(truncatingIfNeeded: value >> 64), at: Self.xmm0Offset + 16 * index + 8)
        }
        return writer.bytes
    }
}
