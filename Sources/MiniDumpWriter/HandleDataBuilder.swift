import MiniDump

/// Builds the HandleData stream: `MINIDUMP_HANDLE_DATA_STREAM` (16-byte header: `SizeOfHeader`,
/// `SizeOfDescriptor`, `NumberOfDescriptors`, `Reserved`) then 32-byte `MINIDUMP_HANDLE_DESCRIPTOR`
/// or 40-byte `MINIDUMP_HANDLE_DESCRIPTOR_2` records, with their type and object names as
/// `MINIDUMP_STRING`s.
public struct HandleDataBuilder: StreamEncoding {
    /// One `MINIDUMP_HANDLE_OBJECT_INFORMATION` block (descriptor version 2 only).
    public struct ObjectInfo: Sendable, Hashable {
        /// `InfoType` (`MINIDUMP_HANDLE_OBJECT_INFORMATION_TYPE`: 1 thread, 2 mutant, 4 process, ...).
        public var infoType: UInt32
        /// The raw information that follows the 12-byte header.
        public var data: [UInt8]
        /// Creates an object-information block.
        public init(infoType: UInt32, data: [UInt8]) {
            self.infoType = infoType
            self.data = data
        }
    }

    /// One handle.
    public struct Handle: Sendable, Hashable {
        /// `Handle` value.
        public var handle: UInt64
        /// Object type name (`File`, `Event`, `Key`, ...); `nil` writes RVA 0.
        public var typeName: String?
        /// Object name; `nil` writes RVA 0.
        public var objectName: String?
        /// `Attributes`.
        public var attributes: UInt32
        /// `GrantedAccess`.
        public var grantedAccess: UInt32
        /// `HandleCount`.
        public var handleCount: UInt32
        /// `PointerCount`.
        public var pointerCount: UInt32
        /// The `ObjectInfoRva` chain (descriptor version 2); empty writes RVA 0.
        public var objectInfo: [ObjectInfo]

        /// Creates a handle descriptor.
        public init(
            handle: UInt64, typeName: String?, objectName: String? = nil, attributes: UInt32 = 0,
            grantedAccess: UInt32 = 0, handleCount: UInt32 = 1, pointerCount: UInt32 = 1,
            objectInfo: [ObjectInfo] = []
        ) {
            self.handle = handle
            self.typeName = typeName
            self.objectName = objectName
            self.attributes = attributes
            self.grantedAccess = grantedAccess
            self.handleCount = handleCount
            self.pointerCount = pointerCount
            self.objectInfo = objectInfo
        }
    }

    /// Always ``StreamType/handleData``.
    public var streamType: StreamType { .handleData }
    /// The handles, in order.
    public var handles: [Handle]
    /// Writes 40-byte `MINIDUMP_HANDLE_DESCRIPTOR_2` records (true) or 32-byte version-1 ones.
    public var version2: Bool

    /// Creates a handle list.
    public init(handles: [Handle], version2: Bool = true) {
        self.handles = handles
        self.version2 = version2
    }

    /// Appends names and object information, then returns the header and descriptors.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var writer = ByteWriter()
        writer.u32(16)
        writer.u32(version2 ? 40 : 32)
        writer.u32(UInt32(handles.count))
        writer.u32(0)
        for handle in handles {
            let typeRva = handle.typeName.map { builder.appendString($0) } ?? 0
            let objectRva = handle.objectName.map { builder.appendString($0) } ?? 0
            writer.u64(handle.handle)
            writer.u32(typeRva)
            writer.u32(objectRva)
            writer.u32(handle.attributes)
            writer.u32(handle.grantedAccess)
            writer.u32(handle.handleCount)
            writer.u32(handle.pointerCount)
            if version2 {
                writer.u32(Self.appendObjectInfo(handle.objectInfo, into: &builder))
                writer.u32(0)
            }
        }
        return writer.bytes
    }

    /// Appends the chain last to first so each block can name the next; returns the first's RVA.
    static func appendObjectInfo(_ chain: [ObjectInfo], into builder: inout MiniDumpBuilder) -> UInt32 {
        var next: UInt32 = 0
        for info in chain.reversed() {
            var block = ByteWriter()
            block.u32(next)
            block.u32(info.infoType)
            block.u32(UInt32(info.data.count))
            block.append(info.data)
            next = builder.append(block.bytes)
        }
        return next
    }
}
