import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// Deterministic inputs shared by the compression tests and the committed `.cab` fixtures.
enum CompressedInputs {
    /// A small dump: a comment and a custom stream.
    static func smallDump() -> [UInt8] {
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.commentA.rawValue, Array("small dump for compressed-input tests\0".utf8))
        builder.addStream(0x4D44_0001, (0..<256).map { UInt8($0) })
        return builder.build()
    }

    /// A dump over 100 KiB (several 32 KiB cabinet blocks) whose content repeats at a 20 KiB period,
    /// so MSZIP blocks refer back into the previous block.
    static func bigDump() -> [UInt8] {
        var random = SplitMix64(seed: 0x4D44_4D50)
        let period = (0..<20 * 1024).map { _ in UInt8(truncatingIfNeeded: random.next() % 61) }
        var payload = [UInt8]()
        for round in 0..<8 {
            payload += period
            payload[payload.count - 1] = UInt8(round)
        }
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.commentA.rawValue, Array("big dump for compressed-input tests\0".utf8))
        builder.addStream(0x4D44_0002, payload)
        return builder.build()
    }

    /// A member that is not a dump.
    static let notes = Array("These files were packed by gcab for the MiniDump tests.\n".utf8)
}

@Suite struct CompressionFixtureInputs {
    /// Writes the inputs of `TestDumps/compressed/*.cab` when `MINIDUMP_WRITE_CAB_INPUTS` names a
    /// folder (see `TestDumps/compressed/README.md`); does nothing otherwise.
    @Test func writeCabinetInputs() throws {
        guard let folder = ProcessInfo.processInfo.environment["MINIDUMP_WRITE_CAB_INPUTS"] else { return }
        let url = URL(fileURLWithPath: folder)
        try Data(CompressedInputs.smallDump()).write(to: url.appendingPathComponent("crash.dmp"))
        try Data(CompressedInputs.bigDump()).write(to: url.appendingPathComponent("big.dmp"))
        try Data(CompressedInputs.notes).write(to: url.appendingPathComponent("notes.txt"))
    }
}

// MARK: Helpers

/// Runs `body` and returns the error it threw, or `nil`.
private func thrown<T>(_ body: () throws -> T) -> MiniDumpError? {
    do {
        _ = try body()
        return nil
    } catch let error as MiniDumpError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// Writes `bytes` to a fresh temporary file and returns its path.
private func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("minidump-compression-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    return url.path
}

/// All the bytes of an opened dump.
private func contents(_ dump: MiniDumpFile) -> [UInt8] {
    dump.fileBytes(at: 0, count: dump.fileSize)
}

private func successes(_ members: [DumpMember]) -> [String?: [UInt8]] {
    var table = [String?: [UInt8]]()
    for member in members { if case .success(let dump) = member.result { table[member.name] = contents(dump) } }
    return table
}

private let fixtureFolder = SharedDumps.packageRoot.appendingPathComponent("TestDumps/compressed")

// MARK: Format detection and gzip

@Suite struct GzipInputTests {
    @Test func detectsFormatsByMagicBytes() {
        #expect(InputFormat(detecting: CompressedInputs.smallDump()) == .minidump)
        #expect(InputFormat(detecting: GzipWriter.gzip([1, 2, 3])) == .gzip)
        #expect(InputFormat(detecting: Array("MSCF\0\0\0\0".utf8)) == .cabinet)
        #expect(InputFormat(detecting: [UInt8]()) == .unknown)
        #expect(InputFormat(detecting: Array("MDM".utf8)) == .unknown)
        #expect(InputFormat(detecting: Array("PK\u{3}\u{4}".utf8)) == .unknown)
    }

    @Test(arguments: [false, true])
    func gzipRoundTripThroughAPath(bigDump: Bool) throws {
        let original = bigDump ? CompressedInputs.bigDump() : CompressedInputs.smallDump()
        let path = try temporaryFile(GzipWriter.gzip(original), suffix: ".dmp.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for access in [MiniDumpFile.Access.mapped, .read] {
            let dump = try MiniDumpFile.open(path: path, access: access)
            #expect(contents(dump) == original)
            #expect(dump.path == path)
            #expect(dump.directory == (try MiniDumpFile(bytes: original)).directory)
        }
        let members = try MiniDumpFile.openAll(path: path)
        #expect(members.count == 1 && members.first?.name == nil)
        #expect(successes(members)[nil] == original)
    }

    @Test func plainDumpsStillOpenThroughTheSameEntryPoints() throws {
        let original = CompressedInputs.smallDump()
        #expect(contents(try MiniDumpFile.open(bytes: original)) == original)
        let members = try MiniDumpFile.openAll(bytes: original)
        #expect(members.count == 1 && members.first?.name == nil)
        #expect(try MiniDumpFile.open(bytes: original).path == nil)
    }

    @Test func multiMemberGzipConcatenatesAndAcceptsZeroPadding() throws {
        let original = CompressedInputs.bigDump()
        let cuts = [0, 1000, 70_000, original.count]
        var joined = [UInt8]()
        for (from, to) in zip(cuts, cuts.dropFirst()) {
            joined += GzipWriter.gzip(Array(original[from..<to]), level: to % 2 == 0 ? 1 : 9)
        }
        #expect(contents(try MiniDumpFile.open(bytes: joined)) == original)
        #expect(contents(try MiniDumpFile.open(bytes: joined + [0, 0, 0, 0])) == original)
        let garbage = thrown { try MiniDumpFile.open(bytes: joined + [0, 0x41]) }
        #expect(garbage?.kind == .corruptCompression && garbage?.offset == UInt64(joined.count + 1))
    }

    @Test func truncatedGzipThrowsTruncatedAtTheCut() {
        let gz = GzipWriter.gzip(CompressedInputs.bigDump())
        for cut in [2, 9, 10, 11, gz.count / 2, gz.count - 8, gz.count - 1] {
            let error = thrown { try MiniDumpFile.open(bytes: Array(gz.prefix(cut))) }
            #expect(error?.kind == .truncated, "cut at \(cut): \(String(describing: error))")
            #expect(error?.offset == UInt64(cut), "cut at \(cut)")
        }
    }

    @Test func damagedTrailerThrowsCorruptCompression() {
        let gz = GzipWriter.gzip(CompressedInputs.smallDump())
        for (field, at) in [("CRC-32", gz.count - 8), ("ISIZE", gz.count - 2)] {
            var damaged = gz
            damaged[at] ^= 0x01
            let error = thrown { try MiniDumpFile.open(bytes: damaged) }
            #expect(error?.kind == .corruptCompression, "\(field): \(String(describing: error))")
            #expect((UInt64(gz.count - 8)...UInt64(gz.count)).contains(error?.offset ?? 0), "\(field)")
        }
    }

    @Test func damagedDeflateDataNeverYieldsWrongBytes() {
        let original = CompressedInputs.bigDump()
        let gz = GzipWriter.gzip(original)
        let seed = UInt64(0xC0FF_EE01)
        var random = SplitMix64(seed: seed)
        for _ in 0..<64 {
            var damaged = gz
            let at = 10 + Int(random.next() % UInt64(gz.count - 18))
            damaged[at] ^= UInt8(1 + random.next() % 255)
            do {
                let dump = try MiniDumpFile.open(bytes: damaged)
                #expect(contents(dump) == original, "seed \(seed), byte \(at)")
            } catch {
                #expect([.corruptCompression, .truncated].contains(error.kind), "seed \(seed), byte \(at): \(error)")
                #expect(error.offset <= UInt64(gz.count))
            }
        }
    }

    @Test func bombStopsAtTheCapQuickly() {
        let member = GzipWriter.gzip([UInt8](repeating: 0, count: 1 << 20), level: 9)
        var bomb = [UInt8]()
        for _ in 0..<1024 { bomb += member }  // 1 GiB of zeros from about 1 MB
        let limits = DecompressionLimits(maxDecompressedBytes: 4 << 20)
        let clock = ContinuousClock()
        let start = clock.now
        let error = thrown { try MiniDumpFile.open(bytes: bomb, limits: limits) }
        #expect(error?.kind == .decompressedTooLarge)
        #expect(error?.detail.contains("\(4 << 20)") == true)
        #expect(clock.now - start < .seconds(5))
    }

    @Test func capIsExact() throws {
        let original = CompressedInputs.smallDump()
        let gz = GzipWriter.gzip(original)
        let fits = try MiniDumpFile.open(bytes: gz, limits: DecompressionLimits(maxDecompressedBytes: original.count))
        #expect(contents(fits) == original)
        let over = thrown { try MiniDumpFile.open(bytes: gz, limits: DecompressionLimits(maxDecompressedBytes: original.count - 1)) }
        #expect(over?.kind == .decompressedTooLarge)
    }

    @Test func gzipOfSomethingElseAndUnknownFormatsAreNotDumps() throws {
        let notDump = thrown { try MiniDumpFile.open(bytes: GzipWriter.gzip(CompressedInputs.notes)) }
        #expect(notDump?.kind == .notMiniDump)
        let members = try MiniDumpFile.openAll(bytes: GzipWriter.gzip(CompressedInputs.notes))
        #expect(members.count == 1)
        let zip = thrown { try MiniDumpFile.open(bytes: Array("PK\u{3}\u{4}rest".utf8)) }
        #expect(zip?.kind == .notMiniDump && zip?.detail.contains("gzip") == true)
        #expect(thrown { try MiniDumpFile.openAll(bytes: [UInt8]()) }?.kind == .notMiniDump)
        #expect(thrown { try MiniDumpFile.open(path: "/nonexistent/crash.dmp.gz") }?.kind == .io)
    }

    @Test(arguments: SharedDumps.files(in: "wine", includeCompressed: true).filter { $0.hasSuffix(".gz") })
    func realGzippedFullDumpsMatchTheReference(name: String) throws {
        guard SharedDumps.available() else { return }
        let dump = try MiniDumpFile.open(path: SharedDumps.path("wine", name))
        let expected = try #require(SharedDumps.expected("wine", name))
        #expect(UInt64(dump.fileSize) == jsonUInt64(expected["fileSize"]))
        let header = try #require(expected["header"] as? [String: Any])
        #expect(header["signature"] as? String == "MDMP")
        #expect(UInt64(dump.header.version) == jsonUInt64(header["version"]))
        #expect(UInt64(dump.header.streamCount) == jsonUInt64(header["streamCount"]))
        #expect(UInt64(dump.header.streamDirectoryRva) == jsonUInt64(header["streamDirectoryRva"]))
        #expect(UInt64(dump.header.checksum) == jsonUInt64(header["checksum"]))
        #expect(UInt64(dump.header.timestamp) == jsonUInt64(header["timestamp"]))
        #expect(dump.header.flags == jsonUInt64(header["flags"]))
        let streams = try #require(expected["streams"] as? [[String: Any]])
        #expect(dump.directory.count == streams.count)
        for (entry, reference) in zip(dump.directory, streams) {
            #expect(UInt64(entry.type.rawValue) == jsonUInt64(reference["type"]), "\(name) entry \(entry.index)")
            #expect(UInt64(entry.size) == jsonUInt64(reference["size"]), "\(name) entry \(entry.index)")
            #expect(UInt64(entry.rva) == jsonUInt64(reference["rva"]), "\(name) entry \(entry.index)")
        }
    }
}

// MARK: Cabinets

@Suite struct CabinetInputTests {
    typealias Member = CabinetWriter.Member

    /// A dump, a non-dump named like one, a text file, and a big dump under an odd extension.
    static let mixed: [Member] = [
        Member(name: "crash.dmp", data: CompressedInputs.smallDump()),
        Member(name: "readme.dmp", data: CompressedInputs.notes),
        Member(name: "notes.txt", data: CompressedInputs.notes),
        Member(name: "heap.bin", data: CompressedInputs.bigDump()),
    ]

    @Test(arguments: [CabinetWriter.Method.none, .mszip])
    func findsDumpsByContentNotName(method: CabinetWriter.Method) throws {
        let (cab, _) = CabinetWriter(method: method, members: Self.mixed).build()
        let path = try temporaryFile(cab, suffix: ".cab")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let members = try MiniDumpFile.openAll(path: path)
        #expect(members.map(\.name) == ["crash.dmp", "heap.bin"])
        #expect(successes(members) == ["crash.dmp": CompressedInputs.smallDump(), "heap.bin": CompressedInputs.bigDump()])
        let first = try MiniDumpFile.open(path: path)
        #expect(first.path == path + ":crash.dmp")
        #expect(contents(first) == CompressedInputs.smallDump())
        #expect(try MiniDumpFile.openAll(bytes: cab).compactMap { try? $0.result.get().path }.isEmpty)
    }

    @Test func mszipBlocksNeedThePreviousWindow() throws {
        let (cab, layout) = CabinetWriter(method: .mszip, members: Self.mixed).build()
        let blocks = try #require(layout.blockData.first)
        #expect(blocks.count >= 5)
        // The writer really refers back across blocks: block 2 does not inflate on its own.
        let stream = Self.mixed.flatMap(\.data)
        let block = Array(blocks[2].dropFirst(2))
        #expect(GzipWriter.rawInflate(block, dictionary: [], expectedSize: 32 * 1024) == nil)
        let window = Array(stream[(32 * 1024)..<(64 * 1024)])
        #expect(GzipWriter.rawInflate(block, dictionary: window, expectedSize: 32 * 1024) == Array(stream[(64 * 1024)..<(96 * 1024)]))
        #expect(successes(try MiniDumpFile.openAll(bytes: cab))["heap.bin"] == CompressedInputs.bigDump())
    }

    @Test func readsReserveFieldsSetNamesUTF8NamesAndSeveralFolders() throws {
        var writer = CabinetWriter(folders: [
            .init(method: .none, members: [Member(name: "crash.dmp", data: CompressedInputs.smallDump()),
                                           Member(name: "notes.txt", data: CompressedInputs.notes)]),
            .init(method: .mszip, members: [Member(name: "dumps/größe-ß.mdmp", data: CompressedInputs.bigDump(), utf8Name: true)]),
        ])
        writer.reserve = (header: 6, folder: 3, data: 2)
        writer.previous = (cabinet: "part0.cab", disk: "Disk 0")
        writer.next = (cabinet: "part2.cab", disk: "Disk 2")
        let members = try MiniDumpFile.openAll(bytes: writer.build().bytes)
        #expect(members.map(\.name) == ["crash.dmp", "dumps/größe-ß.mdmp"])
        #expect(successes(members)["dumps/größe-ß.mdmp"] == CompressedInputs.bigDump())
        #expect(successes(members)["crash.dmp"] == CompressedInputs.smallDump())
    }

    @Test func aCabinetWithoutDumpsIsNotADump() throws {
        let (cab, _) = CabinetWriter(method: .mszip, members: [Member(name: "a.dmp", data: CompressedInputs.notes)]).build()
        #expect(try MiniDumpFile.openAll(bytes: cab).isEmpty)
        #expect(thrown { try MiniDumpFile.open(bytes: cab) }?.kind == .notMiniDump)
    }

    @Test(arguments: [CabinetWriter.Method.none, .mszip])
    func flippedByteInABlockFailsItsChecksum(method: CabinetWriter.Method) {
        let (cab, layout) = CabinetWriter(method: method, members: Self.mixed).build()
        var damaged = cab
        damaged[layout.blockOffsets[0][0] + 8 + 40] ^= 0x10
        let error = thrown { try MiniDumpFile.open(bytes: damaged) }
        #expect(error?.kind == .corruptCompression)
        #expect(error?.offset == UInt64(layout.blockOffsets[0][0]))
        #expect(error?.detail.contains("csum") == true)
    }

    @Test func damagedMSZIPWithoutChecksumsIsCorrupt() {
        var writer = CabinetWriter(method: .mszip, members: Self.mixed)
        writer.checksums = false
        let (cab, layout) = writer.build()
        var noMarker = cab
        noMarker[layout.blockOffsets[0][0] + 8] = 0x58
        let error = thrown { try MiniDumpFile.open(bytes: noMarker) }
        #expect(error?.kind == .corruptCompression && error?.detail.contains("CK") == true)
        var wrongSize = cab
        wrongSize[layout.blockOffsets[0][0] + 6] ^= 0x01  // cbUncomp one off
        #expect(thrown { try MiniDumpFile.open(bytes: wrongSize) }?.kind == .corruptCompression)
    }

    @Test func truncatedCabinetKeepsTheMembersThatFit() throws {
        let (cab, layout) = CabinetWriter(method: .mszip, members: Self.mixed).build()
        let cut = Array(cab.prefix(layout.blockOffsets[0][3] + 20))
        let members = try MiniDumpFile.openAll(bytes: cut)
        #expect(members.map(\.name) == ["crash.dmp", "heap.bin"])
        #expect(successes(members)["crash.dmp"] == CompressedInputs.smallDump())
        guard case .failure(let error) = members.last?.result else {
            Issue.record("heap.bin should fail")
            return
        }
        #expect(error.kind == .truncated && error.offset == UInt64(layout.blockOffsets[0][3] + 8))
        #expect(contents(try MiniDumpFile.open(bytes: cut)) == CompressedInputs.smallDump())
        for tableCut in [10, 36, layout.fileEntryOffsets[1] + 5] {
            let error = thrown { try MiniDumpFile.open(bytes: Array(cab.prefix(tableCut))) }
            #expect([MiniDumpError.Kind.truncated, .invalidCount].contains(error?.kind), "cut at \(tableCut): \(String(describing: error))")
        }
    }

    @Test(arguments: [(UInt16(0x1503), "LZX"), (UInt16(0x1002), "Quantum")])
    func lzxAndQuantumFoldersAreReportedByName(typeCompress: UInt16, method: String) throws {
        let writer = CabinetWriter(folders: [
            .init(method: .mszip, members: [Member(name: "crash.dmp", data: CompressedInputs.smallDump()),
                                            Member(name: "notes.txt", data: CompressedInputs.notes)]),
            .init(method: .none, members: [Member(name: "later.dmp", data: CompressedInputs.bigDump())]),
        ])
        var (cab, layout) = writer.build()
        cab[layout.typeCompressOffsets[0]] = UInt8(typeCompress & 0xFF)
        cab[layout.typeCompressOffsets[0] + 1] = UInt8(typeCompress >> 8)
        let error = thrown { try MiniDumpFile.open(bytes: cab) }
        #expect(error?.kind == .unsupportedCompression)
        #expect(error?.detail.contains(method) == true, "\(String(describing: error))")
        #expect(error?.offset == UInt64(layout.typeCompressOffsets[0]))
        // Content unknown, so both members of the folder are listed with the error; the other folder opens.
        let members = try MiniDumpFile.openAll(bytes: cab)
        #expect(members.map(\.name) == ["crash.dmp", "notes.txt", "later.dmp"])
        #expect(successes(members).keys.map { $0 } == ["later.dmp"])
    }

    @Test func cabinetFolderLargerThanTheCapIsRefused() {
        let (cab, _) = CabinetWriter(method: .mszip, members: Self.mixed).build()
        let error = thrown { try MiniDumpFile.open(bytes: cab, limits: DecompressionLimits(maxDecompressedBytes: 64 * 1024)) }
        #expect(error?.kind == .decompressedTooLarge)
    }

    @Test func hostileTablesGiveErrorsNotCrashes() throws {
        let (cab, layout) = CabinetWriter(method: .none, members: Self.mixed).build()
        var manyFiles = cab
        manyFiles[26] = 0xFF; manyFiles[27] = 0xFF  // cFolders
        #expect(thrown { try MiniDumpFile.openAll(bytes: manyFiles) }?.kind == .invalidCount)
        let entry = layout.fileEntryOffsets[0]
        let cases: [(patch: [(Int, UInt8)], kind: MiniDumpError.Kind)] = [
            ([(0, 0xFF), (3, 0x7F)], .truncated),          // cbFile past the end of the folder
            ([(8, 0xFE), (9, 0xFF)], .unsupportedCompression), // iFolder 0xFFFE: continued in the next cabinet
            ([(8, 7)], .invalidValue),                     // iFolder 7 of 1
        ]
        for (patch, kind) in cases {
            var hostile = cab
            for (field, value) in patch { hostile[entry + field] = value }
            let first = try MiniDumpFile.openAll(bytes: hostile).first
            #expect(first?.name == "crash.dmp")
            guard case .failure(let error) = first?.result else {
                Issue.record("\(patch) should fail")
                continue
            }
            #expect(error.kind == kind, "\(patch): \(error)")
            #expect(error.offset >= UInt64(entry))
        }
    }

    @Test func interleavedFoldersAndCopiedMembersStayBounded() throws {
        let small = CompressedInputs.smallDump()
        let writer = CabinetWriter(folders: [
            .init(method: .mszip, members: [Member(name: "a.dmp", data: small), Member(name: "b.txt", data: CompressedInputs.notes)]),
            .init(method: .none, members: [Member(name: "c.dmp", data: small), Member(name: "d.txt", data: CompressedInputs.notes)]),
        ])
        var (cab, layout) = writer.build()
        // Reorder the equal-sized CFFILE entries to a, c, b, d: the folders alternate.
        let entries = layout.fileEntryOffsets.map { Array(cab[$0..<($0 + 22)]) }
        for (slot, source) in [0, 2, 1, 3].enumerated() {
            cab.replaceSubrange(layout.fileEntryOffsets[slot]..<(layout.fileEntryOffsets[slot] + 22), with: entries[source])
        }
        #expect(successes(try MiniDumpFile.openAll(bytes: cab)) == ["a.dmp": small, "c.dmp": small])
        #expect(try MiniDumpFile.openAll(bytes: cab).map(\.name) == ["a.dmp", "c.dmp"])
        // b.txt now claims the same bytes as a.dmp: three copies of the small dump, with room for two.
        var twice = cab
        let b = layout.fileEntryOffsets[2]
        for index in 0..<8 { twice[b + index] = cab[layout.fileEntryOffsets[0] + index] }
        let limits = DecompressionLimits(maxDecompressedBytes: 2 * small.count + CompressedInputs.notes.count)
        let members = try MiniDumpFile.openAll(bytes: twice, limits: limits)
        #expect(members.map(\.name) == ["a.dmp", "c.dmp", "b.txt"])
        #expect(successes(members).count == 2)
        #expect(members.compactMap { try? $0.result.get() }.count == 2)
        let failures = members.compactMap { member -> MiniDumpError? in
            if case .failure(let error) = member.result { return error }
            return nil
        }
        #expect(failures.map(\.kind) == [.decompressedTooLarge])
    }

    @Test func truncationsAndMutationsEndInAValueOrAnError() {
        let seed = UInt64(0x5EED_CAB5)
        print("cabinet robustness seed \(Hex.format(seed))")
        var random = SplitMix64(seed: seed)
        let small = [Member(name: "crash.dmp", data: CompressedInputs.smallDump()),
                     Member(name: "notes.txt", data: CompressedInputs.notes)]
        var inputs = [CabinetWriter(method: .mszip, members: small).build().bytes,
                      CabinetWriter(method: .none, members: small).build().bytes,
                      GzipWriter.gzip(CompressedInputs.smallDump())]
        var reserved = CabinetWriter(method: .mszip, members: small)
        reserved.reserve = (header: 4, folder: 2, data: 1)
        reserved.next = (cabinet: "b.cab", disk: "b")
        inputs.append(reserved.build().bytes)
        for input in inputs {
            for cut in 0..<min(input.count, 400) { _ = try? MiniDumpFile.openAll(bytes: Array(input.prefix(cut))) }
            for _ in 0..<300 {
                var mutated = input
                for _ in 0..<(1 + random.next() % 3) {
                    mutated[4 + Int(random.next() % UInt64(input.count - 4))] = UInt8(truncatingIfNeeded: random.next())
                }
                _ = try? MiniDumpFile.openAll(bytes: mutated)
                _ = try? MiniDumpFile.open(bytes: mutated)
            }
        }
    }

    @Test(arguments: ["mszip.cab", "none.cab"])
    func gcabCabinetsHoldTheBuiltDumps(file: String) throws {
        let path = fixtureFolder.appendingPathComponent(file).path
        let members = try MiniDumpFile.openAll(path: path)
        #expect(members.map(\.name) == ["crash.dmp", "big.dmp"])
        #expect(successes(members) == ["crash.dmp": CompressedInputs.smallDump(), "big.dmp": CompressedInputs.bigDump()])
        let first = try MiniDumpFile.open(path: path)
        #expect(first.path == path + ":crash.dmp")
        #expect(first.directory.map(\.type) == [.commentA, StreamType(0x4D44_0001)])
    }
}
