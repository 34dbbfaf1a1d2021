import MiniDump
import MiniDumpWriter
import Testing

@Suite struct HeaderTests {
    @Test func opensBuiltDumpAndListsDirectory() throws {
        var builder = MiniDumpBuilder()
        builder.addStream(0x1234_5678, [1, 2, 3, 4])
        builder.addStream(StreamType.commentA.rawValue, Array("why".utf8))
        let dump = try MiniDumpFile(bytes: builder.build())
        #expect(dump.header.streamCount == 2)
        #expect(dump.directory.map(\.type) == [StreamType(0x1234_5678), .commentA])
        #expect(try dump.rawBytes(of: dump.directory[0]) == [1, 2, 3, 4])
        #expect(dump.directory[0].type.name == "0x12345678")
        #expect(dump.directoryDiagnostics.isEmpty)
    }

    @Test func rejectsWrongSignatureWithOffset() {
        var builder = MiniDumpBuilder()
        builder.signature = 0x4141_4141
        #expect {
            _ = try MiniDumpFile(bytes: builder.build())
        } throws: { error in
            guard let error = error as? MiniDumpError else { return false }
            return error.kind == .notMiniDump && error.offset == 0 && error.detail.contains("0x41414141")
        }
    }

    @Test func rejectsWrongVersion() {
        var builder = MiniDumpBuilder()
        builder.version = 0x1234
        #expect(throws: MiniDumpError.self) { _ = try MiniDumpFile(bytes: builder.build()) }
    }

    @Test func hostileStreamCountFailsFastWithoutAllocating() {
        let builder = MiniDumpBuilder(directoryCapacity: 1)
        #expect {
            _ = try MiniDumpFile(bytes: builder.build(streamCountOverride: 0xFFFF_FFFF))
        } throws: { error in
            (error as? MiniDumpError)?.kind == .invalidCount
        }
    }

    @Test func emptyAndTinyInputsThrow() {
        for size in 0..<40 {
            let bytes = Array(MiniDumpBuilder(directoryCapacity: 0).build().prefix(size))
            if size < 32 {
                #expect(throws: MiniDumpError.self) { _ = try MiniDumpFile(bytes: bytes) }
            }
        }
    }

    @Test func streamPastEndIsADiagnosticNotAnError() throws {
        var builder = MiniDumpBuilder()
        builder.addEntry(type: StreamType.moduleList.rawValue, size: 0x1000, rva: 0xFFFF_0000)
        builder.addStream(StreamType.commentA.rawValue, [0x41])
        builder.addStream(StreamType.commentA.rawValue, [0x42])
        let dump = try MiniDumpFile(bytes: builder.build())
        #expect(dump.directoryDiagnostics.count == 2)
        #expect(throws: MiniDumpError.self) { _ = try dump.rawBytes(of: dump.directory[0]) }
    }

    @Test(arguments: SharedDumps.files(in: "public") + SharedDumps.files(in: "wine").map { "wine/" + $0 })
    func realDumpDirectoryMatchesReference(name: String) throws {
        guard SharedDumps.available() else { return }
        let folder = name.hasPrefix("wine/") ? "wine" : "public"
        let file = name.hasPrefix("wine/") ? String(name.dropFirst(5)) : name
        let malformed = (SharedDumps.manifest[file]?["malformed"] as? Bool) ?? false
        let dump: MiniDumpFile
        do {
            dump = try MiniDumpFile(path: SharedDumps.path(folder, file))
        } catch {
            #expect(malformed, "\(file) failed to open: \(error)")
            return
        }
        guard let expected = SharedDumps.expected(folder, file),
              let streams = expected["streams"] as? [[String: Any]] else { return }
        #expect(dump.directory.count == streams.count)
        for (entry, reference) in zip(dump.directory, streams) {
            #expect(UInt64(entry.type.rawValue) == jsonUInt64(reference["type"]), "\(file) entry \(entry.index)")
            #expect(UInt64(entry.size) == jsonUInt64(reference["size"]), "\(file) entry \(entry.index)")
            #expect(UInt64(entry.rva) == jsonUInt64(reference["rva"]), "\(file) entry \(entry.index)")
        }
    }
}
