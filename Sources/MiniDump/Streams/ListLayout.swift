/// Where the entries of a plain `count`-prefixed list start, allowing for the 4 bytes of padding some
/// writers put after a 32-bit count (so that 64-bit fields are aligned).
enum ListLayout {
    /// Reads the 32-bit count at the start of `range` and returns it with the offset of the first
    /// entry: 4, or 8 when `4 + count × stride` is exactly 4 bytes short of the stream size.
    /// Throws `.invalidCount` when the entries cannot fit in the stream.
    static func plainList(
        reader: ByteReader, range: Range<Int>, stride: Int, stream: StreamType, _ what: String
    ) throws(MiniDumpError) -> (count: Int, firstEntry: Int) {
        var cursor = reader.cursor(over: range, stream: stream)
        let count = Int(try cursor.read(UInt32.self, "\(what) count"))
        let (product, overflow) = count.multipliedReportingOverflow(by: stride)
        var first = range.lowerBound + 4
        if !overflow, product <= Int.max - 8, product + 8 == range.count { first += 4 }
        let available = range.upperBound - first
        guard count <= available / stride else {
            throw MiniDumpError(
                .invalidCount, offset: UInt64(range.lowerBound), stream: stream,
                "\(what) count is \(count) entries of \(stride) bytes, but the stream holds only \(max(available, 0)) bytes after the count")
        }
        return (count, first)
    }
}
