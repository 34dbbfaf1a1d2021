/// A cabinet folder's compression method, `CFFOLDER.typeCompress & tcompMASK_TYPE`.
struct CabinetCompression: RawRepresentable, Hashable {
    var rawValue: UInt16
    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `tcompTYPE_NONE`: blocks hold the bytes as they are.
    static let none = CabinetCompression(rawValue: 0)
    /// `tcompTYPE_MSZIP`: each block is `CK` and a deflate stream over a 32 KiB window.
    static let mszip = CabinetCompression(rawValue: 1)
    /// `tcompTYPE_QUANTUM`.
    static let quantum = CabinetCompression(rawValue: 2)
    /// `tcompTYPE_LZX`.
    static let lzx = CabinetCompression(rawValue: 3)

    /// The method's name, for messages.
    var name: String {
        switch self {
        case .none: "none"
        case .mszip: "MSZIP"
        case .quantum: "Quantum"
        case .lzx: "LZX"
        default: "unknown method \(rawValue)"
        }
    }
}
