/// The tables of a Microsoft cabinet (`.cab`): `CFHEADER`, its `CFFOLDER` entries and `CFFILE`
/// entries. The `CFDATA` blocks are read by ``CabinetFolderDecoder``.
///
/// Names are kept as data; nothing here touches the file system.
struct CabinetArchive {
    /// `cfhdrPREV_CABINET`: the header names a previous cabinet in a set.
    static let flagPrevious: UInt16 = 0x0001
    /// `cfhdrNEXT_CABINET`: the header names a next cabinet in a set.
    static let flagNext: UInt16 = 0x0002
    /// `cfhdrRESERVE_PRESENT`: reserve sizes follow the fixed header.
    static let flagReserve: UInt16 = 0x0004
    /// `_A_NAME_IS_UTF`: the file name is UTF-8.
    static let attributeNameIsUTF8: UInt16 = 0x0080
    /// The longest name accepted (`CB_MAX_FILENAME`), in bytes without the NUL.
    static let maxNameBytes = 256
    /// `CFFILE.iFolder` values at or above this mark files continued across cabinets.
    static let firstContinuationIndex: UInt16 = 0xFFFD

    /// One `CFFOLDER` entry.
    struct Folder {
        /// The file offset of the entry.
        var entryOffset: Int
        /// `coffCabStart`: the file offset of the folder's first `CFDATA` block.
        var dataOffset: UInt32
        /// `cCFData`: how many `CFDATA` blocks the folder has in this cabinet.
        var blockCount: UInt16
        /// `typeCompress`: the low 4 bits name the method, higher bits its parameters.
        var typeCompress: UInt16

        /// The compression method (`typeCompress & tcompMASK_TYPE`).
        var method: CabinetCompression { CabinetCompression(rawValue: typeCompress & 0x000F) }
    }

    /// One `CFFILE` entry.
    struct File {
        /// The file offset of the entry.
        var entryOffset: Int
        /// `szName`, decoded (UTF-8 when `_A_NAME_IS_UTF` is set, else UTF-8 if valid, else Latin-1).
        var name: String
        /// `cbFile`: the uncompressed size.
        var size: UInt32
        /// `uoffFolderStart`: where the file starts in its folder's uncompressed bytes.
        var folderOffset: UInt32
        /// `iFolder`: the folder index, or 0xFFFD...0xFFFF for files continued across cabinets.
        var folderIndex: UInt16
        /// `attribs`.
        var attributes: UInt16
    }

    /// `CFHEADER.flags`.
    let flags: UInt16
    /// `cbCFData` from the reserve fields: bytes of `abReserve` in every `CFDATA` header.
    let dataReserve: Int
    /// `szCabinetPrev` when `cfhdrPREV_CABINET` is set.
    let previousCabinet: String?
    /// `szCabinetNext` when `cfhdrNEXT_CABINET` is set.
    let nextCabinet: String?
    /// The folders, in file order.
    let folders: [Folder]
    /// The files, in file order.
    let files: [File]

    /// Reads the header, folder table and file table; throws when any of them is unusable.
    init(reader: ByteReader) throws(MiniDumpError) {
        var cursor = reader.cursor(over: 0..<reader.count)
        let signature = try cursor.read(UInt32.self, "CFHEADER.signature")
        guard signature == 0x4643_534D else {
            throw MiniDumpError(.invalidValue, offset: 0, "expected cabinet signature MSCF, found \(Hex.format(signature, digits: 8))")
        }
        try cursor.skip(4, "CFHEADER.reserved1")
        _ = try cursor.read(UInt32.self, "CFHEADER.cbCabinet")
        try cursor.skip(4, "CFHEADER.reserved2")
        let filesOffset = try cursor.read(UInt32.self, "CFHEADER.coffFiles")
        try cursor.skip(4, "CFHEADER.reserved3")
        let versionMinor = try cursor.read(UInt8.self, "CFHEADER.versionMinor")
        let versionMajor = try cursor.read(UInt8.self, "CFHEADER.versionMajor")
        guard versionMajor == 1 else {
            throw MiniDumpError(
                .unsupportedVersion, offset: 25,
                "cabinet format version \(versionMajor).\(versionMinor); only 1.x is known")
        }
        let folderCount = try cursor.read(UInt16.self, "CFHEADER.cFolders")
        let fileCount = try cursor.read(UInt16.self, "CFHEADER.cFiles")
        let flags = try cursor.read(UInt16.self, "CFHEADER.flags")
        _ = try cursor.read(UInt16.self, "CFHEADER.setID")
        _ = try cursor.read(UInt16.self, "CFHEADER.iCabinet")
        var folderReserve = 0
        var dataReserve = 0
        if flags & Self.flagReserve != 0 {
            let headerReserve = try cursor.read(UInt16.self, "CFHEADER.cbCFHeader")
            folderReserve = Int(try cursor.read(UInt8.self, "CFHEADER.cbCFFolder"))
            dataReserve = Int(try cursor.read(UInt8.self, "CFHEADER.cbCFData"))
            try cursor.skip(Int(headerReserve), "CFHEADER.abReserve")
        }
        var previous: String?
        var next: String?
        if flags & Self.flagPrevious != 0 {
            previous = try Self.readName(&cursor, utf8: false, "CFHEADER.szCabinetPrev")
            _ = try Self.readName(&cursor, utf8: false, "CFHEADER.szDiskPrev")
        }
        if flags & Self.flagNext != 0 {
            next = try Self.readName(&cursor, utf8: false, "CFHEADER.szCabinetNext")
            _ = try Self.readName(&cursor, utf8: false, "CFHEADER.szDiskNext")
        }

        let folderStride = 8 + folderReserve
        let folderTable = try reader.checkedTable(
            offset: cursor.offset, count: UInt64(folderCount), stride: UInt64(folderStride), "CFFOLDER table")
        var folders = [Folder]()
        folders.reserveCapacity(Int(folderCount))
        var folderCursor = reader.cursor(over: folderTable)
        for _ in 0..<Int(folderCount) {
            let at = folderCursor.position
            let dataOffset = try folderCursor.read(UInt32.self, "CFFOLDER.coffCabStart")
            let blockCount = try folderCursor.read(UInt16.self, "CFFOLDER.cCFData")
            let typeCompress = try folderCursor.read(UInt16.self, "CFFOLDER.typeCompress")
            try folderCursor.skip(folderReserve, "CFFOLDER.abReserve")
            folders.append(Folder(entryOffset: at, dataOffset: dataOffset, blockCount: blockCount, typeCompress: typeCompress))
        }

        // Each CFFILE has 16 fixed bytes and at least a NUL: check the count against the file first.
        let fileTable = try reader.checkedTable(
            offset: UInt64(filesOffset), count: UInt64(fileCount), stride: 17, "CFFILE table")
        var fileCursor = reader.cursor(over: fileTable.lowerBound..<reader.count)
        var files = [File]()
        files.reserveCapacity(Int(fileCount))
        for _ in 0..<Int(fileCount) {
            let at = fileCursor.position
            let size = try fileCursor.read(UInt32.self, "CFFILE.cbFile")
            let folderOffset = try fileCursor.read(UInt32.self, "CFFILE.uoffFolderStart")
            let folderIndex = try fileCursor.read(UInt16.self, "CFFILE.iFolder")
            _ = try fileCursor.read(UInt16.self, "CFFILE.date")
            _ = try fileCursor.read(UInt16.self, "CFFILE.time")
            let attributes = try fileCursor.read(UInt16.self, "CFFILE.attribs")
            let name = try Self.readName(&fileCursor, utf8: attributes & Self.attributeNameIsUTF8 != 0, "CFFILE.szName")
            files.append(File(
                entryOffset: at, name: name, size: size, folderOffset: folderOffset,
                folderIndex: folderIndex, attributes: attributes))
        }

        self.flags = flags
        self.dataReserve = dataReserve
        self.previousCabinet = previous
        self.nextCabinet = next
        self.folders = folders
        self.files = files
    }

    /// Reads a NUL-terminated name of at most ``maxNameBytes`` bytes.
    private static func readName(_ cursor: inout ByteCursor, utf8: Bool, _ what: String) throws(MiniDumpError) -> String {
        let start = cursor.offset
        var bytes = [UInt8]()
        while true {
            let byte = try cursor.read(UInt8.self, what)
            if byte == 0 { break }
            guard bytes.count < maxNameBytes else {
                throw MiniDumpError(.invalidValue, offset: start, "\(what) has no NUL within \(maxNameBytes) bytes")
            }
            bytes.append(byte)
        }
        if utf8 { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Code-page names: keep every byte as the Latin-1 character with that value.
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
