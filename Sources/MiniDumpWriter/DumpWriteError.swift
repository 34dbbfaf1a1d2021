/// An error writing a dump to disk: which operation failed, at which file offset, and the system's
/// `errno` for it.
public struct DumpWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed (`open`, `write`, `truncate`, `close`).
    public var operation: String
    /// The path being written, or `nil` when writing to a caller's file descriptor.
    public var path: String?
    /// The file offset of the failed write (0 for the other operations).
    public var offset: UInt64
    /// The `errno` value reported by the system (0 for a short write).
    public var errno: Int32

    /// Creates an error.
    public init(operation: String, path: String?, offset: UInt64, errno: Int32) {
        self.operation = operation
        self.path = path
        self.offset = offset
        self.errno = errno
    }

    /// One line: `write failed at offset 0x1000 of /tmp/a.dmp (errno 28)`.
    public var description: String {
        "\(operation) failed at offset 0x\(String(offset, radix: 16, uppercase: true))"
            + (path.map { " of \($0)" } ?? "") + " (errno \(errno))"
    }
}
