/// A register of a 32-bit x86 context, in the order renderers print them.
///
/// Covers the general-purpose registers, `eip`, `eflags` and the segment selectors; floating-point
/// and vector registers are not modelled.
public enum X86Register: Int, CaseIterable, Sendable {
    case eax, ebx, ecx, edx, esi, edi, ebp, esp
    case eip, eflags
    case cs, ds, es, fs, gs, ss

    /// The conventional lower-case name (`eax`, `eip`, `eflags`, `cs`, ...).
    public var name: String {
        switch self {
        case .eax: "eax"
        case .ebx: "ebx"
        case .ecx: "ecx"
        case .edx: "edx"
        case .esi: "esi"
        case .edi: "edi"
        case .ebp: "ebp"
        case .esp: "esp"
        case .eip: "eip"
        case .eflags: "eflags"
        case .cs: "cs"
        case .ds: "ds"
        case .es: "es"
        case .fs: "fs"
        case .gs: "gs"
        case .ss: "ss"
        }
    }

    /// The register's width in bits: 32 for every register (the x86 `CONTEXT` stores the segment
    /// selectors in 32-bit fields too).
    public var bitWidth: Int { 32 }
}
