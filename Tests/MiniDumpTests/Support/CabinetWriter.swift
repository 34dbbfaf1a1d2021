/// Test-side writer of Microsoft cabinets (`CFHEADER`, `CFFOLDER`, `CFFILE`, `CFDATA`), stored or
/// MSZIP-compressed, with optional reserve fields, previous/next cabinet names, UTF-8 names and
/// block checksums. It records where things landed so tests can patch or damage them.
struct CabinetWriter {
    enum Method: UInt16 {
        case none = 0
        case mszip = 1
    }

    struct Member {
        var name: String
        var data: [UInt8]
        /// Sets `_A_NAME_IS_UTF` (0x80) in `attribs`.
        var utf8Name = false
    }

    struct Folder {
        var method: Method
        var members: [Member]
    }

    /// Where the pieces of a built cabinet are.
    struct Layout {
        /// File offset of each folder's `typeCompress` field.
        var typeCompressOffsets: [Int] = []
        /// File offset of each `CFDATA` header, per folder.
        var blockOffsets: [[Int]] = []
        /// The `ab` bytes (the "CK" + deflate data for MSZIP) of each block, per folder.
        var blockData: [[[UInt8]]] = []
        /// File offset of each `CFFILE` entry, in file order.
        var fileEntryOffsets: [Int] = []
    }

    var folders: [Folder]
    /// Uncompressed bytes per `CFDATA` block (MSZIP allows at most 32 KiB).
    var blockSize = 32 * 1024
    /// Reserve sizes (`cbCFHeader`, `cbCFFolder`, `cbCFData`); sets `cfhdrRESERVE_PRESENT`.
    var reserve: (header: Int, folder: Int, data: Int)?
    /// `szCabinetPrev`/`szDiskPrev`; sets `cfhdrPREV_CABINET`.
    var previous: (cabinet: String, disk: String)?
    /// `szCabinetNext`/`szDiskNext`; sets `cfhdrNEXT_CABINET`.
    var next: (cabinet: String, disk: String)?
    /// Whether `CFDATA.csum` is computed (zero otherwise).
    var checksums = true

    init(folders: [Folder]) {
        self.folders = folders
    }

    init(method: Method, members: [Member]) {
        self.folders = [Folder(method: method, members: members)]
    }

    /// The cabinet's bytes and where its pieces are.
    func build() -> (bytes: [UInt8], layout: Layout) {
        var layout = Layout()
        // Blocks first, so every size is known when the tables are written.
        var blocks = [[(data: [UInt8], uncompressed: Int)]]()
        for folder in folders {
            let stream = folder.members.flatMap(\.data)
            var list = [(data: [UInt8], uncompressed: Int)]()
            var start = 0
            while start < stream.count {
                let chunk = Array(stream[start..<min(start + blockSize, stream.count)])
                switch folder.method {
                case .none:
                    list.append((chunk, chunk.count))
                case .mszip:
                    let window = Array(stream[max(0, start - 32 * 1024)..<start])
                    list.append(([0x43, 0x4B] + GzipWriter.rawDeflate(chunk, dictionary: window), chunk.count))
                }
                start += chunk.count
            }
            blocks.append(list)
            layout.blockData.append(list.map(\.data))
        }

        var flags: UInt16 = 0
        if previous != nil { flags |= 0x0001 }
        if next != nil { flags |= 0x0002 }
        if reserve != nil { flags |= 0x0004 }
        var header = 36
        if let reserve { header += 4 + reserve.header }
        if let previous { header += previous.cabinet.utf8.count + previous.disk.utf8.count + 2 }
        if let next { header += next.cabinet.utf8.count + next.disk.utf8.count + 2 }
        let folderStride = 8 + (reserve?.folder ?? 0)
        let filesOffset = header + folders.count * folderStride
        let members = folders.flatMap(\.members)
        let fileTableSize = members.reduce(0) { $0 + 16 + $1.name.utf8.count + 1 }
        let dataReserve = reserve?.data ?? 0
        var dataOffset = filesOffset + fileTableSize
        var folderDataOffsets = [Int]()
        for list in blocks {
            folderDataOffsets.append(dataOffset)
            dataOffset += list.reduce(0) { $0 + 8 + dataReserve + $1.data.count }
        }

        var out = [UInt8]()
        func u8(_ value: UInt8) { out.append(value) }
        func u16(_ value: UInt16) { out.append(UInt8(value & 0xFF)); out.append(UInt8(value >> 8)) }
        func u32(_ value: UInt32) { u16(UInt16(value & 0xFFFF)); u16(UInt16(value >> 16)) }
        func text(_ value: String) { out.append(contentsOf: value.utf8); out.append(0) }

        out.append(contentsOf: Array("MSCF".utf8))
        u32(0)
        u32(UInt32(dataOffset))
        u32(0)
        u32(UInt32(filesOffset))
        u32(0)
        u8(3); u8(1)
        u16(UInt16(folders.count))
        u16(UInt16(members.count))
        u16(flags)
        u16(0x1234)
        u16(0)
        if let reserve {
            u16(UInt16(reserve.header)); u8(UInt8(reserve.folder)); u8(UInt8(reserve.data))
            out.append(contentsOf: repeatElement(0xAA, count: reserve.header))
        }
        if let previous { text(previous.cabinet); text(previous.disk) }
        if let next { text(next.cabinet); text(next.disk) }
        for (index, folder) in folders.enumerated() {
            u32(UInt32(folderDataOffsets[index]))
            u16(UInt16(blocks[index].count))
            layout.typeCompressOffsets.append(out.count)
            u16(folder.method.rawValue)
            out.append(contentsOf: repeatElement(0xBB, count: reserve?.folder ?? 0))
        }
        for (index, folder) in folders.enumerated() {
            var offset = 0
            for member in folder.members {
                layout.fileEntryOffsets.append(out.count)
                u32(UInt32(member.data.count))
                u32(UInt32(offset))
                u16(UInt16(index))
                u16(0x5A21); u16(0x6000)
                u16(0x20 | (member.utf8Name ? 0x80 : 0))
                text(member.name)
                offset += member.data.count
            }
        }
        for list in blocks {
            var offsets = [Int]()
            for block in list {
                offsets.append(out.count)
                let reserved = [UInt8](repeating: 0xCC, count: dataReserve)
                var sumInput = [UInt8]()
                sumInput.append(UInt8(block.data.count & 0xFF)); sumInput.append(UInt8(block.data.count >> 8))
                sumInput.append(UInt8(block.uncompressed & 0xFF)); sumInput.append(UInt8(block.uncompressed >> 8))
                sumInput.append(contentsOf: reserved)
                let sum = checksums ? Self.fold(sumInput, seed: Self.fold(block.data, seed: 0)) : 0
                u32(sum)
                u16(UInt16(block.data.count))
                u16(UInt16(block.uncompressed))
                out.append(contentsOf: reserved)
                out.append(contentsOf: block.data)
            }
            layout.blockOffsets.append(offsets)
        }
        return (out, layout)
    }

    /// The cabinet checksum: XOR of little-endian 32-bit words, a short tail taken first byte highest.
    static func fold(_ bytes: [UInt8], seed: UInt32) -> UInt32 {
        var sum = seed
        var index = 0
        while index + 4 <= bytes.count {
            sum ^= UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
            index += 4
        }
        var tail: UInt32 = 0
        while index < bytes.count {
            tail = tail << 8 | UInt32(bytes[index])
            index += 1
        }
        return sum ^ tail
    }
}
