/// A module's version resource as the writer copied it. Mirrors `VS_FIXEDFILEINFO` (52 bytes).
///
/// Writers that have no version resource (Breakpad on Linux, Wine for some modules) leave it zeroed;
/// ``isValid`` is then false and the version accessors return `nil`.
public struct FixedFileInfo: Sendable, Hashable {
    /// The signature every valid record carries (`dwSignature`).
    public static let expectedSignature: UInt32 = 0xFEEF_04BD
    /// The record's size on disk.
    public static let size = 52

    /// `dwSignature`: ``expectedSignature`` when the record is present.
    public var signature: UInt32
    /// `dwStrucVersion`, usually 0x00010000.
    public var structVersion: UInt32
    /// `dwFileVersionMS`.
    public var fileVersionMS: UInt32
    /// `dwFileVersionLS`.
    public var fileVersionLS: UInt32
    /// `dwProductVersionMS`.
    public var productVersionMS: UInt32
    /// `dwProductVersionLS`.
    public var productVersionLS: UInt32
    /// `dwFileFlagsMask`.
    public var fileFlagsMask: UInt32
    /// `dwFileFlags` (`VS_FF_DEBUG`, `VS_FF_PRERELEASE`, ...).
    public var fileFlags: UInt32
    /// `dwFileOS` (`VOS_NT_WINDOWS32`, ...).
    public var fileOS: UInt32
    /// `dwFileType` (`VFT_APP` 1, `VFT_DLL` 2, ...).
    public var fileType: UInt32
    /// `dwFileSubtype`.
    public var fileSubtype: UInt32
    /// `dwFileDateMS`.
    public var fileDateMS: UInt32
    /// `dwFileDateLS`.
    public var fileDateLS: UInt32

    /// Creates a record from its 13 fields (all zero by default).
    public init(
        signature: UInt32 = 0, structVersion: UInt32 = 0, fileVersionMS: UInt32 = 0, fileVersionLS: UInt32 = 0,
        productVersionMS: UInt32 = 0, productVersionLS: UInt32 = 0, fileFlagsMask: UInt32 = 0,
        fileFlags: UInt32 = 0, fileOS: UInt32 = 0, fileType: UInt32 = 0, fileSubtype: UInt32 = 0,
        fileDateMS: UInt32 = 0, fileDateLS: UInt32 = 0
    ) {
        self.signature = signature
        self.structVersion = structVersion
        self.fileVersionMS = fileVersionMS
        self.fileVersionLS = fileVersionLS
        self.productVersionMS = productVersionMS
        self.productVersionLS = productVersionLS
        self.fileFlagsMask = fileFlagsMask
        self.fileFlags = fileFlags
        self.fileOS = fileOS
        self.fileType = fileType
        self.fileSubtype = fileSubtype
        self.fileDateMS = fileDateMS
        self.fileDateLS = fileDateLS
    }

    /// True when the signature is ``expectedSignature``.
    public var isValid: Bool { signature == Self.expectedSignature }

    /// The file version, or `nil` when the record is not valid.
    public var fileVersion: FileVersion? {
        isValid ? FileVersion(mostSignificant: fileVersionMS, leastSignificant: fileVersionLS) : nil
    }

    /// The product version, or `nil` when the record is not valid.
    public var productVersion: FileVersion? {
        isValid ? FileVersion(mostSignificant: productVersionMS, leastSignificant: productVersionLS) : nil
    }

    /// Reads the 52-byte record.
    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        self.init(
            signature: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwSignature"),
            structVersion: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwStrucVersion"),
            fileVersionMS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileVersionMS"),
            fileVersionLS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileVersionLS"),
            productVersionMS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwProductVersionMS"),
            productVersionLS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwProductVersionLS"),
            fileFlagsMask: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileFlagsMask"),
            fileFlags: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileFlags"),
            fileOS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileOS"),
            fileType: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileType"),
            fileSubtype: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileSubtype"),
            fileDateMS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileDateMS"),
            fileDateLS: try cursor.read(UInt32.self, "VS_FIXEDFILEINFO.dwFileDateLS"))
    }
}
