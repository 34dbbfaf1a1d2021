import CZlib

/// One zlib inflate stream (gzip or raw deflate), released in `deinit`.
///
/// The `z_stream` lives on the heap because zlib keeps a pointer back to it between calls. Not
/// thread-safe; each decode owns its own inflater.
final class ZlibInflater {
    /// The outcome of one ``inflate(input:inputCount:output:outputCount:)`` call.
    struct Step {
        /// zlib's return code (`Z_OK`, `Z_STREAM_END`, `Z_BUF_ERROR`, `Z_DATA_ERROR`, ...).
        var status: Int32
        /// Input bytes consumed.
        var consumed: Int
        /// Output bytes written.
        var produced: Int
    }

    private let stream: UnsafeMutablePointer<z_stream>
    /// False when `inflateInit2` failed (out of memory or a zlib version mismatch).
    let isReady: Bool

    /// Starts an inflate stream: `windowBits` 15 + 16 reads gzip, -15 reads raw deflate.
    init(windowBits: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        isReady = inflateInit2_(stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if isReady { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// zlib's message about the last error, or a generic phrase.
    var message: String {
        guard let text = stream.pointee.msg else { return "invalid deflate data" }
        return String(cString: text)
    }

    /// Starts a new stream with the same settings; false when zlib refuses.
    func reset() -> Bool {
        inflateReset(stream) == Z_OK
    }

    /// Presets the sliding window (raw deflate only): the bytes the next block may refer back to.
    func setDictionary(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        guard let length = UInt32(exactly: count) else { return false }
        return inflateSetDictionary(stream, bytes.assumingMemoryBound(to: Bytef.self), length) == Z_OK
    }

    /// Runs `inflate` once over at most `inputCount` bytes into at most `outputCount` bytes.
    /// Counts above 4 GiB are clamped; the caller loops on the returned progress.
    func inflate(
        input: UnsafeRawPointer, inputCount: Int, output: UnsafeMutableRawPointer, outputCount: Int
    ) -> Step {
        guard isReady else { return Step(status: Z_STREAM_ERROR, consumed: 0, produced: 0) }
        let availableIn = UInt32(clamping: max(inputCount, 0))
        let availableOut = UInt32(clamping: max(outputCount, 0))
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = availableIn
        stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = availableOut
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = Int(availableIn - stream.pointee.avail_in)
        let produced = Int(availableOut - stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return Step(status: status, consumed: consumed, produced: produced)
    }
}
