import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// The dumps in `../shared/dumps/public` and `wine`, as `name` or `wine/name`.
let sharedDumpNames = SharedDumps.files(in: "public") + SharedDumps.files(in: "wine").map { "wine/" + $0 }

/// Opens a shared dump given as `name` or `wine/name`; `nil` (after checking that the manifest calls
/// it malformed) when it does not open.
func openSharedDump(_ name: String) -> (folder: String, file: String, dump: MiniDumpFile)? {
    let folder = name.hasPrefix("wine/") ? "wine" : "public"
    let file = name.hasPrefix("wine/") ? String(name.dropFirst(5)) : name
    do {
        return (folder, file, try MiniDumpFile(path: SharedDumps.path(folder, file)))
    } catch {
        let malformed = (SharedDumps.manifest[file]?["malformed"] as? Bool) ?? false
        #expect(malformed, "\(file) failed to open: \(error)")
        return nil
    }
}

/// The four ASCII characters of a reference CodeView signature (`RSDS`, `LEpB`) read little-endian.
func signatureValue(_ text: String) -> UInt32? {
    let bytes = Array(text.utf8)
    guard bytes.count == 4 else { return nil }
    return bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
}

func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter(\.isHexDigit))
    return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
}

@Suite struct ModuleTests {
    // MARK: Real dumps against the reference tools

    @Test(arguments: sharedDumpNames)
    func modulesMatchReference(name: String) throws {
        guard SharedDumps.available(), let (folder, file, dump) = openSharedDump(name) else { return }
        let expected = SharedDumps.expected(folder, file)
        let streamPresent = dump.entry(for: .moduleList) != nil
        guard let reference = expected?["modules"] as? [[String: Any]] else {
            // No reference: the decoder must still end in a value or a thrown error.
            _ = try? dump.moduleList()
            if !streamPresent { #expect(try dump.moduleList() == nil) }
            return
        }
        let notes = (expected?["notes"] as? [String]) ?? []
        let stream = try #require(try dump.moduleList(), "\(file): no ModuleList")
        #expect(stream.modules.count == reference.count, "\(file)")
        #expect(stream.diagnostics.isEmpty, "\(file): \(stream.diagnostics)")
        let paddedNote = notes.contains { $0.hasPrefix("ModuleList has 4 bytes of padding") }
        #expect(stream.isPadded == paddedNote, "\(file)")

        for (module, ref) in zip(stream.modules, reference) {
            let label = "\(file) module \(module.index) \(module.path)"
            #expect(module.path == ref["name"] as? String, "\(label)")
            #expect(module.baseAddress == jsonUInt64(ref["base"]), "\(label)")
            #expect(module.size == jsonUInt64(ref["size"]), "\(label)")
            #expect(UInt64(module.checksum) == jsonUInt64(ref["checksum"]), "\(label)")
            #expect(UInt64(module.timestamp) == jsonUInt64(ref["timestamp"]), "\(label)")
            #expect(module.codeViewLocation.size == jsonUInt64(ref["cvRecordSize"]), "\(label)")
            if let rva = jsonUInt64(ref["cvRecordRva"]) { #expect(module.codeViewLocation.rva == rva, "\(label)") }
            #expect(module.miscRecordLocation.size == jsonUInt64(ref["miscRecordSize"]), "\(label)")
            checkVersion(module, ref, label)
            checkCodeView(module, ref, label)
        }
    }

    private func checkVersion(_ module: DumpModule, _ ref: [String: Any], _ label: String) {
        if let info = ref["fixedFileInfo"] as? [String: Any] {
            let fields: [(String, UInt32)] = [
                ("signature", module.versionInfo.signature), ("structVersion", module.versionInfo.structVersion),
                ("fileVersionMS", module.versionInfo.fileVersionMS), ("fileVersionLS", module.versionInfo.fileVersionLS),
                ("productVersionMS", module.versionInfo.productVersionMS),
                ("productVersionLS", module.versionInfo.productVersionLS),
                ("fileFlagsMask", module.versionInfo.fileFlagsMask), ("fileFlags", module.versionInfo.fileFlags),
                ("fileOS", module.versionInfo.fileOS), ("fileType", module.versionInfo.fileType),
                ("fileSubtype", module.versionInfo.fileSubtype), ("fileDateMS", module.versionInfo.fileDateMS),
                ("fileDateLS", module.versionInfo.fileDateLS),
            ]
            for (key, value) in fields { #expect(UInt64(value) == jsonUInt64(info[key]), "\(label) \(key)") }
        }
        #expect(module.fileVersion?.description == ref["version"] as? String, "\(label)")
        #expect(module.productVersion?.description == ref["productVersion"] as? String, "\(label)")
    }

    private func checkCodeView(_ module: DumpModule, _ ref: [String: Any], _ label: String) {
        // `codeview: null` means no reference tool decoded the record (lldb__bad_duplicate_streams,
        // read by skelsec alone, which does not decode CodeView); the malformed-copies test below
        // checks those records against the well-formed original instead.
        guard let reference = ref["codeview"] as? [String: Any] else { return }
        guard let signatureText = reference["signature"] as? String else {
            #expect(module.codeView == nil, "\(label)")
            #expect(module.debugId == nil && module.debugFile == nil, "\(label)")
            return
        }
        let codeView = module.codeView
        #expect(codeView?.signature == signatureValue(signatureText), "\(label)")
        switch signatureText {
        case "RSDS":
            #expect(codeView?.guid?.description == reference["guid"] as? String, "\(label)")
            #expect(codeView?.age.map(UInt64.init) == jsonUInt64(reference["age"]), "\(label)")
            #expect(codeView?.pdbFileName == reference["pdbName"] as? String, "\(label)")
            // Breakpad's debug id: the GUID's 32 hex digits in field order, then the age in hex.
            if let guid = reference["guid"] as? String, let age = jsonUInt64(reference["age"]) {
                let expectedId = guid.replacingOccurrences(of: "-", with: "") + String(age, radix: 16)
                #expect(module.debugId == expectedId, "\(label)")
            }
            let pdbName = (reference["pdbName"] as? String) ?? ""
            #expect(module.debugFile == (pdbName.isEmpty ? nil : pdbName), "\(label)")
        case "LEpB":
            let buildID = hexBytes((reference["buildId"] as? String) ?? "")
            #expect(codeView?.buildID == buildID, "\(label)")
            #expect(module.debugFile == module.name, "\(label)")
            let allZero = buildID.allSatisfy { $0 == 0 }
            #expect(module.codeId == (allZero ? nil : (reference["buildId"] as? String)?.lowercased()), "\(label)")
            // lldb's UUID keeps the build id's bytes in order; Breakpad reads the first 16 as a
            // little-endian GUID, so its first three fields come out byte-swapped.
            if let uuid = ref["lldbUuid"] as? String {
                let raw = hexBytes(uuid)
                #expect(raw == Array(buildID.prefix(raw.count)), "\(label)")
                let padded = Array((buildID + [UInt8](repeating: 0, count: 16)).prefix(16))
                let swapped = Array(padded[0..<4].reversed()) + Array(padded[4..<6].reversed())
                    + Array(padded[6..<8].reversed()) + Array(padded[8..<16])
                #expect(module.debugId == swapped.map { String(format: "%02X", $0) }.joined() + "0", "\(label)")
            }
        default:
            Issue.record("\(label): reference signature \(signatureText) not covered by this test")
        }
    }

    /// lldb's two deliberately malformed copies of linux-i386.dmp: the module list itself is intact.
    /// The reference for bad_duplicate_streams comes only from skelsec (no bounds checks) and has no
    /// CodeView values, so it is checked against the well-formed original instead.
    @Test func malformedLLDBCopiesKeepTheOriginalModules() throws {
        guard SharedDumps.available() else { return }
        let original = try MiniDumpFile(path: SharedDumps.path("public", "lldb__linux-i386.dmp"))
        let originalModules = try #require(try original.moduleList()).modules
        for file in ["lldb__bad_duplicate_streams.dmp", "lldb__bad_overlapping_streams.dmp"] {
            let dump = try MiniDumpFile(path: SharedDumps.path("public", file))
            let modules = try #require(try dump.moduleList()).modules
            #expect(modules.map(\.path) == originalModules.map(\.path), "\(file)")
            #expect(modules.map(\.baseAddress) == originalModules.map(\.baseAddress), "\(file)")
            #expect(modules.map(\.codeView) == originalModules.map(\.codeView), "\(file)")
        }
    }

    @Test func paddedAndUnpaddedLLDBListsAgree() throws {
        guard SharedDumps.available() else { return }
        let padded = try #require(try MiniDumpFile(path: SharedDumps.path("public", "lldb__module-list-padded.dmp")).moduleList())
        let plain = try #require(try MiniDumpFile(path: SharedDumps.path("public", "lldb__module-list-not-padded.dmp")).moduleList())
        #expect(padded.isPadded && !plain.isPadded)
        #expect(padded.modules.map(\.path) == ["/tmp/a", "/tmp/b"])
        #expect(padded.modules.map(\.path) == plain.modules.map(\.path))
        #expect(padded.modules.map(\.baseAddress) == plain.modules.map(\.baseAddress))
        #expect(padded.modules.map(\.size) == plain.modules.map(\.size))
    }
}

// MARK: Built dumps

extension ModuleTests {
    static let guidBytes: [UInt8] = [
        0xEB, 0xBA, 0x15, 0xB7, 0x87, 0x70, 0xCA, 0x45, 0xB2, 0x9F, 0x4A, 0x5D, 0xAC, 0x20, 0x78, 0xB6,
    ]

    func build(_ modules: [TestModule], padded: Bool = false, count: UInt32? = nil) throws -> MiniDumpFile {
        var builder = MiniDumpBuilder()
        let stream = ModuleStreamBytes.moduleList(modules, into: &builder, padded: padded, count: count)
        builder.addStream(StreamType.moduleList.rawValue, stream)
        return try MiniDumpFile(bytes: builder.build())
    }

    @Test func decodesEveryFieldOfABuiltModule() throws {
        let module = TestModule(
            base: 0x7FFA_1234_0000, size: 0x1F_0000, checksum: 0x1F_2345, timestamp: 0x5FFB_0DEB,
            name: "C:\\Windows\\System32\\ntdll.dll",
            versionInfo: ModuleStreamBytes.versionInfo(file: [10, 0, 19041, 1], product: [10, 0, 19041, 2]),
            codeView: ModuleStreamBytes.rsds(guidBytes: Self.guidBytes, age: 0x1A, pdb: "ntdll.pdb"))
        let stream = try #require(try build([module]).moduleList())
        #expect(!stream.isPadded && stream.diagnostics.isEmpty)
        let decoded = try #require(stream.modules.first)
        #expect(decoded.path == "C:\\Windows\\System32\\ntdll.dll")
        #expect(decoded.name == "ntdll.dll")
        #expect(decoded.baseAddress == 0x7FFA_1234_0000 && decoded.size == 0x1F_0000)
        #expect(decoded.endAddress == 0x7FFA_1253_0000)
        #expect(decoded.checksum == 0x1F_2345 && decoded.timestamp == 0x5FFB_0DEB)
        #expect(decoded.fileVersion?.description == "10.0.19041.1")
        #expect(decoded.productVersion?.description == "10.0.19041.2")
        #expect(decoded.versionInfo.fileType == 2)
        #expect(decoded.codeView?.guid?.description == "B715BAEB-7087-45CA-B29F-4A5DAC2078B6")
        #expect(decoded.codeView?.age == 0x1A)
        #expect(decoded.debugFile == "ntdll.pdb")
        #expect(decoded.debugId == "B715BAEB708745CAB29F4A5DAC2078B61a")
        #expect(decoded.codeId == "5FFB0DEB1f0000")
    }

    @Test func paddingAfterTheCountIsSkipped() throws {
        let modules = [TestModule(base: 0x1000, size: 0x2000, name: "/tmp/a"), TestModule(base: 0x5000, size: 0x3000, name: "/tmp/b")]
        let padded = try #require(try build(modules, padded: true).moduleList())
        let plain = try #require(try build(modules).moduleList())
        #expect(padded.isPadded && !plain.isPadded)
        #expect(padded.modules.map(\.path) == ["/tmp/a", "/tmp/b"])
        #expect(padded.modules == plain.modules)
        #expect(padded.modules.map(\.size) == [0x2000, 0x3000])
    }

    @Test func hostileCountFailsWithoutAllocating() throws {
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.moduleList.rawValue, [0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 12))
        let dump = try MiniDumpFile(bytes: builder.build())
        #expect {
            _ = try dump.moduleList()
        } throws: { error in
            let error = error as? MiniDumpError
            return error?.kind == .invalidCount && error?.streamType == .moduleList && error?.detail.contains("4294967295") == true
        }
        // The error is remembered, not recomputed differently.
        #expect(throws: MiniDumpError.self) { _ = try dump.moduleList() }
        #expect(throws: MiniDumpError.self) { _ = try dump.moduleMap() }
    }

    @Test func countOneTooLargeOrEmptyStreamThrows() throws {
        let module = TestModule(base: 0x1000, size: 0x1000, name: "a")
        #expect(throws: MiniDumpError.self) { _ = try build([module], count: 2).moduleList() }
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.moduleList.rawValue, [])
        #expect(throws: MiniDumpError.self) { _ = try MiniDumpFile(bytes: builder.build()).moduleList() }
        var outside = MiniDumpBuilder()
        outside.addEntry(type: StreamType.moduleList.rawValue, size: 112, rva: 0x7FFF_0000)
        #expect(throws: MiniDumpError.self) { _ = try MiniDumpFile(bytes: outside.build()).moduleList() }
    }

    @Test func absentStreamIsNil() throws {
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.commentA.rawValue, Array("no modules".utf8))
        let dump = try MiniDumpFile(bytes: builder.build())
        #expect(try dump.moduleList() == nil)
        #expect(try dump.unloadedModuleList() == nil)
        #expect(try dump.memoryInfoList() == nil)
        #expect(try dump.moduleMap().isEmpty)
    }

    @Test func nameOrCodeViewPastTheEndIsADiagnostic() throws {
        let modules = [
            TestModule(base: 0x1000, size: 0x1000, name: "good.dll"),
            TestModule(base: 0x4000, size: 0x1000, nameRva: 0xFFFF_FFF0),
            TestModule(base: 0x8000, size: 0x1000, name: "cv.dll", codeViewLocation: (24, 0x7FFF_FF00)),
            TestModule(base: 0xC000, size: 0x1000, name: "huge.dll", codeViewLocation: (0x100_0000, 0x40)),
        ]
        let stream = try #require(try build(modules).moduleList())
        #expect(stream.modules.map(\.path) == ["good.dll", "", "cv.dll", "huge.dll"])
        #expect(stream.modules[1].name == "" && stream.modules[1].baseAddress == 0x4000)
        #expect(stream.modules[2].codeView == nil && stream.modules[3].codeView == nil)
        #expect(stream.diagnostics.count == 3)
        #expect(stream.diagnostics.allSatisfy { $0.streamType == .moduleList })
        #expect(stream.diagnostics[0].message.contains("module 1") && stream.diagnostics[0].message.contains("0xFFFFFFF0"))
        #expect(stream.diagnostics[1].message.contains("module 2") && stream.diagnostics[1].message.contains("past the end"))
        #expect(stream.diagnostics[2].message.contains("module 3"))
    }

    @Test func wrongVersionSignatureMeansNoVersion() throws {
        let words = ModuleStreamBytes.versionInfo(signature: 0xFEEF_04BC, file: [1, 2, 3, 4], product: [5, 6, 7, 8])
        let stream = try #require(try build([TestModule(base: 0x1000, size: 0x1000, name: "x.dll", versionInfo: words)]).moduleList())
        #expect(stream.modules[0].versionInfo.fileVersionMS == 0x0001_0002)
        #expect(stream.modules[0].fileVersion == nil && stream.modules[0].productVersion == nil)
        #expect(FileVersion(mostSignificant: 0x000A_0000, leastSignificant: 0x4A61_0001).description == "10.0.19041.1")
    }

    @Test func codeViewKinds() throws {
        let buildID: [UInt8] = Array(1...20)
        let modules = [
            TestModule(base: 0x1000, size: 0x1000, timestamp: 0x3A00_0000, name: "old.dll",
                       codeView: ModuleStreamBytes.nb10(signature: 0x3A1B_2C3D, age: 2, pdb: "old.pdb")),
            TestModule(base: 0x2000, size: 0x1000, name: "/usr/lib/libfoo.so",
                       codeView: ModuleStreamBytes.elf(buildID: buildID)),
            TestModule(base: 0x3000, size: 0x1000, name: "/dev/shm/data", codeView: ModuleStreamBytes.elf(buildID: [0, 0, 0, 0])),
            TestModule(base: 0x4000, size: 0x1000, name: "odd", codeView: Array("MTOC".utf8) + [1, 2, 3]),
            TestModule(base: 0x5000, size: 0x1000, name: "short", codeView: Array("RSDS".utf8) + [1, 2, 3, 4]),
            TestModule(base: 0x6000, size: 0x1000, timestamp: 0x1234, name: "nocv.dll"),
        ]
        let stream = try #require(try build(modules).moduleList())
        let nb10 = stream.modules[0]
        #expect(nb10.codeView == .pdb20(signature: 0x3A1B_2C3D, age: 2, pdbFileName: "old.pdb"))
        #expect(nb10.debugId == "3A1B2C3D2" && nb10.debugFile == "old.pdb" && nb10.codeId == "3A0000001000")
        let elf = stream.modules[1]
        #expect(elf.codeView?.buildID == buildID)
        #expect(elf.debugFile == "libfoo.so")
        #expect(elf.codeId == "0102030405060708090a0b0c0d0e0f1011121314")
        #expect(elf.debugId == "0403020106050807090A0B0C0D0E0F100")
        let zero = stream.modules[2]
        #expect(zero.codeId == nil && zero.debugId == "000000000000000000000000000000000")
        #expect(stream.modules[3].codeView == .unknown(signature: 0x434F_544D, bytes: Array("MTOC".utf8) + [1, 2, 3]))
        #expect(stream.modules[3].debugId == nil && stream.modules[3].debugFile == nil && stream.modules[3].codeId == nil)
        #expect(stream.modules[4].codeView?.signature == CodeViewRecord.pdb70Signature)
        #expect(stream.modules[4].codeView?.guid == nil)
        #expect(stream.diagnostics.count == 1 && stream.diagnostics[0].message.contains("module 4"))
        #expect(stream.modules[5].codeView == nil && stream.modules[5].codeId == "000012341000")
    }

    @Test func namesSplitOnBothSeparators() throws {
        let paths = ["C:\\a\\b.dll", "/usr/lib/x.so", "D:/mixed\\dir/n.dll", "plain", "C:\\dir\\", ""]
        let stream = try #require(try build(paths.enumerated().map { TestModule(base: UInt64($0.offset) << 16, size: 0x1000, name: $0.element) }).moduleList())
        #expect(stream.modules.map(\.name) == ["b.dll", "x.so", "n.dll", "plain", "", ""])
        #expect(stream.modules.map(\.path) == paths)
    }

    /// The name is kept with the path, so a changed path changes it too.
    @Test func nameFollowsThePath() {
        var module = DumpModule(index: 0, path: "C:\\Windows\\System32\\ntdll.dll", baseAddress: 0x1000, size: 0x1000)
        #expect(module.name == "ntdll.dll")
        module.path = "/usr/lib/libc.so.6"
        #expect(module.name == "libc.so.6")
        #expect(module == DumpModule(index: 0, path: "/usr/lib/libc.so.6", baseAddress: 0x1000, size: 0x1000))
    }

    /// The GUID's text forms, field by field, from bytes in place and from an array alike.
    @Test func guidTextMatchesItsFields() {
        let bytes: [UInt8] = [0xEB, 0xBA, 0x15, 0xB7, 0x87, 0x70, 0xCA, 0x45, 0xB2, 0x9F, 0x4A, 0x5D, 0xAC, 0x20, 0x78, 0xB6]
        let guid = DumpGUID(littleEndianBytes: bytes)
        #expect(guid.description == "B715BAEB-7087-45CA-B29F-4A5DAC2078B6")
        #expect(guid.compactHex == "B715BAEB708745CAB29F4A5DAC2078B6")
        #expect(DumpGUID(data1: 1, data2: 2, data3: 3, data4: [4]).description == "00000001-0002-0003-0400-000000000000")
        let record = CodeViewRecord(bytes: Array("RSDS".utf8) + bytes + [7, 0, 0, 0] + Array("x.pdb".utf8) + [0, 0x41])
        #expect(record == .pdb70(guid: guid, age: 7, pdbFileName: "x.pdb"))
        #expect(record.breakpadDebugID == "B715BAEB708745CAB29F4A5DAC2078B67")
    }

    @Test func moduleAtTheTopOfTheAddressSpace() throws {
        let stream = try #require(try build([TestModule(base: 0xFFFF_FFFF_FFFF_F000, size: 0x2000, name: "wrap")]).moduleList())
        let module = stream.modules[0]
        #expect(module.endAddress == UInt64.max)
        #expect(module.contains(UInt64.max) && module.contains(0xFFFF_FFFF_FFFF_F000) && !module.contains(0))
        #expect(stream.diagnostics.count == 1 && stream.diagnostics[0].message.contains("top of the address space"))
    }
}
