/// One section of a PE image as its header describes it. Mirrors `IMAGE_SECTION_HEADER`.
public struct PESection: Sendable, Hashable {
    /// The section name (`.text`, `.pdata`, ...), up to 8 bytes, without NUL padding.
    public var name: String
    /// The offset of the section from the image base once loaded (`VirtualAddress`).
    public var rva: UInt32
    /// The size of the section in memory (`VirtualSize`; `SizeOfRawData` when that is zero).
    public var size: UInt32
    /// `Characteristics` (`IMAGE_SCN_*` flags).
    public var characteristics: UInt32

    /// `IMAGE_SCN_CNT_CODE`.
    public static let containsCode: UInt32 = 0x0000_0020
    /// `IMAGE_SCN_MEM_EXECUTE`.
    public static let memoryExecute: UInt32 = 0x2000_0000

    /// Creates a section record.
    public init(name: String, rva: UInt32, size: UInt32, characteristics: UInt32) {
        self.name = name
        self.rva = rva
        self.size = size
        self.characteristics = characteristics
    }

    /// True when the section holds code (`IMAGE_SCN_MEM_EXECUTE` or `IMAGE_SCN_CNT_CODE`).
    public var isExecutable: Bool {
        characteristics & (Self.memoryExecute | Self.containsCode) != 0
    }

    /// True when `rva` lies inside the section.
    public func contains(rva value: UInt32) -> Bool {
        value >= rva && UInt64(value) < UInt64(rva) + UInt64(size)
    }
}
