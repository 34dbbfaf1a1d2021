/// A thread's CPU registers, for one of the architectures this library decodes.
///
/// Decoded with ``MiniDumpFile/context(at:architecture:)``. The common registers are available
/// without switching on the architecture (``instructionPointer``, ``stackPointer``,
/// ``framePointer``); each of them is `nil` when the context does not hold it.
public enum CPUContext: Sendable, Hashable {
    /// An x86-64 context.
    case amd64(AMD64Context)
    /// A 32-bit x86 context.
    case x86(X86Context)
    /// An AArch64 context.
    case arm64(ARM64Context)
    /// A 32-bit ARM context.
    case arm(ARMContext)

    /// The architecture of the registers: ``ProcessorArchitecture/amd64``, ``ProcessorArchitecture/x86``,
    /// ``ProcessorArchitecture/arm64`` or ``ProcessorArchitecture/arm``.
    public var architecture: ProcessorArchitecture {
        switch self {
        case .amd64: .amd64
        case .x86: .x86
        case .arm64: .arm64
        case .arm: .arm
        }
    }

    /// The size of a pointer in bytes: 8 for AMD64 and ARM64, 4 for x86 and ARM.
    public var pointerSize: Int {
        switch self {
        case .amd64, .arm64: 8
        case .x86, .arm: 4
        }
    }

    /// The record's `ContextFlags` as written.
    public var contextFlags: UInt32 {
        switch self {
        case .amd64(let context): context.contextFlags
        case .x86(let context): context.contextFlags
        case .arm64(let context): context.contextFlags
        case .arm(let context): context.contextFlags
        }
    }

    /// Bytes the record held after its fixed layout (XSAVE state and the like), 0 when none.
    public var extendedStateSize: Int {
        switch self {
        case .amd64(let context): context.extendedStateSize
        case .x86(let context): context.extendedStateSize
        case .arm64(let context): context.extendedStateSize
        case .arm(let context): context.extendedStateSize
        }
    }

    /// The program counter (`rip`, `eip`, `pc`), or `nil` when the context does not hold it.
    public var instructionPointer: UInt64? {
        switch self {
        case .amd64(let context): context[.rip]
        case .x86(let context): context[.eip]
        case .arm64(let context): context[.pc]
        case .arm(let context): context[.pc]
        }
    }

    /// The stack pointer (`rsp`, `esp`, `sp`), or `nil` when the context does not hold it.
    public var stackPointer: UInt64? {
        switch self {
        case .amd64(let context): context[.rsp]
        case .x86(let context): context[.esp]
        case .arm64(let context): context[.sp]
        case .arm(let context): context[.sp]
        }
    }

    /// The conventional frame pointer (`rbp`, `ebp`, `fp`/x29, and `r11` on ARM, which Linux and
    /// Android use in ARM mode; Thumb and Apple code use `r7`), or `nil` when the context does not
    /// hold it.
    public var framePointer: UInt64? {
        switch self {
        case .amd64(let context): context[.rbp]
        case .x86(let context): context[.ebp]
        case .arm64(let context): context[.fp]
        case .arm(let context): context[.r11]
        }
    }

    /// Every register the context holds, with its name, in the architecture's register order
    /// (empty when none is valid).
    public var generalRegisters: [RegisterValue] {
        switch self {
        case .amd64(let context):
            context.validRegisters.compactMap { register in
                context[register].map { RegisterValue(name: register.name, value: $0, bitWidth: register.bitWidth) }
            }
        case .x86(let context):
            context.validRegisters.compactMap { register in
                context[register].map { RegisterValue(name: register.name, value: $0, bitWidth: register.bitWidth) }
            }
        case .arm64(let context):
            context.validRegisters.compactMap { register in
                context[register].map { RegisterValue(name: register.name, value: $0, bitWidth: register.bitWidth) }
            }
        case .arm(let context):
            context.validRegisters.compactMap { register in
                context[register].map { RegisterValue(name: register.name, value: $0, bitWidth: register.bitWidth) }
            }
        }
    }
}
