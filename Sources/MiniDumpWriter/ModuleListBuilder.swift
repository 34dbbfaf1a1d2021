import MiniDump

/// Builds the ModuleList stream: `MINIDUMP_MODULE_LIST`, a 32-bit count then 108-byte
/// `MINIDUMP_MODULE` records, each with its name (`MINIDUMP_STRING`), `VS_FIXEDFILEINFO` and
/// CodeView record; optionally with 4 bytes of padding after the count.
public struct ModuleListBuilder: StreamEncoding {
    /// One loaded module.
    public struct Module: Sendable, Hashable {
        /// Full path of the image; becomes the `MINIDUMP_STRING` at `ModuleNameRva`.
        public var name: String
        /// `BaseOfImage`.
        public var base: UInt64
        /// `SizeOfImage`.
        public var size: UInt32
        /// `CheckSum` from the PE header.
        public var checksum: UInt32
        /// `TimeDateStamp` from the PE header.
        public var timestamp: UInt32
        /// `VersionInfo`; `nil` writes 52 zero bytes (no version resource).
        public var versionInfo: VersionInfo?
        /// The record `CvRecord` points to; `nil` writes an empty location.
        public var codeView: CodeView?
        /// The `IMAGE_DEBUG_MISC` bytes `MiscRecord` points to; `nil` writes an empty location.
        public var miscRecord: [UInt8]?
        /// Replaces the written `ModuleNameRva` (to point it past the end of the file).
        public var nameRvaOverride: UInt32?
        /// Replaces the written `CvRecord` location.
        public var codeViewLocationOverride: WrittenLocation?

        /// Creates a module.
        public init(
            name: String, base: UInt64, size: UInt32, checksum: UInt32 = 0, timestamp: UInt32 = 0,
            versionInfo: VersionInfo? = nil, codeView: CodeView? = nil, miscRecord: [UInt8]? = nil
        ) {
            self.name = name
            self.base = base
            self.size = size
            self.checksum = checksum
            self.timestamp = timestamp
            self.versionInfo = versionInfo
            self.codeView = codeView
            self.miscRecord = miscRecord
        }

        /// Appends the name, CodeView and misc records, then returns the 108-byte `MINIDUMP_MODULE`.
        public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
            let nameRva = nameRvaOverride ?? builder.appendString(name)
            let cv = codeViewLocationOverride ?? codeView.map { builder.appendLocation($0.bytes) } ?? .none
            let misc = miscRecord.map { builder.appendLocation($0) } ?? .none
            var writer = ByteWriter()
            writer.u64(base)
            writer.u32(size)
            writer.u32(checksum)
            writer.u32(timestamp)
            writer.u32(nameRva)
            if let versionInfo { writer.append(versionInfo.bytes) } else { writer.zeros(VersionInfo.size) }
            writer.location(cv)
            writer.location(misc)
            writer.u64(0)
            writer.u64(0)
            return writer.bytes
        }
    }

    /// Always ``StreamType/moduleList``.
    public var streamType: StreamType { .moduleList }
    /// The modules, in order.
    public var modules: [Module]
    /// Writes 4 zero bytes after the count, so records start at offset 8.
    public var paddedCount: Bool
    /// Replaces the written count.
    public var countOverride: UInt32?

    /// Creates a module list.
    public init(modules: [Module], paddedCount: Bool = false, countOverride: UInt32? = nil) {
        self.modules = modules
        self.paddedCount = paddedCount
        self.countOverride = countOverride
    }

    /// Appends every module's strings and records, then returns the list.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var writer = ByteWriter()
        writer.u32(countOverride ?? UInt32(modules.count))
        if paddedCount { writer.u32(0) }
        for module in modules { writer.append(module.encode(into: &builder)) }
        return writer.bytes
    }
}
