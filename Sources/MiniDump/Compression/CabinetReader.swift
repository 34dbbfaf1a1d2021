/// Finds and opens the dumps inside a cabinet, recognising them by content (`MDMP`), never by name.
struct CabinetReader {
    /// One member found, and whether ``MiniDumpFile/open(path:access:limits:)`` should stop at it.
    struct Found {
        var member: DumpMember
        /// True for a dump (by content) and for an unreadable member whose name says dump.
        var decisive: Bool
    }

    let archive: CabinetArchive
    let reader: ByteReader
    let limits: DecompressionLimits
    let path: String?

    /// Reads the cabinet's tables; throws when they are unusable.
    init(reader: ByteReader, path: String?, limits: DecompressionLimits) throws(MiniDumpError) {
        self.archive = try CabinetArchive(reader: reader)
        self.reader = reader
        self.limits = limits
        self.path = path
    }

    /// Every member that is a dump, plus every member whose content could not be read (it may be
    /// one), in file order. With `firstOnly`, stops after the first decisive member.
    ///
    /// Each folder is decoded once, when its first file comes up; the dumps among its other files are
    /// copied out then and wait for their turn, so files that alternate between folders cost no
    /// re-decoding. The bytes copied out are counted against the decompression limit.
    func members(firstOnly: Bool) -> [Found] {
        var filesByFolder = [UInt16: [Int]]()
        for (position, file) in archive.files.enumerated() {
            filesByFolder[file.folderIndex, default: []].append(position)
        }
        var pending = [Int: Outcome]()
        var copied = 0
        var found = [Found]()
        for (position, file) in archive.files.enumerated() {
            let name = file.name
            let outcome: Outcome
            if let ready = pending.removeValue(forKey: position) {
                outcome = ready
            } else if file.folderIndex >= CabinetArchive.firstContinuationIndex {
                outcome = .unreadable(MiniDumpError(
                    .unsupportedCompression, offset: UInt64(file.entryOffset + 8),
                    "cabinet member \"\(name)\" continues across cabinets (iFolder \(Hex.format(file.folderIndex, digits: 4))); cabinet sets are not supported"))
            } else if Int(file.folderIndex) >= archive.folders.count {
                outcome = .unreadable(MiniDumpError(
                    .invalidValue, offset: UInt64(file.entryOffset + 8),
                    "cabinet member \"\(name)\" names folder \(file.folderIndex) but the cabinet has \(archive.folders.count)"))
            } else {
                let data = CabinetFolderDecoder.decode(Int(file.folderIndex), archive: archive, reader: reader, limits: limits)
                outcome = extract(file, from: data, copied: &copied)
                for later in filesByFolder[file.folderIndex] ?? [] where later > position {
                    pending[later] = extract(archive.files[later], from: data, copied: &copied)
                }
            }
            switch outcome {
            case .notDump:
                continue
            case .dump(let storage):
                let memberPath = path.map { "\($0):\(name)" }
                let result: Result<MiniDumpFile, MiniDumpError>
                do {
                    result = .success(try MiniDumpFile(storage: storage, path: memberPath))
                } catch {
                    result = .failure(error)
                }
                found.append(Found(member: DumpMember(name: name, result: result), decisive: true))
            case .unreadable(let error):
                found.append(Found(member: DumpMember(name: name, result: .failure(error)), decisive: Self.hasDumpExtension(name)))
            }
            if firstOnly, let last = found.last, last.decisive { break }
        }
        return found
    }

    private enum Outcome {
        case notDump
        case dump(ByteStorage)
        case unreadable(MiniDumpError)
    }

    /// The member's bytes when it is a dump; `.notDump` when its first bytes say otherwise.
    private func extract(_ file: CabinetArchive.File, from data: CabinetFolderData, copied: inout Int) -> Outcome {
        let start = UInt64(file.folderOffset)
        let folderBytes = data.reader
        if let range = folderBytes.range(offset: start, length: UInt64(file.size)) {
            guard file.size >= 4, folderBytes.value(UInt32.self, at: start) == MiniDumpHeader.expectedSignature else {
                return .notDump
            }
            if range == 0..<folderBytes.count { return .dump(folderBytes.storage) }
            let limit = max(limits.maxDecompressedBytes, 0)
            let (total, overflow) = copied.addingReportingOverflow(range.count)
            guard !overflow, total <= limit else {
                return .unreadable(MiniDumpError(
                    .decompressedTooLarge, offset: UInt64(file.entryOffset),
                    "copying cabinet member \"\(file.name)\" (\(range.count) bytes) out of its folder would take the dumps copied from this cabinet past the \(limit)-byte limit (DecompressionLimits.maxDecompressedBytes)"))
            }
            copied = total
            return .dump(folderBytes.withBytes(in: range) { ByteStorage(copying: $0) })
        }
        // Only part of the member could be decoded (or it claims bytes the folder does not have).
        if file.size >= 4, let magic = folderBytes.value(UInt32.self, at: start), magic != MiniDumpHeader.expectedSignature {
            return .notDump
        }
        if let error = data.error { return .unreadable(error) }
        let end = start + UInt64(file.size)
        return .unreadable(MiniDumpError(
            .truncated, offset: UInt64(file.entryOffset),
            "cabinet member \"\(file.name)\" claims bytes \(start)..<\(end) of folder \(file.folderIndex), which holds \(folderBytes.count) bytes"))
    }

    /// True for names ending in `.dmp`, `.mdmp` or `.hdmp` (any case).
    static func hasDumpExtension(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".dmp") || lower.hasSuffix(".mdmp") || lower.hasSuffix(".hdmp")
    }
}
