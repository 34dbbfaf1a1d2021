/// One open handle of the dumped process. Mirrors `MINIDUMP_HANDLE_DESCRIPTOR` (32 bytes) and
/// `MINIDUMP_HANDLE_DESCRIPTOR_2` (40 bytes, adding `ObjectInfoRva`).
public struct HandleDescriptor: Sendable, Hashable {
    /// The handle value.
    public var handle: UInt64
    /// The object's type name (`Event`, `File`, `Key`, ...), or `nil` when none was recorded
    /// (`TypeNameRva` 0) or it could not be read (a diagnostic then says why).
    public var typeName: String?
    /// The object's name (a path, registry key, ...), or `nil` when none was recorded or it could
    /// not be read.
    public var objectName: String?
    /// The handle's attributes (`OBJ_INHERIT` 0x2, ...).
    public var attributes: UInt32
    /// The access mask granted to the handle.
    public var grantedAccess: UInt32
    /// The number of handles open to the object.
    public var handleCount: UInt32
    /// The number of kernel references to the object.
    public var pointerCount: UInt32
    /// The file offset of the first object-information block, or `nil` for a version 1
    /// descriptor or an `ObjectInfoRva` of 0.
    public var objectInfoRva: UInt32?
    /// The object-information blocks, following the chain from ``objectInfoRva``; empty when
    /// there are none. A broken chain keeps the blocks read so far and adds a diagnostic.
    public var objectInfo: [HandleObjectInfo]
}
