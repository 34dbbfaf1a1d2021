/// A register of a 32-bit ARM context, in the order renderers print them.
///
/// `r0`–`r12`, `sp` (r13), `lr` (r14), `pc` (r15) and `cpsr`; the VFP/NEON registers are not
/// modelled.
public enum ARMRegister: Int, CaseIterable, Sendable {
    case r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12
    /// The stack pointer, r13.
    case sp
    /// The link register, r14.
    case lr
    /// The program counter, r15.
    case pc
    case cpsr

    /// The register `r<number>` (0...15; 13 is ``sp``, 14 ``lr``, 15 ``pc``), or `nil` for another
    /// number.
    public static func r(_ number: Int) -> ARMRegister? {
        guard number >= 0, number <= 15 else { return nil }
        return ARMRegister(rawValue: number)
    }

    /// The conventional lower-case name: `r0`…`r12`, `sp`, `lr`, `pc`, `cpsr`.
    public var name: String {
        switch self {
        case .sp: "sp"
        case .lr: "lr"
        case .pc: "pc"
        case .cpsr: "cpsr"
        default: "r\(rawValue)"
        }
    }

    /// The register's width in bits: 32 for every register.
    public var bitWidth: Int { 32 }
}
