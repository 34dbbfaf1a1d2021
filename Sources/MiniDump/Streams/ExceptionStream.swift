/// The exception that caused the dump, and the thread it happened on.
/// Mirrors `MINIDUMP_EXCEPTION_STREAM` with its `MINIDUMP_EXCEPTION`.
public struct ExceptionStream: Sendable, Hashable {
    /// The id of the thread that raised the exception.
    public var threadId: UInt32
    /// The exception code (an NTSTATUS such as 0xC0000005, a POSIX signal, or a Mach exception).
    public var code: UInt32
    /// `ExceptionFlags` (1 = non-continuable).
    public var flags: UInt32
    /// The address of a nested `EXCEPTION_RECORD` in the process (usually 0).
    public var nestedRecord: UInt64
    /// The address of the faulting instruction (for an access violation, not the data address).
    public var address: UInt64
    /// `ExceptionInformation[0 ..< NumberParameters]`, at most 15 values.
    public var parameters: [UInt64]
    /// `NumberParameters` as recorded (may exceed 15 in a damaged dump).
    public var declaredParameterCount: UInt32
    /// Where the CPU context at the time of the exception is stored.
    public var contextLocation: LocationDescriptor
    /// Problems with single fields (a parameter count over 15).
    public var diagnostics: [DumpDiagnostic]

    /// The size of the stream on disk.
    static let size = 168

    init(reader: ByteReader, range: Range<Int>) throws(MiniDumpError) {
        let stream = StreamType.exception
        var cursor = reader.cursor(over: range, stream: stream)
        threadId = try cursor.read(UInt32.self, "ThreadId")
        _ = try cursor.read(UInt32.self, "__alignment")
        code = try cursor.read(UInt32.self, "ExceptionCode")
        flags = try cursor.read(UInt32.self, "ExceptionFlags")
        nestedRecord = try cursor.read(UInt64.self, "ExceptionRecord")
        address = try cursor.read(UInt64.self, "ExceptionAddress")
        let countOffset = cursor.offset
        declaredParameterCount = try cursor.read(UInt32.self, "NumberParameters")
        _ = try cursor.read(UInt32.self, "__unusedAlignment")
        var values = [UInt64]()
        for _ in 0..<15 { values.append(try cursor.read(UInt64.self, "ExceptionInformation")) }
        contextLocation = try LocationDescriptor.read32(&cursor, "ThreadContext")
        var diagnostics = [DumpDiagnostic]()
        if declaredParameterCount > 15 {
            diagnostics.append(DumpDiagnostic(
                stream: stream, offset: countOffset,
                "NumberParameters is \(declaredParameterCount), more than the 15 the record holds; 15 used"))
        }
        parameters = Array(values.prefix(Int(min(declaredParameterCount, 15))))
        self.diagnostics = diagnostics
    }
}

extension MiniDumpFile {
    /// The Exception stream (6), or `nil` when the dump has none (e.g. a dump taken on demand).
    public func exception() throws(MiniDumpError) -> ExceptionStream? {
        try cached("exception") { () throws(MiniDumpError) -> ExceptionStream? in
            guard let entry = entry(for: .exception) else { return nil }
            return try ExceptionStream(reader: reader, range: streamRange(entry))
        }
    }
}
