/// A register of an AArch64 (ARM64) context, in the order renderers print them.
///
/// `x0`–`x28`, the frame pointer `fp` (x29), the link register `lr` (x30), `sp`, `pc` and `cpsr`;
/// the floating-point/NEON registers are not modelled.
public enum ARM64Register: Int, CaseIterable, Sendable {
    case x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15
    case x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28
    /// The frame pointer, x29.
    case fp
    /// The link register, x30.
    case lr
    case sp, pc, cpsr

    /// The general-purpose register `x<number>` (0...30; 29 is ``fp`` and 30 is ``lr``), or `nil`
    /// for another number.
    public static func x(_ number: Int) -> ARM64Register? {
        guard number >= 0, number <= 30 else { return nil }
        return ARM64Register(rawValue: number)
    }

    /// The conventional lower-case name: `x0`…`x28`, `fp`, `lr`, `sp`, `pc`, `cpsr`.
    public var name: String {
        switch self {
        case .fp: "fp"
        case .lr: "lr"
        case .sp: "sp"
        case .pc: "pc"
        case .cpsr: "cpsr"
        default: "x\(rawValue)"
        }
    }

    /// The register's width in bits: 64, except `cpsr` (32).
    public var bitWidth: Int { self == .cpsr ? 32 : 64 }
}
