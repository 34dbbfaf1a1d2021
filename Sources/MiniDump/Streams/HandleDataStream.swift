/// The HandleData stream (type 12): the process's open handles.
/// Mirrors `MINIDUMP_HANDLE_DATA_STREAM` followed by `MINIDUMP_HANDLE_DESCRIPTOR(_2)` entries.
///
/// Entries stride by the stream's own `SizeOfDescriptor`; descriptors of 40 bytes or more carry
/// `ObjectInfoRva`.
public struct HandleDataStream: Sendable {
    /// The header's `SizeOfHeader`.
    public var sizeOfHeader: UInt32
    /// The header's `SizeOfDescriptor`: 32 for version 1 descriptors, 40 for version 2.
    public var sizeOfDescriptor: UInt32
    /// Every handle, in file order.
    public var handles: [HandleDescriptor]
    /// Names and object-information blocks that could not be read (the handle is kept).
    public var diagnostics: [DumpDiagnostic]

    /// The descriptor of handle value `handle`, or `nil` when the stream has none.
    public func descriptor(forHandle handle: UInt64) -> HandleDescriptor? {
        handles.first { $0.handle == handle }
    }

    /// The most object-information blocks followed for one handle.
    static let maxObjectInfoBlocks = 64

    init(parsing cursor: inout ByteCursor, reader: ByteReader) throws(MiniDumpError) {
        sizeOfHeader = try cursor.read(UInt32.self, "MINIDUMP_HANDLE_DATA_STREAM.SizeOfHeader")
        sizeOfDescriptor = try cursor.read(UInt32.self, "MINIDUMP_HANDLE_DATA_STREAM.SizeOfDescriptor")
        let count = try cursor.read(UInt32.self, "MINIDUMP_HANDLE_DATA_STREAM.NumberOfDescriptors")
        guard sizeOfHeader >= 16 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start), stream: .handleData,
                "MINIDUMP_HANDLE_DATA_STREAM.SizeOfHeader is \(sizeOfHeader), less than its 16 bytes")
        }
        guard let stride = Int(exactly: sizeOfDescriptor), stride >= 32 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 4), stream: .handleData,
                "MINIDUMP_HANDLE_DATA_STREAM.SizeOfDescriptor is \(sizeOfDescriptor), less than the 32 bytes of MINIDUMP_HANDLE_DESCRIPTOR")
        }
        try cursor.seek(toWindowOffset: UInt64(sizeOfHeader), "MINIDUMP_HANDLE_DATA_STREAM.SizeOfHeader")
        let entryCount = try cursor.checkedEntryCount(UInt64(count), stride: stride, "MINIDUMP_HANDLE_DATA_STREAM")
        var handles = [HandleDescriptor]()
        handles.reserveCapacity(entryCount)
        var diagnostics = [DumpDiagnostic]()
        var budget = ReferenceBudget(reader: reader)
        for index in 0..<entryCount {
            var record = try cursor.subCursor(stride, "MINIDUMP_HANDLE_DESCRIPTOR \(index)")
            let handle = try record.read(UInt64.self, "MINIDUMP_HANDLE_DESCRIPTOR.Handle")
            let typeNameRva = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.TypeNameRva")
            let objectNameRva = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.ObjectNameRva")
            let attributes = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.Attributes")
            let grantedAccess = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.GrantedAccess")
            let handleCount = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.HandleCount")
            let pointerCount = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR.PointerCount")
            var objectInfoRva: UInt32?
            if stride >= 40 {
                let rva = try record.read(UInt32.self, "MINIDUMP_HANDLE_DESCRIPTOR_2.ObjectInfoRva")
                objectInfoRva = rva == 0 ? nil : rva
            }
            let label = "handle \(Hex.format(handle))"
            let typeName = reader.minidumpStringOrDiagnostic(
                at: UInt64(typeNameRva), stream: .handleData, field: "type name of \(label)",
                budget: &budget, into: &diagnostics)
            let objectName = reader.minidumpStringOrDiagnostic(
                at: UInt64(objectNameRva), stream: .handleData, field: "object name of \(label)",
                budget: &budget, into: &diagnostics)
            let objectInfo = objectInfoRva.map {
                Self.objectInfoChain(from: $0, reader: reader, label: label, budget: &budget, into: &diagnostics)
            } ?? []
            handles.append(HandleDescriptor(
                handle: handle, typeName: typeName, objectName: objectName, attributes: attributes,
                grantedAccess: grantedAccess, handleCount: handleCount, pointerCount: pointerCount,
                objectInfoRva: objectInfoRva, objectInfo: objectInfo))
        }
        self.handles = handles
        self.diagnostics = diagnostics
    }

    /// Follows `NextInfoRva` links from `first`, stopping at 0, at a block already seen, after
    /// ``maxObjectInfoBlocks`` blocks, or at a block that does not fit in the file.
    static func objectInfoChain(
        from first: UInt32, reader: ByteReader, label: String, budget: inout ReferenceBudget,
        into diagnostics: inout [DumpDiagnostic]
    ) -> [HandleObjectInfo] {
        var blocks = [HandleObjectInfo]()
        var seen = Set<UInt32>()
        var next = first
        while next != 0 {
            guard seen.insert(next).inserted else {
                diagnostics.append(DumpDiagnostic(
                    stream: .handleData, offset: UInt64(next),
                    "object information of \(label) loops back to \(Hex.format(next))"))
                break
            }
            guard blocks.count < maxObjectInfoBlocks else {
                diagnostics.append(DumpDiagnostic(
                    stream: .handleData, offset: UInt64(next),
                    "object information of \(label) has more than \(maxObjectInfoBlocks) blocks; the rest are ignored"))
                break
            }
            do {
                let at = UInt64(next)
                let following = try reader.checkedValue(UInt32.self, at: at, stream: .handleData, "NextInfoRva")
                let type = try reader.checkedValue(UInt32.self, at: at + 4, stream: .handleData, "InfoType")
                let size = try reader.checkedValue(UInt32.self, at: at + 8, stream: .handleData, "SizeOfInfo")
                let range = try reader.checkedRange(
                    offset: at + 12, length: UInt64(size), stream: .handleData, "object information data")
                guard budget.spend(range.count, stream: .handleData, offset: at + 12, into: &diagnostics) else { break }
                blocks.append(HandleObjectInfo(
                    type: HandleObjectInfoType(type), bytes: reader.bytes(in: range), rva: next))
                next = following
            } catch {
                diagnostics.append(DumpDiagnostic(
                    stream: .handleData, offset: UInt64(next),
                    "object information of \(label) at \(Hex.format(next)) is unreadable: \(error.detail)"))
                break
            }
        }
        return blocks
    }
}
