import MiniDump

/// A stream that can lay itself out in a ``MiniDumpBuilder``: first the data it refers to
/// (strings, contexts, memory), then its own bytes under one directory entry.
///
/// Every typed builder in this module (``SystemInfoBuilder``, ``ModuleListBuilder``, ...) conforms;
/// add one to a dump with ``MiniDumpBuilder/add(_:)`` or list it in ``DumpScene/extraStreams``.
public protocol StreamEncoding: Sendable {
    /// The directory type the stream is recorded under.
    var streamType: StreamType { get }

    /// Appends the data the stream refers to into `builder` and returns the stream's own bytes,
    /// without recording a directory entry.
    func encode(into builder: inout MiniDumpBuilder) -> [UInt8]

    /// Lays the stream out in `builder`, records its directory entry and returns its RVA.
    ///
    /// The default implementation adds the result of ``encode(into:)`` under ``streamType``.
    @discardableResult
    func write(into builder: inout MiniDumpBuilder) -> UInt32
}

extension StreamEncoding {
    /// Adds the result of ``encode(into:)`` under ``streamType`` and returns the stream's RVA.
    @discardableResult
    public func write(into builder: inout MiniDumpBuilder) -> UInt32 {
        let bytes = encode(into: &builder)
        return builder.addStream(streamType, bytes)
    }
}
