/// A register of an x86-64 (AMD64) context, in the order renderers print them.
///
/// Covers the general-purpose registers, `rip`, `eflags` and the segment selectors; floating-point
/// and vector registers are not modelled.
public enum AMD64Register: Int, CaseIterable, Sendable {
    case rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp
    case r8, r9, r10, r11, r12, r13, r14, r15
    case rip, eflags
    case cs, ds, es, fs, gs, ss

    /// The conventional lower-case name (`rax`, `r8`, `eflags`, `cs`, ...).
    public var name: String {
        switch self {
        case .rax: "rax"
        case .rbx: "rbx"
        case .rcx: "rcx"
        case .rdx: "rdx"
        case .rsi: "rsi"
        case .rdi: "rdi"
        case .rbp: "rbp"
        case .rsp: "rsp"
        case .r8: "r8"
        case .r9: "r9"
        case .r10: "r10"
        case .r11: "r11"
        case .r12: "r12"
        case .r13: "r13"
        case .r14: "r14"
        case .r15: "r15"
        case .rip: "rip"
        case .eflags: "eflags"
        case .cs: "cs"
        case .ds: "ds"
        case .es: "es"
        case .fs: "fs"
        case .gs: "gs"
        case .ss: "ss"
        }
    }

    /// The register's width in bits: 64, except `eflags` (32) and the segment selectors (16).
    public var bitWidth: Int {
        switch self {
        case .eflags: 32
        case .cs, .ds, .es, .fs, .gs, .ss: 16
        default: 64
        }
    }
}
