/// A context record's bytes in the file, checked once against the fixed size of the layout being
/// decoded; the loads after that check need no further bounds checks.
struct ContextRecord {
    let reader: ByteReader
    let range: Range<Int>

    /// Checks that `range` (already inside the file) holds at least `layoutSize` bytes; throws
    /// ``MiniDumpError/Kind/truncated`` at the offset where the record ends otherwise.
    init(
        reader: ByteReader, range: Range<Int>, layoutSize: Int, layoutName: String, stream: StreamType?
    ) throws(MiniDumpError) {
        guard range.lowerBound >= 0, range.upperBound <= reader.count else {
            throw MiniDumpError(
                .truncated, offset: UInt64(max(range.lowerBound, 0)), stream: stream,
                "\(layoutName) at \(Hex.format(max(range.lowerBound, 0))) lies outside the \(reader.count)-byte file")
        }
        guard range.count >= layoutSize else {
            throw MiniDumpError(
                .truncated, offset: UInt64(range.upperBound), stream: stream,
                "\(layoutName) needs \(layoutSize) bytes but the context record at \(Hex.format(range.lowerBound)) has \(range.count)")
        }
        self.reader = reader
        self.range = range
    }

    /// Bytes after the fixed layout (XSAVE state and the like).
    func trailingBytes(after layoutSize: Int) -> Int { max(0, range.count - layoutSize) }

    /// A little-endian value at `offset` from the record's start; `offset` + its size must lie
    /// inside the checked layout size.
    @inline(__always)
    func load<T: FixedWidthInteger>(_: T.Type, _ offset: Int) -> T {
        reader.loadUnchecked(T.self, at: range.lowerBound + offset)
    }

    func u16(_ offset: Int) -> UInt64 { UInt64(load(UInt16.self, offset)) }
    func u32(_ offset: Int) -> UInt64 { UInt64(load(UInt32.self, offset)) }
    func u64(_ offset: Int) -> UInt64 { load(UInt64.self, offset) }
}
