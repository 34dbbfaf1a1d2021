/// A moving reader over a checked window of the file: each `read…` consumes bytes and throws
/// ``MiniDumpError/Kind/truncated`` (with the file offset) when the window is exhausted.
///
/// The window is a slice of the shared storage; nothing is copied.
struct ByteCursor: Sendable {
    let reader: ByteReader
    /// The file offset of the next byte to read.
    private(set) var position: Int
    /// The file offset of the window's first byte.
    let start: Int
    /// The file offset one past the window.
    let end: Int
    /// The stream being decoded, for error messages.
    let stream: StreamType?

    init(reader: ByteReader, position: Int, end: Int, stream: StreamType?) {
        self.reader = reader
        self.position = position
        self.start = position
        self.end = max(position, end)
        self.stream = stream
    }

    /// Bytes left in the window.
    var remaining: Int { end - position }

    /// The file offset of the next byte, as the unsigned value errors carry.
    var offset: UInt64 { UInt64(position) }

    private mutating func take(_ size: Int, _ what: @autoclosure () -> String) throws(MiniDumpError) -> Int {
        guard size >= 0, size <= remaining else {
            throw MiniDumpError(
                .truncated, offset: UInt64(position), stream: stream,
                "\(what()) needs \(size) bytes but \(remaining) remain")
        }
        let start = position
        position += size
        return start
    }

    /// Reads a little-endian integer.
    @inline(__always)
    mutating func read<T: FixedWidthInteger>(
        _: T.Type = T.self, _ what: @autoclosure () -> String = "field"
    ) throws(MiniDumpError) -> T {
        let at = try take(MemoryLayout<T>.size, what())
        return reader.loadUnchecked(T.self, at: at)
    }

    /// Reads `count` raw bytes (a copy).
    mutating func readBytes(_ count: Int, _ what: @autoclosure () -> String = "bytes") throws(MiniDumpError) -> [UInt8] {
        let at = try take(count, what())
        return reader.bytes(in: at..<(at + count))
    }

    /// Skips `count` bytes.
    mutating func skip(_ count: Int, _ what: @autoclosure () -> String = "bytes") throws(MiniDumpError) {
        _ = try take(count, what())
    }

    /// Moves to a file offset inside the window (`start...end`).
    mutating func seek(to offset: Int) throws(MiniDumpError) {
        guard offset >= start, offset <= end else {
            throw MiniDumpError(.truncated, offset: UInt64(max(offset, 0)), stream: stream, "seek past the end of the window")
        }
        position = offset
    }

    /// A sub-cursor over the next `count` bytes, which are consumed from this one.
    mutating func subCursor(_ count: Int, _ what: @autoclosure () -> String = "record") throws(MiniDumpError) -> ByteCursor {
        let at = try take(count, what())
        return ByteCursor(reader: reader, position: at, end: at + count, stream: stream)
    }
}
