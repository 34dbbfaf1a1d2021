/// A module (executable or shared library) loaded in the crashed process, from the ModuleList
/// stream. Mirrors `MINIDUMP_MODULE` with its name and CodeView record resolved.
///
/// A module whose name or CodeView record could not be read is still listed, with an empty
/// ``path`` or a `nil` ``codeView``; the stream's diagnostics say why.
public struct DumpModule: Sendable, Hashable {
    /// The size of one `MINIDUMP_MODULE` on disk.
    public static let stride = 108

    /// The module's position in the ModuleList stream.
    public var index: Int
    /// The module's path exactly as recorded (`C:\Windows\System32\ntdll.dll`, `/usr/lib/libc.so.6`);
    /// empty when the name could not be read.
    public var path: String {
        didSet { name = ModulePath.fileName(of: path) }
    }
    /// The last component of ``path``, splitting on both `\` and `/` (`ntdll.dll`); empty when the
    /// path is empty or ends with a separator. Kept with the path: every report, walker and
    /// listing asks for it, and cutting it out of the path each time cost a string a module and
    /// a call (docs/performance.md).
    public private(set) var name: String
    /// Where the image starts in the crashed process (`BaseOfImage`).
    public var baseAddress: UInt64
    /// The image's size in bytes (`SizeOfImage`).
    public var size: UInt64
    /// The PE checksum from the image header (`CheckSum`); zero when the writer had none.
    public var checksum: UInt32
    /// The image's link time in seconds since 1970 (`TimeDateStamp`); zero for most non-PE modules.
    public var timestamp: UInt32
    /// The file offset of the module's `MINIDUMP_STRING` name (`ModuleNameRva`).
    public var nameRva: UInt32
    /// The version resource (`VersionInfo`), zeroed when the writer had none.
    public var versionInfo: FixedFileInfo
    /// The decoded CodeView record, or `nil` when there is none or it could not be read.
    public var codeView: CodeViewRecord?
    /// Where the CodeView record lies in the file (`CvRecord`).
    public var codeViewLocation: LocationDescriptor
    /// Where the miscellaneous debug record lies in the file (`MiscRecord`); rarely used.
    public var miscRecordLocation: LocationDescriptor

    /// Creates a module from its parts.
    public init(
        index: Int, path: String, baseAddress: UInt64, size: UInt64, checksum: UInt32 = 0, timestamp: UInt32 = 0,
        nameRva: UInt32 = 0, versionInfo: FixedFileInfo = FixedFileInfo(), codeView: CodeViewRecord? = nil,
        codeViewLocation: LocationDescriptor = LocationDescriptor(size: 0, rva: 0),
        miscRecordLocation: LocationDescriptor = LocationDescriptor(size: 0, rva: 0)
    ) {
        self.index = index
        self.path = path
        self.name = ModulePath.fileName(of: path)
        self.baseAddress = baseAddress
        self.size = size
        self.checksum = checksum
        self.timestamp = timestamp
        self.nameRva = nameRva
        self.versionInfo = versionInfo
        self.codeView = codeView
        self.codeViewLocation = codeViewLocation
        self.miscRecordLocation = miscRecordLocation
    }

    /// One past the image's last byte, saturating at `UInt64.max` when the image would extend past
    /// the top of the address space.
    public var endAddress: UInt64 { ModulePath.end(base: baseAddress, size: size) }

    /// True when `address` lies inside the image (`baseAddress ≤ address < baseAddress + size`,
    /// computed without overflow); always false for an empty image.
    public func contains(_ address: UInt64) -> Bool {
        address >= baseAddress && address - baseAddress < size
    }

    /// The file version from ``versionInfo``, or `nil` when its signature is not 0xFEEF04BD.
    public var fileVersion: FileVersion? { versionInfo.fileVersion }

    /// The product version from ``versionInfo``, or `nil` when its signature is not 0xFEEF04BD.
    public var productVersion: FileVersion? { versionInfo.productVersion }
}

/// Helpers shared by loaded and unloaded modules.
enum ModulePath {
    /// The text after the last `\` or `/`.
    static func fileName(of path: String) -> String {
        // On the UTF-8 bytes: the separators are ASCII, and walking `Character`s backwards made
        // module names a visible part of a scan's cost (docs/performance.md). The bytes after the
        // separator are whole characters, so they are copied as they are.
        var path = path
        return path.withUTF8 { bytes in
            var start = bytes.count
            while start > 0, bytes[start - 1] != UInt8(ascii: "\\"), bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            guard start > 0 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        } ?? path
    }

    /// `base + size`, saturating at `UInt64.max`.
    static func end(base: UInt64, size: UInt64) -> UInt64 {
        let (end, overflow) = base.addingReportingOverflow(size)
        return overflow ? UInt64.max : end
    }

    /// The inclusive last address of `[base, base + size)`, clamped to `UInt64.max`; `nil` when empty.
    static func last(base: UInt64, size: UInt64) -> UInt64? {
        guard size > 0 else { return nil }
        let (last, overflow) = base.addingReportingOverflow(size - 1)
        return overflow ? UInt64.max : last
    }

    /// True when `[base, base + size)` runs past the top of the 64-bit address space.
    static func wraps(base: UInt64, size: UInt64) -> Bool {
        size > 0 && base.addingReportingOverflow(size - 1).overflow
    }
}
