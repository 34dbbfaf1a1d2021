import MiniDump

/// Builds the UnloadedModuleList stream: `MINIDUMP_UNLOADED_MODULE_LIST` (12-byte header:
/// `SizeOfHeader`, `SizeOfEntry`, `NumberOfEntries`) then 24-byte `MINIDUMP_UNLOADED_MODULE`
/// records, each with its name string.
public struct UnloadedModuleListBuilder: StreamEncoding {
    /// One `MINIDUMP_UNLOADED_MODULE`.
    public struct Module: Sendable, Hashable {
        /// Path of the image that was unloaded.
        public var name: String
        /// `BaseOfImage`.
        public var base: UInt64
        /// `SizeOfImage`.
        public var size: UInt32
        /// `CheckSum`.
        public var checksum: UInt32
        /// `TimeDateStamp`.
        public var timestamp: UInt32

        /// Creates an unloaded-module record.
        public init(name: String, base: UInt64, size: UInt32, checksum: UInt32 = 0, timestamp: UInt32 = 0) {
            self.name = name
            self.base = base
            self.size = size
            self.checksum = checksum
            self.timestamp = timestamp
        }
    }

    /// Always ``StreamType/unloadedModuleList``.
    public var streamType: StreamType { .unloadedModuleList }
    /// The modules, oldest first.
    public var modules: [Module]
    /// `SizeOfHeader` (12).
    public var headerSize: UInt32 = 12
    /// `SizeOfEntry` (24); a larger value pads each entry with zeros.
    public var entrySize: UInt32 = 24

    /// Creates an unloaded-module list.
    public init(modules: [Module]) { self.modules = modules }

    /// Appends the names, then returns the header and entries.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var writer = ByteWriter()
        writer.u32(headerSize)
        writer.u32(entrySize)
        writer.u32(UInt32(modules.count))
        writer.pad(to: Int(headerSize))
        for module in modules {
            let start = writer.count
            writer.u64(module.base)
            writer.u32(module.size)
            writer.u32(module.checksum)
            writer.u32(module.timestamp)
            writer.u32(builder.appendString(module.name))
            writer.pad(to: start + Int(entrySize))
        }
        return writer.bytes
    }
}
