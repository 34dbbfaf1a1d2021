extension ModuleListBuilder {
    /// A module's `VS_FIXEDFILEINFO`: 52 bytes, signature 0xFEEF04BD.
    public struct VersionInfo: Sendable, Hashable {
        /// The size of `VS_FIXEDFILEINFO` in bytes.
        public static let size = 52
        /// `VFT_APP`, the ``fileType`` of an executable.
        public static let typeApplication: UInt32 = 1
        /// `VFT_DLL`, the ``fileType`` of a library.
        public static let typeDLL: UInt32 = 2

        /// `dwSignature` (0xFEEF04BD when valid).
        public var signature: UInt32 = 0xFEEF_04BD
        /// `dwStrucVersion`.
        public var structVersion: UInt32 = 0x0001_0000
        /// `dwFileVersionMS`: major in the high half, minor in the low half.
        public var fileVersionMS: UInt32
        /// `dwFileVersionLS`: build in the high half, revision in the low half.
        public var fileVersionLS: UInt32
        /// `dwProductVersionMS`.
        public var productVersionMS: UInt32
        /// `dwProductVersionLS`.
        public var productVersionLS: UInt32
        /// `dwFileFlagsMask`.
        public var fileFlagsMask: UInt32 = 0x3F
        /// `dwFileFlags`.
        public var fileFlags: UInt32 = 0
        /// `dwFileOS` (0x40004 is `VOS_NT_WINDOWS32`).
        public var fileOS: UInt32 = 0x0004_0004
        /// `dwFileType`.
        public var fileType: UInt32
        /// `dwFileSubtype`.
        public var fileSubtype: UInt32 = 0
        /// `dwFileDateMS`.
        public var fileDateMS: UInt32 = 0
        /// `dwFileDateLS`.
        public var fileDateLS: UInt32 = 0

        /// Creates version info from dotted versions (`"10.0.19041.3636"`; missing or invalid parts
        /// are 0). The product version defaults to the file version.
        public init(fileVersion: String, productVersion: String? = nil, fileType: UInt32 = typeDLL) {
            (fileVersionMS, fileVersionLS) = Self.parse(fileVersion)
            (productVersionMS, productVersionLS) = Self.parse(productVersion ?? fileVersion)
            self.fileType = fileType
        }

        /// Splits `"a.b.c.d"` into the `MS`/`LS` words.
        static func parse(_ text: String) -> (UInt32, UInt32) {
            var parts = text.split(separator: ".").map { UInt32(UInt16($0) ?? 0) }
            while parts.count < 4 { parts.append(0) }
            return (parts[0] << 16 | parts[1], parts[2] << 16 | parts[3])
        }

        /// The 52 bytes.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            for value in [signature, structVersion, fileVersionMS, fileVersionLS, productVersionMS,
                          productVersionLS, fileFlagsMask, fileFlags, fileOS, fileType, fileSubtype,
                          fileDateMS, fileDateLS] {
                writer.u32(value)
            }
            return writer.bytes
        }

        /// The file version as `"a.b.c.d"`.
        public var fileVersionString: String {
            "\(fileVersionMS >> 16).\(fileVersionMS & 0xFFFF).\(fileVersionLS >> 16).\(fileVersionLS & 0xFFFF)"
        }
    }
}
