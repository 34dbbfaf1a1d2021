import MiniDump

/// Builds the Exception stream: `MINIDUMP_EXCEPTION_STREAM`, 168 bytes — `ThreadId`, alignment,
/// `MINIDUMP_EXCEPTION` (code, flags, nested record address, exception address,
/// `NumberParameters`, alignment, 15 × u64 `ExceptionInformation`) and the location of the thread's
/// context at the exception.
public struct ExceptionBuilder: StreamEncoding {
    /// Always ``StreamType/exception``.
    public var streamType: StreamType { .exception }
    /// `ThreadId` of the thread that raised the exception.
    public var threadId: UInt32
    /// `ExceptionCode` (`0xC0000005`, or a signal number in Breakpad's Linux dumps).
    public var code: UInt32
    /// `ExceptionFlags` (1 = non-continuable; `si_code` in Breakpad's Linux dumps).
    public var flags: UInt32
    /// `ExceptionRecord`: address of a chained `EXCEPTION_RECORD`, usually 0.
    public var recordAddress: UInt64
    /// `ExceptionAddress`: where the exception happened.
    public var address: UInt64
    /// `ExceptionInformation`; at most 15 are written.
    public var parameters: [UInt64]
    /// Replaces the written `NumberParameters` (to claim more than 15).
    public var parameterCountOverride: UInt32?
    /// `ThreadContext`: the context at the exception, already appended to the file.
    public var context: WrittenLocation

    /// Creates an exception record.
    public init(
        threadId: UInt32, code: UInt32, flags: UInt32 = 0, recordAddress: UInt64 = 0, address: UInt64,
        parameters: [UInt64] = [], context: WrittenLocation
    ) {
        self.threadId = threadId
        self.code = code
        self.flags = flags
        self.recordAddress = recordAddress
        self.address = address
        self.parameters = parameters
        self.context = context
    }

    /// The 168 bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(threadId)
        writer.u32(0)
        writer.u32(code)
        writer.u32(flags)
        writer.u64(recordAddress)
        writer.u64(address)
        let written = Array(parameters.prefix(15))
        writer.u32(parameterCountOverride ?? UInt32(written.count))
        writer.u32(0)
        for index in 0..<15 { writer.u64(index < written.count ? written[index] : 0) }
        writer.location(context)
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
