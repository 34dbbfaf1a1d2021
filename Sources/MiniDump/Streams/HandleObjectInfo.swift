/// One block of object-specific data attached to a handle (a mutant's owner, a thread's start
/// address, ...). Mirrors `MINIDUMP_HANDLE_OBJECT_INFORMATION` and the raw data after it, whose
/// layout Windows does not document.
public struct HandleObjectInfo: Sendable, Hashable {
    /// What the data describes (`InfoType`).
    public var type: HandleObjectInfoType
    /// The raw data after the 12-byte header (`SizeOfInfo` bytes).
    public var bytes: [UInt8]
    /// The file offset of the block's header.
    public var rva: UInt32
}
