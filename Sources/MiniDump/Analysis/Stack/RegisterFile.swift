/// The registers a stack walker tracks for one frame: plain 64-bit values indexed by an
/// architecture's register number, each either known or not.
///
/// Numbering: x64 uses the Windows unwind order (0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6 RSI,
/// 7 RDI, 8–15 R8–R15) and 16 for RIP; x86 uses 0 EAX … 7 EDI in the same order and 8 for EIP;
/// ARM64 uses 0–30 for x0–x30, 31 for SP and 32 for PC; ARM uses 0–15 for r0–r15.
struct RegisterFile: Sendable, Hashable {
    private(set) var values: [UInt64]
    private(set) var validMask: UInt64 = 0

    init(count: Int) {
        // Reserved and appended rather than `[UInt64](repeating:count:)`, which allocates through
        // the standard library's unspecialised path and looks up the array's storage type at run
        // time: about 500 instructions for each frame a walk makes (docs/performance.md).
        let count = max(0, min(count, 64))
        values = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(0) }
    }

    /// The value of register `index`, or `nil` when unknown or out of range.
    subscript(index: Int) -> UInt64? {
        get {
            guard index >= 0, index < values.count, validMask & (1 << UInt64(index)) != 0 else { return nil }
            return values[index]
        }
        set {
            guard index >= 0, index < values.count else { return }
            if let newValue {
                values[index] = newValue
                validMask |= 1 << UInt64(index)
            } else {
                values[index] = 0
                validMask &= ~(1 << UInt64(index))
            }
        }
    }

    /// Forgets every register in `indices`.
    mutating func invalidate(_ indices: [Int]) {
        for index in indices { self[index] = nil }
    }
}

/// Register numbers of the x64 register file (Windows unwind order).
enum X64Index {
    static let rax = 0, rcx = 1, rdx = 2, rbx = 3, rsp = 4, rbp = 5, rsi = 6, rdi = 7
    static let r8 = 8, r9 = 9, r10 = 10, r11 = 11, r12 = 12, r13 = 13, r14 = 14, r15 = 15
    static let rip = 16
    static let count = 17
    /// Registers a callee may change without restoring them (Microsoft x64 convention).
    static let volatile = [rax, rcx, rdx, r8, r9, r10, r11]
}

/// Register numbers of the x86 register file.
enum X86Index {
    static let eax = 0, ecx = 1, edx = 2, ebx = 3, esp = 4, ebp = 5, esi = 6, edi = 7
    static let eip = 8
    static let count = 9
}

/// Register numbers of the ARM64 register file.
enum ARM64Index {
    static let fp = 29, lr = 30, sp = 31, pc = 32
    static let count = 33
}

/// Register numbers of the ARM register file.
enum ARMIndex {
    static let r7 = 7, r11 = 11, sp = 13, lr = 14, pc = 15
    static let count = 16
}
