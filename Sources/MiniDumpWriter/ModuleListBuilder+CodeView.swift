extension ModuleListBuilder {
    /// A 16-byte GUID as CodeView records store it: `Data1` (u32), `Data2`, `Data3` (u16),
    /// little-endian, then the 8 bytes of `Data4` in order.
    public struct GUID: Sendable, Hashable, CustomStringConvertible {
        /// `Data1`.
        public var data1: UInt32
        /// `Data2`.
        public var data2: UInt16
        /// `Data3`.
        public var data3: UInt16
        /// `Data4` (8 bytes; shorter arrays are zero-filled, longer ones cut).
        public var data4: [UInt8]

        /// Creates a GUID from its fields.
        public init(data1: UInt32, data2: UInt16, data3: UInt16, data4: [UInt8]) {
            self.data1 = data1
            self.data2 = data2
            self.data3 = data3
            self.data4 = Array((data4 + Array(repeating: 0, count: 8)).prefix(8))
        }

        /// Parses the registry form `"3F2504E0-4F89-11D3-9A0C-0305E82C3301"` (braces and dashes
        /// are ignored; missing or invalid hex digits read as 0).
        public init(_ text: String) {
            let digits = text.compactMap { $0.hexDigitValue }.map(UInt64.init)
            func value(_ range: Range<Int>) -> UInt64 {
                range.reduce(0) { $0 << 4 | ($1 < digits.count ? digits[$1] : 0) }
            }
            self.init(
                data1: UInt32(value(0..<8)), data2: UInt16(value(8..<12)), data3: UInt16(value(12..<16)),
                data4: (0..<8).map { UInt8(value(16 + 2 * $0 ..< 18 + 2 * $0)) })
        }

        /// The 16 bytes as stored.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            writer.u32(data1)
            writer.u16(data2)
            writer.u16(data3)
            writer.append(data4)
            return writer.bytes
        }

        /// The registry form, upper-case, without braces.
        public var description: String {
            func hex<T: BinaryInteger>(_ value: T, _ width: Int) -> String {
                let text = String(value, radix: 16, uppercase: true)
                return String(repeating: "0", count: max(width - text.count, 0)) + text
            }
            let tail = data4.map { hex($0, 2) }
            return "\(hex(data1, 8))-\(hex(data2, 4))-\(hex(data3, 4))-\(tail[0..<2].joined())-\(tail[2...].joined())"
        }
    }

    /// The debug-information record a module's `CvRecord` points to.
    public enum CodeView: Sendable, Hashable {
        /// `CV_INFO_PDB70`: `RSDS`, the PDB's GUID, its age and its path (UTF-8, NUL-terminated).
        case pdb70(guid: GUID, age: UInt32, pdbName: String)
        /// `CV_INFO_PDB20`: `NB10`, offset 0, the PDB's signature (a timestamp), age and path.
        case pdb20(signature: UInt32, age: UInt32, pdbName: String)
        /// Breakpad's `MDCVInfoELF`: `BpEL` and the ELF build id.
        case elf(buildId: [UInt8])
        /// Any bytes.
        case raw([UInt8])

        /// `RSDS` read as a little-endian u32.
        public static let pdb70Signature: UInt32 = 0x5344_5352
        /// `NB10` read as a little-endian u32.
        public static let pdb20Signature: UInt32 = 0x3031_424E
        /// `BpEL` read as a little-endian u32.
        public static let elfSignature: UInt32 = 0x4270_454C

        /// The record's bytes.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            switch self {
            case .pdb70(let guid, let age, let pdbName):
                writer.u32(Self.pdb70Signature)
                writer.append(guid.bytes)
                writer.u32(age)
                writer.append(Array(pdbName.utf8))
                writer.u8(0)
            case .pdb20(let signature, let age, let pdbName):
                writer.u32(Self.pdb20Signature)
                writer.u32(0)
                writer.u32(signature)
                writer.u32(age)
                writer.append(Array(pdbName.utf8))
                writer.u8(0)
            case .elf(let buildId):
                writer.u32(Self.elfSignature)
                writer.append(buildId)
            case .raw(let bytes):
                writer.append(bytes)
            }
            return writer.bytes
        }
    }
}
