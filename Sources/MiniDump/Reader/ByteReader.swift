/// Random-access, bounds-checked reads of little-endian values from a dump's bytes.
///
/// Every read checks its byte range once (with overflow-checked arithmetic on the file-supplied
/// offset and length) and then performs an unaligned load. This is the only type that loads from
/// the raw storage. Copies are cheap: it shares the storage object.
struct ByteReader: Sendable {
    let storage: ByteStorage

    init(storage: ByteStorage) {
        self.storage = storage
    }

    init(copying bytes: some Collection<UInt8>) {
        self.storage = ByteStorage(copying: bytes)
    }

    /// The number of bytes in the file.
    var count: Int { storage.count }

    // MARK: Range checks

    /// The in-file range `offset ..< offset + length`, or `nil` when it does not fit.
    func range(offset: UInt64, length: UInt64) -> Range<Int>? {
        let (end, overflow) = offset.addingReportingOverflow(length)
        guard !overflow, end <= UInt64(count) else { return nil }
        guard let start = Int(exactly: offset), let stop = Int(exactly: end) else { return nil }
        return start..<stop
    }

    /// The in-file range `offset ..< offset + length`, or a ``MiniDumpError/Kind/truncated`` error
    /// that names `what` and the numbers.
    func checkedRange(
        offset: UInt64, length: UInt64, stream: StreamType? = nil, _ what: @autoclosure () -> String
    ) throws(MiniDumpError) -> Range<Int> {
        guard let range = range(offset: offset, length: length) else {
            throw MiniDumpError(
                .truncated, offset: offset, stream: stream,
                "\(what()) needs \(length) bytes at \(Hex.format(offset)) but the file has \(count) bytes")
        }
        return range
    }

    /// A count × stride table starting at `offset`, checked against the file before anything is
    /// allocated; throws ``MiniDumpError/Kind/invalidCount`` when it cannot fit.
    func checkedTable(
        offset: UInt64, count entries: UInt64, stride: UInt64, stream: StreamType? = nil,
        _ what: @autoclosure () -> String
    ) throws(MiniDumpError) -> Range<Int> {
        let (length, overflow) = entries.multipliedReportingOverflow(by: stride)
        guard !overflow, let range = range(offset: offset, length: length) else {
            let available = offset < UInt64(count) ? UInt64(count) - offset : 0
            throw MiniDumpError(
                .invalidCount, offset: offset, stream: stream,
                "\(what()) claims \(entries) entries of \(stride) bytes, but only \(available) bytes remain")
        }
        return range
    }

    // MARK: Loads

    /// Loads a little-endian integer at `offset`; the caller has checked the range.
    @inline(__always)
    func loadUnchecked<T: FixedWidthInteger>(_: T.Type = T.self, at offset: Int) -> T {
        guard let base = storage.base else { return 0 }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// Loads a little-endian integer at `offset`, or `nil` when it lies outside the file.
    @inline(__always)
    func value<T: FixedWidthInteger>(_: T.Type = T.self, at offset: UInt64) -> T? {
        guard let range = range(offset: offset, length: UInt64(MemoryLayout<T>.size)) else { return nil }
        return loadUnchecked(T.self, at: range.lowerBound)
    }

    /// Loads a little-endian integer at `offset`, or throws ``MiniDumpError/Kind/truncated``.
    @inline(__always)
    func checkedValue<T: FixedWidthInteger>(
        _: T.Type = T.self, at offset: UInt64, stream: StreamType? = nil, _ what: @autoclosure () -> String
    ) throws(MiniDumpError) -> T {
        let range = try checkedRange(offset: offset, length: UInt64(MemoryLayout<T>.size), stream: stream, what())
        return loadUnchecked(T.self, at: range.lowerBound)
    }

    /// A copy of the bytes in `range` (already checked).
    func bytes(in range: Range<Int>) -> [UInt8] {
        guard let base = storage.base, !range.isEmpty,
              range.lowerBound >= 0, range.upperBound <= count
        else { return [] }
        return Array(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Calls `body` with the bytes in `range`; an empty or out-of-file range gives an empty buffer.
    func withBytes<R>(in range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard let base = storage.base, !range.isEmpty,
              range.lowerBound >= 0, range.upperBound <= count
        else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// A moving cursor over `range`, which the caller has checked.
    func cursor(over range: Range<Int>, stream: StreamType? = nil) -> ByteCursor {
        ByteCursor(reader: self, position: range.lowerBound, end: range.upperBound, stream: stream)
    }
}
