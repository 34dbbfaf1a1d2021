import CZlib

/// Inflates a gzip file (RFC 1952), one or more members, into memory.
///
/// zlib reads each member's header and checks its trailer (CRC-32 and ISIZE). Errors carry the
/// offset in the compressed file where zlib stopped.
enum GzipDecoder {
    /// The largest expansion deflate can achieve (about 1032:1), used to keep a size hint honest.
    private static let maxRatio = 1032

    /// Inflates the whole of `reader`, which starts with the gzip magic.
    static func decode(_ reader: ByteReader, limits: DecompressionLimits) throws(MiniDumpError) -> ByteStorage {
        let result = reader.withBytes(in: 0..<reader.count) { input in
            Result { () throws(MiniDumpError) in try inflate(input, limits: limits) }
        }
        return try result.get()
    }

    /// A first allocation: the last member's ISIZE when plausible, else four times the input.
    private static func sizeHint(_ input: UnsafeRawBufferPointer, limit: Int) -> Int {
        let total = input.count
        let (ceiling, overflow) = total.multipliedReportingOverflow(by: maxRatio)
        let plausible = overflow ? limit : min(limit, ceiling + 64 * 1024)
        if total >= 18 {
            let isize = input.loadUnaligned(fromByteOffset: total - 4, as: UInt32.self).littleEndian
            if isize > 0, let size = Int(exactly: isize) { return min(size, plausible) }
        }
        let (guess, guessOverflow) = total.multipliedReportingOverflow(by: 4)
        return guessOverflow ? plausible : min(guess, plausible)
    }

    private static func inflate(
        _ input: UnsafeRawBufferPointer, limits: DecompressionLimits
    ) throws(MiniDumpError) -> ByteStorage {
        let total = input.count
        guard let base = input.baseAddress, total >= 2 else {
            throw MiniDumpError(.truncated, offset: UInt64(total), "gzip file has \(total) bytes, less than its header")
        }
        let inflater = ZlibInflater(windowBits: 15 + 16)
        guard inflater.isReady else {
            throw MiniDumpError(.io, offset: 0, "zlib could not start an inflate stream")
        }
        let limit = max(limits.maxDecompressedBytes, 0)
        let output = InflateOutput(initialCapacity: sizeHint(input, limit: limit), limit: limit)
        let spare = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        defer { spare.deallocate() }
        var position = 0
        var member = 0
        while true {
            try inflateMember(inflater, base: base, total: total, position: &position, output: output, spare: spare)
            member += 1
            if position >= total { break }
            let rest = UnsafeRawBufferPointer(rebasing: input[position...])
            if rest.count >= 2, rest[0] == 0x1F, rest[1] == 0x8B {
                guard inflater.reset() else {
                    throw MiniDumpError(.io, offset: UInt64(position), "zlib could not restart for gzip member \(member + 1)")
                }
                continue
            }
            // Trailing zeros (tape or block padding) are accepted, as gzip(1) does.
            if let garbage = rest.firstIndex(where: { $0 != 0 }) {
                let at = UInt64(position + garbage)
                throw MiniDumpError(
                    .corruptCompression, offset: at,
                    "\(total - position) bytes after gzip member \(member) are neither another member (1F 8B) nor zero padding")
            }
            break
        }
        return output.take()
    }

    /// Inflates one member starting at `position`, leaving `position` just past its trailer.
    private static func inflateMember(
        _ inflater: ZlibInflater, base: UnsafeRawPointer, total: Int, position: inout Int,
        output: InflateOutput, spare: UnsafeMutableRawPointer
    ) throws(MiniDumpError) {
        while true {
            let step: ZlibInflater.Step
            if output.free > 0, let target = output.freePointer {
                step = inflater.inflate(input: base + position, inputCount: total - position,
                                        output: target, outputCount: output.free)
                output.commit(step.produced)
            } else {
                // The buffer is full: offer one spare byte, and grow only if zlib really fills it (an
                // exact ISIZE hint then never doubles the buffer just to read the trailer).
                step = inflater.inflate(input: base + position, inputCount: total - position, output: spare, outputCount: 1)
                if step.produced > 0 {
                    guard output.grow(), output.append(UnsafeRawBufferPointer(start: spare, count: 1)) else {
                        throw MiniDumpError(
                            .decompressedTooLarge, offset: UInt64(position + step.consumed),
                            "gzip data inflates to more than the \(output.limit)-byte limit (DecompressionLimits.maxDecompressedBytes)")
                    }
                }
            }
            position += step.consumed
            switch step.status {
            case Z_STREAM_END:
                return
            case Z_OK, Z_BUF_ERROR:
                if step.consumed == 0 && step.produced == 0 {
                    if position >= total {
                        throw MiniDumpError(
                            .truncated, offset: UInt64(position),
                            "gzip data ends after \(total) bytes, inside a member (missing data or CRC-32/ISIZE trailer)")
                    }
                    // Input and output space were both offered, so zlib should have moved.
                    throw MiniDumpError(.corruptCompression, offset: UInt64(position), "inflate makes no progress")
                }
            case Z_MEM_ERROR:
                throw MiniDumpError(.io, offset: UInt64(position), "zlib ran out of memory")
            default:
                throw MiniDumpError(.corruptCompression, offset: UInt64(position), "gzip: \(inflater.message)")
            }
        }
    }
}
