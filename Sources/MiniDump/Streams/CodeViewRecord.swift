/// A module's CodeView record: what identifies its debug information.
///
/// Mirrors `CV_INFO_PDB70` (signature `RSDS`), `CV_INFO_PDB20` (`NB10`) and Breakpad's
/// `MDCVInfoELF` (`BpEL`, an ELF build id). Records with another signature, or too short for the
/// one they carry, are kept as ``unknown(signature:bytes:)``.
public enum CodeViewRecord: Sendable, Hashable {
    /// A PDB 7.0 reference: the PDB's GUID and age, and its file name (usually a full build path).
    case pdb70(guid: DumpGUID, age: UInt32, pdbFileName: String)
    /// A PDB 2.0 reference: a 32-bit signature (a timestamp) and age, and the PDB's file name.
    case pdb20(signature: UInt32, age: UInt32, pdbFileName: String)
    /// An ELF build id (GNU `NT_GNU_BUILD_ID`, any length), as Breakpad and Crashpad record it.
    case elf(buildID: [UInt8])
    /// A record this library does not decode: its first four bytes as a little-endian value
    /// (`nil` when it has fewer) and all of its bytes.
    case unknown(signature: UInt32?, bytes: [UInt8])

    /// `RSDS` read as a little-endian 32-bit value.
    public static let pdb70Signature: UInt32 = 0x5344_5352
    /// `NB10` read as a little-endian 32-bit value.
    public static let pdb20Signature: UInt32 = 0x3031_424E
    /// Breakpad's `BpEL` constant 0x4270454C (the bytes `LEpB` in the file).
    public static let elfSignature: UInt32 = 0x4270_454C
    /// The fixed part of a PDB 7.0 record before the file name: signature, GUID, age.
    public static let pdb70HeaderSize = 24
    /// The fixed part of a PDB 2.0 record before the file name: signature, offset, signature, age.
    public static let pdb20HeaderSize = 16

    /// Decodes a record from its bytes; never fails (short or unrecognised records become
    /// ``unknown(signature:bytes:)``). File names are UTF-8, read up to the first NUL, with
    /// invalid sequences replaced by U+FFFD.
    public init(bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Self(raw: $0) }
    }

    /// ``init(bytes:)`` on bytes in place (the module list decodes records straight from the
    /// file: copying each into arrays first cost 1,600 instructions a module; docs/performance.md).
    init(raw: UnsafeRawBufferPointer) {
        guard raw.count >= 4 else {
            self = .unknown(signature: nil, bytes: Array(raw))
            return
        }
        let signature = Self.u32(raw, 0)
        switch signature {
        case Self.pdb70Signature where raw.count >= Self.pdb70HeaderSize:
            self = .pdb70(
                guid: DumpGUID(littleEndian: UnsafeRawBufferPointer(rebasing: raw[4..<20])),
                age: Self.u32(raw, 20),
                pdbFileName: Self.cString(UnsafeRawBufferPointer(rebasing: raw[Self.pdb70HeaderSize...])))
        case Self.pdb20Signature where raw.count >= Self.pdb20HeaderSize:
            self = .pdb20(
                signature: Self.u32(raw, 8), age: Self.u32(raw, 12),
                pdbFileName: Self.cString(UnsafeRawBufferPointer(rebasing: raw[Self.pdb20HeaderSize...])))
        case Self.elfSignature:
            self = .elf(buildID: Array(raw[4...]))
        default:
            self = .unknown(signature: signature, bytes: Array(raw))
        }
    }

    /// The record's first four bytes as a little-endian value, or `nil` for an unknown record
    /// shorter than that.
    public var signature: UInt32? {
        switch self {
        case .pdb70: Self.pdb70Signature
        case .pdb20: Self.pdb20Signature
        case .elf: Self.elfSignature
        case .unknown(let signature, _): signature
        }
    }

    /// The PDB file name, or `nil` for ELF and unknown records.
    public var pdbFileName: String? {
        switch self {
        case .pdb70(_, _, let name), .pdb20(_, _, let name): name
        default: nil
        }
    }

    /// The PDB 7.0 GUID, or `nil` for other records.
    public var guid: DumpGUID? {
        if case .pdb70(let guid, _, _) = self { return guid }
        return nil
    }

    /// The PDB age, or `nil` for ELF and unknown records.
    public var age: UInt32? {
        switch self {
        case .pdb70(_, let age, _), .pdb20(_, let age, _): age
        default: nil
        }
    }

    /// The ELF build id, or `nil` for other records.
    public var buildID: [UInt8]? {
        if case .elf(let buildID) = self { return buildID }
        return nil
    }

    /// The Breakpad debug identifier: for PDB 7.0 the GUID as 32 upper-case hex digits followed by
    /// the age in lower-case hex; for PDB 2.0 the signature as 8 hex digits and the age; for ELF
    /// the first 16 bytes of the build id read as a GUID (little-endian fields, zero-padded)
    /// followed by `0`. `nil` for unknown records.
    public var breakpadDebugID: String? {
        switch self {
        case .pdb70(let guid, let age, _):
            guid.compactHex + Hex.string(UInt64(age), uppercase: false, prefixed: false)
        case .pdb20(let signature, let age, _):
            DumpGUID.hex(UInt64(signature), 8) + Hex.string(UInt64(age), uppercase: false, prefixed: false)
        case .elf(let buildID):
            DumpGUID(littleEndianBytes: Array(buildID.prefix(16))).compactHex + "0"
        case .unknown:
            nil
        }
    }

    /// The little-endian value of the four bytes at `at`, which the caller has checked.
    static func u32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    /// UTF-8 up to the first NUL, invalid sequences repaired.
    static func cString(_ raw: UnsafeRawBufferPointer) -> String {
        let end = raw.firstIndex(of: 0) ?? raw.count
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<end]), as: UTF8.self)
    }
}
