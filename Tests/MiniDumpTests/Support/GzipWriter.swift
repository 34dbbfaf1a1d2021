import CZlib

/// Test-side gzip and raw-deflate writer over zlib's `deflate`, independent of the library's reader.
enum GzipWriter {
    /// One gzip member (header, deflate data, CRC-32 and ISIZE trailer) holding `data`.
    static func gzip(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        deflate(data, windowBits: 15 + 16, level: level, dictionary: [])
    }

    /// A raw deflate stream (no header or trailer) ending with a final block; `dictionary` is the
    /// window the stream may refer back into, as MSZIP blocks do.
    static func rawDeflate(_ data: [UInt8], dictionary: [UInt8], level: Int32 = 6) -> [UInt8] {
        deflate(data, windowBits: -15, level: level, dictionary: dictionary)
    }

    /// Inflates a raw deflate stream with an optional preset window; `nil` when zlib rejects it.
    static func rawInflate(_ data: [UInt8], dictionary: [UInt8], expectedSize: Int) -> [UInt8]? {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard inflateInit2_(stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(stream) }
        if !dictionary.isEmpty {
            var window = dictionary
            guard inflateSetDictionary(stream, &window, UInt32(window.count)) == Z_OK else { return nil }
        }
        var input = data
        var output = [UInt8](repeating: 0, count: expectedSize + 16)
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outBuffer.count)
                return inflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.pointee.total_out)))
    }

    private static func deflate(_ data: [UInt8], windowBits: Int32, level: Int32, dictionary: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard deflateInit2_(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(stream) }
        if !dictionary.isEmpty {
            var window = dictionary
            guard deflateSetDictionary(stream, &window, UInt32(window.count)) == Z_OK else { return [] }
        }
        var input = data
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(data.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outBuffer.count)
                return CZlib.deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return [] }
        return Array(output.prefix(Int(stream.pointee.total_out)))
    }
}
