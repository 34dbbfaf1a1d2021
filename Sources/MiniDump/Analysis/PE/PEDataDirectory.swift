/// One entry of a PE image's data directory table: where a table (exports, exception data, ...)
/// lies relative to the image base. Mirrors `IMAGE_DATA_DIRECTORY`.
public struct PEDataDirectory: Sendable, Hashable {
    /// The index of a data directory entry; an open set. Mirrors `IMAGE_DIRECTORY_ENTRY_*`.
    public struct Kind: RawRepresentable, Hashable, Sendable {
        public var rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `IMAGE_DIRECTORY_ENTRY_EXPORT` (0).
        public static let export = Kind(rawValue: 0)
        /// `IMAGE_DIRECTORY_ENTRY_IMPORT` (1).
        public static let `import` = Kind(rawValue: 1)
        /// `IMAGE_DIRECTORY_ENTRY_RESOURCE` (2).
        public static let resource = Kind(rawValue: 2)
        /// `IMAGE_DIRECTORY_ENTRY_EXCEPTION` (3): the `.pdata` table of `RUNTIME_FUNCTION`s.
        public static let exception = Kind(rawValue: 3)
        /// `IMAGE_DIRECTORY_ENTRY_SECURITY` (4): a file offset, not an RVA.
        public static let security = Kind(rawValue: 4)
        /// `IMAGE_DIRECTORY_ENTRY_BASERELOC` (5).
        public static let baseRelocation = Kind(rawValue: 5)
        /// `IMAGE_DIRECTORY_ENTRY_DEBUG` (6).
        public static let debug = Kind(rawValue: 6)
        /// `IMAGE_DIRECTORY_ENTRY_TLS` (9).
        public static let tls = Kind(rawValue: 9)
        /// `IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG` (10).
        public static let loadConfig = Kind(rawValue: 10)
        /// `IMAGE_DIRECTORY_ENTRY_IAT` (12).
        public static let importAddressTable = Kind(rawValue: 12)
        /// `IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR` (14): the CLR header of .NET assemblies.
        public static let clrRuntimeHeader = Kind(rawValue: 14)
    }

    /// The table's offset from the image base (`VirtualAddress`).
    public var rva: UInt32
    /// The table's size in bytes.
    public var size: UInt32

    /// Creates a directory entry.
    public init(rva: UInt32, size: UInt32) {
        self.rva = rva
        self.size = size
    }

    /// True when the entry is unused (RVA or size zero).
    public var isEmpty: Bool { rva == 0 || size == 0 }

    /// True when `rva` lies inside the table.
    public func contains(rva value: UInt32) -> Bool {
        value >= rva && UInt64(value) < UInt64(rva) + UInt64(size)
    }
}
