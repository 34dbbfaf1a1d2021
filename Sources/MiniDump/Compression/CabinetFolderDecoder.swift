import CZlib

/// The uncompressed bytes of one cabinet folder: all of them, or the whole blocks before the first
/// problem.
struct CabinetFolderData {
    /// The decoded bytes.
    let reader: ByteReader
    /// Why decoding stopped early, or `nil` when the whole folder decoded.
    let error: MiniDumpError?
}

/// Decodes a cabinet folder's `CFDATA` blocks, stored or MSZIP-compressed, into memory.
///
/// The block headers are walked first, so the folder's total size is known and checked against
/// ``DecompressionLimits`` before anything is allocated. Each block's checksum is verified when it
/// is not zero. MSZIP blocks are `CK` and a raw deflate stream that may refer back into the previous
/// 32 KiB of output, which is handed to zlib as a preset dictionary.
enum CabinetFolderDecoder {
    /// The MSZIP window: how far back a block may refer.
    static let window = 32 * 1024

    /// One `CFDATA` block, located but not yet decoded.
    struct Block {
        /// The file offset of the `CFDATA` header.
        var headerOffset: Int
        /// The file range of `ab` (the compressed bytes).
        var data: Range<Int>
        /// `cbUncomp`.
        var uncompressed: Int
        /// `csum` (zero when the writer did not compute one).
        var checksum: UInt32
    }

    /// Decodes folder `index` of `archive`; never throws, the error travels with the bytes.
    static func decode(
        _ index: Int, archive: CabinetArchive, reader: ByteReader, limits: DecompressionLimits
    ) -> CabinetFolderData {
        let empty = ByteReader(copying: EmptyCollection<UInt8>())
        guard archive.folders.indices.contains(index) else {
            return CabinetFolderData(reader: empty, error: MiniDumpError(.invalidValue, offset: 0, "no cabinet folder \(index)"))
        }
        let folder = archive.folders[index]
        let method = folder.method
        guard method == .none || method == .mszip else {
            return CabinetFolderData(reader: empty, error: MiniDumpError(
                .unsupportedCompression, offset: UInt64(folder.entryOffset + 6),
                "cabinet folder \(index) is compressed with \(method.name) (typeCompress \(Hex.format(folder.typeCompress, digits: 4))); only uncompressed and MSZIP folders can be read"))
        }
        var (blocks, error) = scan(folder, index: index, method: method, archive: archive, reader: reader)
        var sum: UInt64 = 0
        for block in blocks { sum += UInt64(block.uncompressed) }  // at most 65,535 × 65,535
        let limit = max(limits.maxDecompressedBytes, 0)
        guard let total = Int(exactly: sum), total <= limit else {
            return CabinetFolderData(reader: empty, error: MiniDumpError(
                .decompressedTooLarge, offset: UInt64(folder.entryOffset),
                "cabinet folder \(index) holds \(sum) uncompressed bytes, more than the \(limit)-byte limit (DecompressionLimits.maxDecompressedBytes)"))
        }
        let output = InflateOutput(initialCapacity: total, limit: total)
        let inflater = method == .mszip ? ZlibInflater(windowBits: -15) : nil
        for (number, block) in blocks.enumerated() {
            let blockStart = output.count
            let failure = reader.withBytes(in: block.data) { raw -> MiniDumpError? in
                if block.checksum != 0 {
                    let found = checksum(of: block, raw: raw, reader: reader, reserve: archive.dataReserve)
                    if found != block.checksum {
                        return MiniDumpError(
                            .corruptCompression, offset: UInt64(block.headerOffset),
                            "cabinet folder \(index) block \(number): CFDATA.csum is \(Hex.format(block.checksum, digits: 8)) but the block sums to \(Hex.format(found, digits: 8))")
                    }
                }
                if let inflater {
                    return inflateBlock(raw, block: block, number: number, folder: index, inflater: inflater, output: output)
                }
                guard output.append(raw) else {
                    return MiniDumpError(.corruptCompression, offset: UInt64(block.headerOffset), "cabinet block \(number) does not fit its folder")
                }
                return nil
            }
            if let failure {
                // Keep only whole, verified blocks: a block that failed may have produced garbage.
                output.rollBack(to: blockStart)
                error = failure
                break
            }
        }
        return CabinetFolderData(reader: ByteReader(storage: output.take()), error: error)
    }

    /// Walks the block headers; stops at the first that does not fit or cannot be right.
    private static func scan(
        _ folder: CabinetArchive.Folder, index: Int, method: CabinetCompression, archive: CabinetArchive,
        reader: ByteReader
    ) -> ([Block], MiniDumpError?) {
        var blocks = [Block]()
        var next = UInt64(folder.dataOffset)
        for number in 0..<Int(folder.blockCount) {
            guard let header = reader.range(offset: next, length: UInt64(8 + archive.dataReserve)) else {
                return (blocks, MiniDumpError(
                    .truncated, offset: next,
                    "cabinet folder \(index) block \(number) header lies past the end of the \(reader.count)-byte file"))
            }
            let at = header.lowerBound
            let checksum: UInt32 = reader.loadUnchecked(UInt32.self, at: at)
            let compressed = Int(reader.loadUnchecked(UInt16.self, at: at + 4))
            let uncompressed = Int(reader.loadUnchecked(UInt16.self, at: at + 6))
            let dataStart = header.upperBound
            guard let data = reader.range(offset: UInt64(dataStart), length: UInt64(compressed)) else {
                return (blocks, MiniDumpError(
                    .truncated, offset: UInt64(dataStart),
                    "cabinet folder \(index) block \(number) needs \(compressed) bytes at \(Hex.format(UInt64(dataStart))) but the file has \(reader.count) bytes"))
            }
            guard uncompressed > 0 else {
                return (blocks, MiniDumpError(
                    .unsupportedCompression, offset: UInt64(at + 6),
                    "cabinet folder \(index) block \(number) continues in the next cabinet of a set (CFDATA.cbUncomp is 0); cabinet sets are not supported"))
            }
            if method == .none && compressed != uncompressed {
                return (blocks, MiniDumpError(
                    .corruptCompression, offset: UInt64(at + 4),
                    "uncompressed cabinet folder \(index) block \(number) has cbData \(compressed) but cbUncomp \(uncompressed)"))
            }
            blocks.append(Block(headerOffset: at, data: data, uncompressed: uncompressed, checksum: checksum))
            next = UInt64(data.upperBound)
        }
        return (blocks, nil)
    }

    /// Inflates one MSZIP block into `output`; returns the problem, or `nil`.
    private static func inflateBlock(
        _ raw: UnsafeRawBufferPointer, block: Block, number: Int, folder: Int, inflater: ZlibInflater,
        output: InflateOutput
    ) -> MiniDumpError? {
        let start = UInt64(block.data.lowerBound)
        guard raw.count >= 2, raw[0] == 0x43, raw[1] == 0x4B, let input = raw.baseAddress else {
            return MiniDumpError(.corruptCompression, offset: start, "MSZIP block \(number) of folder \(folder) does not start with \"CK\"")
        }
        guard inflater.reset() else {
            return MiniDumpError(.io, offset: start, "zlib could not restart for MSZIP block \(number)")
        }
        let history = min(output.count, window)
        if history > 0, let written = output.written.baseAddress {
            guard inflater.setDictionary(written + (output.count - history), count: history) else {
                return MiniDumpError(.io, offset: start, "zlib refused the MSZIP window for block \(number)")
            }
        }
        var consumed = 2
        var produced = 0
        var ended = false
        while !ended {
            guard let target = output.freePointer else {
                return MiniDumpError(.io, offset: start, "no output buffer for MSZIP block \(number)")
            }
            let step = inflater.inflate(
                input: input + consumed, inputCount: raw.count - consumed,
                output: target, outputCount: min(block.uncompressed - produced, output.free))
            consumed += step.consumed
            produced += step.produced
            output.commit(step.produced)
            switch step.status {
            case Z_STREAM_END:
                ended = true
            case Z_OK, Z_BUF_ERROR:
                if step.consumed == 0 && step.produced == 0 {
                    if consumed < raw.count {
                        return MiniDumpError(
                            .corruptCompression, offset: start + UInt64(consumed),
                            "MSZIP block \(number) of folder \(folder) inflates to more than its CFDATA.cbUncomp of \(block.uncompressed) bytes")
                    }
                    // A block without the final-block bit ends where its input does.
                    ended = true
                }
            default:
                return MiniDumpError(
                    .corruptCompression, offset: start + UInt64(consumed),
                    "MSZIP block \(number) of folder \(folder): \(inflater.message)")
            }
        }
        guard produced == block.uncompressed else {
            return MiniDumpError(
                .corruptCompression, offset: start + UInt64(consumed),
                "MSZIP block \(number) of folder \(folder) inflates to \(produced) bytes but CFDATA.cbUncomp says \(block.uncompressed)")
        }
        return nil
    }

    /// The `CFDATA` checksum: the data, then `cbData`, `cbUncomp` and `abReserve`, folded as
    /// little-endian 32-bit words (the way libmspack and libarchive compute it).
    private static func checksum(of block: Block, raw: UnsafeRawBufferPointer, reader: ByteReader, reserve: Int) -> UInt32 {
        let seed = fold(raw, seed: 0)
        return reader.withBytes(in: (block.headerOffset + 4)..<(block.headerOffset + 8 + reserve)) { fold($0, seed: seed) }
    }

    /// XORs `bytes` into `seed` four at a time; a 1–3 byte tail is taken most significant first.
    static func fold(_ bytes: UnsafeRawBufferPointer, seed: UInt32) -> UInt32 {
        var sum = seed
        let words = bytes.count / 4
        for word in 0..<words {
            sum ^= UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: word * 4, as: UInt32.self))
        }
        var tail: UInt32 = 0
        for index in (words * 4)..<bytes.count {
            tail = (tail << 8) | UInt32(bytes[index])
        }
        return sum ^ tail
    }
}
