/// The CrashpadInfo stream (0x43500001): Crashpad's report and client ids, the process's simple
/// annotations and each module's annotations. Mirrors `MinidumpCrashpadInfo` (52 bytes; 64 with
/// `address_mask`).
///
/// The stream's own structure must fit or decoding throws; the dictionaries and lists it points
/// at are followed leniently: one that does not fit in the file, or claims more entries than
/// its descriptor holds, is left empty and adds a diagnostic, and an unreadable string becomes
/// empty with a diagnostic.
public struct CrashpadInfoStream: Sendable {
    /// The structure's version (1 so far).
    public var version: UInt32
    /// The crash report's id; all zeros when none was assigned.
    public var reportID: CrashpadUUID
    /// The id of the Crashpad client (installation); all zeros when unknown.
    public var clientID: CrashpadUUID
    /// The process-wide key/value annotations (product, version, platform, ...), in file order.
    public var simpleAnnotations: [CrashpadSimpleAnnotation]
    /// Per-module annotations, in file order.
    public var modules: [CrashpadModuleInfo]
    /// The mask of pointer-authentication bits to strip from addresses (`address_mask`); `nil`
    /// when the stream predates the field (52 bytes).
    public var addressMask: UInt64?
    /// Dictionaries, lists and strings that could not be read.
    public var diagnostics: [DumpDiagnostic]

    /// The value of the first process-wide simple annotation called `key`, or `nil`.
    public func simpleAnnotation(_ key: String) -> String? {
        simpleAnnotations.first { $0.key == key }?.value
    }

    /// The Crashpad annotations of the module at `moduleIndex` in the ModuleList stream, or `nil`
    /// when Crashpad recorded none for it.
    public func module(atIndex moduleIndex: UInt32) -> CrashpadModuleInfo? {
        modules.first { $0.moduleIndex == moduleIndex }
    }

    init(parsing cursor: inout ByteCursor, reader: ByteReader) throws(MiniDumpError) {
        version = try cursor.read(UInt32.self, "MinidumpCrashpadInfo.version")
        reportID = CrashpadUUID(bytes: try cursor.readBytes(16, "MinidumpCrashpadInfo.report_id"))
        clientID = CrashpadUUID(bytes: try cursor.readBytes(16, "MinidumpCrashpadInfo.client_id"))
        let simple = try LocationDescriptor.read32(&cursor, "MinidumpCrashpadInfo.simple_annotations")
        let moduleList = try LocationDescriptor.read32(&cursor, "MinidumpCrashpadInfo.module_list")
        if cursor.remaining >= 12 {
            try cursor.skip(4, "MinidumpCrashpadInfo.reserved")
            addressMask = try cursor.read(UInt64.self, "MinidumpCrashpadInfo.address_mask")
        } else {
            addressMask = nil
        }
        var decoder = CrashpadDecoder(reader: reader)
        simpleAnnotations = decoder.dictionary(at: simple, "simple_annotations")
        modules = decoder.moduleList(at: moduleList)
        diagnostics = decoder.diagnostics
    }
}
