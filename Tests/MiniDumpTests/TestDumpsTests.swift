import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// The dumps under `TestDumps/` and the writer that builds them.
///
/// The committed files must be exactly what `TestDumpCatalog` generates (so they never drift from
/// the generator); each must open and list the streams its scene declares; the writer's records
/// must have the sizes and field offsets the Windows headers define.
@Suite struct TestDumpsTests {
    static let catalog = TestDumpCatalog.all()
    static let paths = catalog.map(\.path)
    static let folder = SharedDumps.packageRoot.appendingPathComponent(TestDumpCatalog.folder)

    static func dump(_ path: String) -> TestDump? { catalog.first { $0.path == path } }

    // MARK: Committed files

    @Test(arguments: paths)
    func committedFileIsWhatTheGeneratorBuilds(path: String) throws {
        let dump = try #require(Self.dump(path))
        let url = Self.folder.appendingPathComponent(path)
        guard let committed = FileManager.default.contents(atPath: url.path) else {
            Issue.record("\(path) is missing from TestDumps/; run `swift run make-testdumps TestDumps`")
            return
        }
        #expect(Array(committed) == dump.bytes, "\(path) differs from TestDumpCatalog; run `swift run make-testdumps TestDumps`")
    }

    @Test func readmeIsWhatTheGeneratorWrites() throws {
        let url = Self.folder.appendingPathComponent("README.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == TestDumpCatalog.readme(), "TestDumps/README.md is stale; run `swift run make-testdumps TestDumps`")
    }

    @Test func generationIsDeterministicAndSmall() {
        let again = TestDumpCatalog.all()
        #expect(again.map(\.path) == Self.paths)
        #expect(Set(Self.paths).count == Self.paths.count, "duplicate paths in the catalog")
        for (first, second) in zip(Self.catalog, again) {
            #expect(first.bytes == second.bytes, "\(first.path) is not deterministic")
            #expect(first.bytes.count < 200 * 1024, "\(first.path) is \(first.bytes.count) bytes")
        }
        for required in ["amd64-access-violation.dmp", "x86-breakpoint.dmp", "arm64-linux-segv.dmp", "all-streams.dmp",
                         "padded-lists.dmp"] {
            #expect(Self.paths.contains(required), "\(required) is missing from the catalog")
        }
        #expect(Self.paths.filter { $0.hasPrefix("malformed/") }.count >= 5)
    }

    // MARK: Opening

    @Test(arguments: paths)
    func opensAndListsTheDeclaredStreams(path: String) throws {
        let dump = try #require(Self.dump(path))
        let fromBytes: MiniDumpFile
        do {
            fromBytes = try MiniDumpFile(bytes: dump.bytes)
        } catch {
            #expect(dump.expectation == .throwsOnOpen, "\(path) failed to open: \(error)")
            return
        }
        #expect(dump.expectation == .opens, "\(path) opened but should have thrown")
        #expect(fromBytes.directory.map(\.type) == dump.declaredStreams)
        #expect(fromBytes.fileSize == dump.bytes.count)
        if let scene = dump.scene {
            #expect(fromBytes.header.timestamp == scene.timestamp)
            #expect(fromBytes.header.dumpType == scene.headerFlags)
        }
        if !path.hasPrefix("malformed/") {
            #expect(fromBytes.directoryDiagnostics.isEmpty, "\(path): \(fromBytes.directoryDiagnostics)")
        }

        let url = Self.folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return }  // reported by the drift test
        let fromPath = try MiniDumpFile(path: url.path)
        #expect(fromPath.directory == fromBytes.directory)
        #expect(fromPath.header == fromBytes.header)
    }

    @Test(arguments: paths.filter { $0.hasPrefix("malformed/") })
    func malformedDumpsThrowMiniDumpErrorOrOpen(path: String) throws {
        let dump = try #require(Self.dump(path))
        do {
            let file = try MiniDumpFile(bytes: dump.bytes)
            #expect(dump.expectation == .opens)
            // Every stream either yields its bytes or throws MiniDumpError; nothing traps.
            for entry in file.directory {
                _ = try? file.rawBytes(of: entry)
            }
        } catch {
            #expect(dump.expectation == .throwsOnOpen, "\(path): \(error)")
        }
    }

    @Test func directoryCountFFFFFFFFFailsWithInvalidCount() throws {
        let dump = try #require(Self.dump("malformed/directory-count-ffffffff.dmp"))
        #expect {
            _ = try MiniDumpFile(bytes: dump.bytes)
        } throws: { error in
            (error as? MiniDumpError)?.kind == .invalidCount
        }
    }

    @Test func truncatedDumpKeepsEveryStreamAndLosesMemory() throws {
        let dump = try #require(Self.dump("malformed/truncated.dmp"))
        let file = try MiniDumpFile(bytes: dump.bytes)
        #expect(file.directoryDiagnostics.isEmpty)
        for entry in file.directory { #expect(throws: Never.self) { _ = try file.rawBytes(of: entry) } }
        // The Memory64 data runs past the end of the file.
        let memory64 = try #require(file.entry(for: .memory64List))
        let list = try file.rawBytes(of: memory64)
        let count = Self.u64(list, 0)
        let base = Self.u64(list, 8)
        let total = (0..<Int(count)).reduce(UInt64(0)) { $0 + Self.u64(list, 16 + 16 * $1 + 8) }
        #expect(base < UInt64(file.fileSize))
        #expect(base + total > UInt64(file.fileSize))
    }

    // MARK: The demo dump's story

    @Test func accessViolationDumpHoldsTheFaultItsReadmeDescribes() throws {
        let dump = try #require(Self.dump("amd64-access-violation.dmp"))
        let scene = try #require(dump.scene)
        let file = try MiniDumpFile(bytes: dump.bytes)
        let exception = try file.rawBytes(of: try #require(file.entry(for: .exception)))
        #expect(exception.count == 168)
        #expect(Self.u32(exception, 0) == 0x2F10)  // ThreadId
        #expect(Self.u32(exception, 8) == 0xC000_0005)  // ExceptionCode
        let faultAddress = Self.u64(exception, 24)
        #expect(Self.u32(exception, 32) == 2)  // NumberParameters
        #expect(Self.u64(exception, 40) == 1)  // write
        #expect(Self.u64(exception, 48) == 0x10)  // target address
        // The exception's context has rip at the fault and rax = 0; the bytes at rip are `mov [rax+10h], ecx`.
        let contextRva = Int(Self.u32(exception, 164))
        let context = file.fileBytes(at: UInt64(contextRva), count: 1232)
        #expect(Self.u32(context, 0x30) == 0x0010_001F)
        #expect(Self.u64(context, 0xF8) == faultAddress)
        #expect(Self.u64(context, 0x78) == 0)
        let code = try #require(scene.memory.first { faultAddress >= $0.address && faultAddress - $0.address < $0.size })
        let at = Int(faultAddress - code.address)
        #expect(Array(code.bytes[at..<at + 3]) == [0x89, 0x48, 0x10])
        // The fault lies in payments.dll, and the comment is ProcDump's.
        let payments = try #require(scene.modules.first { $0.name.hasSuffix("payments.dll") })
        #expect(faultAddress >= payments.base && faultAddress - payments.base < UInt64(payments.size))
        let comment = try file.rawBytes(of: try #require(file.entry(for: .commentW)))
        #expect(String(decoding: Self.utf16Units(comment).prefix { $0 != 0 }, as: UTF16.self) == "ProcDump: unhandled exception")
        // Every return address planted on the crashing stack follows a CALL in the dump's memory.
        let thread = try #require(scene.threads.first { $0.id == 0x2F10 })
        var checked = 0
        for offset in stride(from: 0, to: thread.stack.count, by: 8) {
            let word = Self.u64(thread.stack, offset)
            guard scene.modules.contains(where: { word >= $0.base && word - $0.base < UInt64($0.size) }) else { continue }
            let site = try #require(scene.memory.first { word > $0.address && word - $0.address <= $0.size })
            let end = Int(word - site.address)
            let isCall = site.bytes[end - 5] == 0xE8 || (site.bytes[end - 6] == 0xFF && site.bytes[end - 5] == 0x15)
            #expect(isCall, "no CALL before \(String(word, radix: 16))")
            checked += 1
        }
        #expect(checked == 5)
    }

    // MARK: The writer's layouts (sizes and offsets from winnt.h / minidumpapiset.h / Breakpad)

    @Test func recordSizesMatchTheWindowsStructures() {
        var builder = MiniDumpBuilder()
        let system = SystemInfoBuilder.windows10AMD64()
        #expect(system.record(csdVersionRva: 0).count == 56)
        var other = system
        other.cpu = .other(1, 2)
        #expect(other.record(csdVersionRva: 0).count == 56)
        #expect(ThreadListBuilder.Thread(id: 1).record.count == 48)
        #expect(ThreadListBuilder(threads: [.init(id: 1), .init(id: 2)]).bytes.count == 4 + 2 * 48)
        #expect(ThreadListBuilder(threads: [.init(id: 1)], paddedCount: true).bytes.count == 8 + 48)
        #expect(ThreadExListBuilder(threads: [.init(id: 1)]).bytes.count == 4 + 64)
        #expect(ModuleListBuilder.Module(name: "a", base: 0, size: 0).encode(into: &builder).count == 108)
        #expect(ModuleListBuilder.VersionInfo(fileVersion: "1.2.3.4").bytes.count == 52)
        #expect(UnloadedModuleListBuilder(modules: [.init(name: "a", base: 0, size: 0)]).encode(into: &builder).count == 12 + 24)
        #expect(MemoryListBuilder(ranges: [.none]).bytes.count == 4 + 16)
        #expect(MemoryInfoListBuilder(regions: [.init(base: 0, size: 0, protect: 0, type: 0)]).bytes.count == 16 + 48)
        #expect(ExceptionBuilder(threadId: 1, code: 2, address: 3, context: .none).bytes.count == 168)
        #expect(MiscInfoBuilder.Version.allCases.map { MiscInfoBuilder(version: $0).bytes.count } == [24, 44, 232, 832, 1364])
        #expect(ThreadInfoListBuilder(entries: [.init(threadId: 1)]).bytes.count == 12 + 64)
        #expect(ThreadNamesBuilder(names: [.init(threadId: 1, name: "x")]).encode(into: &builder).count == 4 + 12)
        #expect(HandleDataBuilder(handles: [.init(handle: 4, typeName: nil)]).encode(into: &builder).count == 16 + 40)
        #expect(HandleDataBuilder(handles: [.init(handle: 4, typeName: nil)], version2: false).encode(into: &builder).count == 16 + 32)
        #expect(ProcessVmCountersBuilder(revision: 1).bytes.count == 80)
        #expect(ProcessVmCountersBuilder(revision: 2).bytes.count == 152)
        #expect(SystemMemoryInfoBuilder().bytes.count == 492)
        #expect(AssertionInfoBuilder(expression: "", function: "", file: "", line: 0, type: 0).bytes.count == 776)
        #expect(BreakpadInfoBuilder(dumpThreadId: 1, requestingThreadId: nil).bytes == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(LinuxDsoDebugBuilder(linkMaps: [], brk: 0, ldBase: 0, dynamic: 0).encode(into: &builder).count == 40)
        #expect(AMD64ContextBuilder().bytes.count == 1232)
        #expect(X86ContextBuilder().bytes.count == 716)
        #expect(ARM64ContextBuilder().bytes.count == 0x390)
    }

    @Test func contextRegistersLandAtTheirWindowsOffsets() {
        let amd64 = AMD64ContextBuilder([.rax: 0xA0, .rsp: 0xA1, .rbp: 0xA2, .r15: 0xA3, .rip: 0xA4, .cs: 0x33,
                                          .eflags: 0x10246, .mxcsr: 0x1F80]).bytes
        #expect(Self.u32(amd64, 0x30) == 0x0010_001F)  // ContextFlags
        #expect(Self.u32(amd64, 0x34) == 0x1F80)  // MxCsr
        #expect(Self.u16(amd64, 0x38) == 0x33)  // SegCs
        #expect(Self.u32(amd64, 0x44) == 0x10246)  // EFlags
        #expect(Self.u64(amd64, 0x78) == 0xA0)  // Rax
        #expect(Self.u64(amd64, 0x98) == 0xA1)  // Rsp
        #expect(Self.u64(amd64, 0xA0) == 0xA2)  // Rbp
        #expect(Self.u64(amd64, 0xF0) == 0xA3)  // R15
        #expect(Self.u64(amd64, 0xF8) == 0xA4)  // Rip
        #expect(Self.u32(amd64, 0x118) == 0x1F80)  // FltSave.MxCsr

        let x86 = X86ContextBuilder([.eip: 0x0040_1000, .esp: 0x0018_FF00, .ebp: 0x0018_FF40, .eax: 7]).bytes
        #expect(Self.u32(x86, 0) == 0x0001_003F)
        #expect(Self.u32(x86, 0xB8) == 0x0040_1000)
        #expect(Self.u32(x86, 0xC4) == 0x0018_FF00)
        #expect(Self.u32(x86, 0xB4) == 0x0018_FF40)
        #expect(Self.u32(x86, 0xB0) == 7)
        #expect(Self.u32(x86, 0xBC) == 0x1B)  // SegCs

        let arm64 = ARM64ContextBuilder([.x0: 1, .x28: 28, .fp: 29, .lr: 30, .sp: 31, .pc: 32, .fpsr: 0x10]).bytes
        #expect(Self.u32(arm64, 0) == 0x0040_0007)
        #expect(Self.u64(arm64, 0x008) == 1)
        #expect(Self.u64(arm64, 0x0E8) == 28)
        #expect(Self.u64(arm64, 0x0F0) == 29)
        #expect(Self.u64(arm64, 0x0F8) == 30)
        #expect(Self.u64(arm64, 0x100) == 31)
        #expect(Self.u64(arm64, 0x108) == 32)
        #expect(Self.u32(arm64, 0x314) == 0x10)
        #expect(ARM64ContextBuilder.Register.x(29) == .fp && ARM64ContextBuilder.Register.x(31) == nil)
    }

    @Test func codeViewAndVersionRecordsHaveTheirSignatures() {
        let guid = ModuleListBuilder.GUID("{6F1D2B8A-3C4E-4F5A-9B7C-2D1E0F3A4B5C}")
        #expect(guid.bytes == [0x8A, 0x2B, 0x1D, 0x6F, 0x4E, 0x3C, 0x5A, 0x4F, 0x9B, 0x7C, 0x2D, 0x1E, 0x0F, 0x3A, 0x4B, 0x5C])
        #expect(guid.description == "6F1D2B8A-3C4E-4F5A-9B7C-2D1E0F3A4B5C")
        let rsds = ModuleListBuilder.CodeView.pdb70(guid: guid, age: 2, pdbName: "a.pdb").bytes
        #expect(Array(rsds.prefix(4)) == Array("RSDS".utf8))
        #expect(Self.u32(rsds, 20) == 2)
        #expect(Array(rsds.suffix(6)) == Array("a.pdb".utf8) + [0])
        let nb10 = ModuleListBuilder.CodeView.pdb20(signature: 0x1234, age: 3, pdbName: "b.pdb").bytes
        #expect(Array(nb10.prefix(4)) == Array("NB10".utf8) && Self.u32(nb10, 8) == 0x1234 && Self.u32(nb10, 12) == 3)
        // MD_CVINFOELF_SIGNATURE 0x4270454C ('BpEL'), little-endian: the bytes `LEpB` real Breakpad dumps hold.
        #expect(ModuleListBuilder.CodeView.elf(buildId: [9]).bytes == Array("LEpB".utf8) + [9])
        let version = ModuleListBuilder.VersionInfo(fileVersion: "10.0.19041.3636").bytes
        #expect(Self.u32(version, 0) == 0xFEEF_04BD)
        #expect(Self.u32(version, 8) == 0x000A_0000 && Self.u32(version, 12) == 0x4A61_0E34)
    }

    @Test func hostileOverridesAreWrittenVerbatim() {
        #expect(Self.u32(ThreadListBuilder(threads: [], countOverride: 0xFFFF_FFFF).bytes, 0) == 0xFFFF_FFFF)
        var module = ModuleListBuilder.Module(name: "gone.dll", base: 0, size: 0)
        module.nameRvaOverride = 0xFFFF_FF00
        var builder = MiniDumpBuilder()
        let before = builder.nextRva
        #expect(Self.u32(module.encode(into: &builder), 20) == 0xFFFF_FF00)
        #expect(builder.nextRva == before, "an overridden name must not be written")
    }

    // MARK: Large dumps

    @Test func memory64DataIsStreamedWithSparseHoles() throws {
        var ranges: [Memory64ListBuilder.Range] = []
        for index in 0..<10_000 {
            let address: UInt64 = 0x1_0000_0000 + UInt64(index) * 0x2_0000
            let marker: [UInt8] = index % 1000 == 0 ? Array(repeating: UInt8(index / 1000 + 1), count: 16) : []
            ranges.append(Memory64ListBuilder.Range(address: address, size: 0x1_0000, bytes: marker))
        }
        var builder = MiniDumpBuilder(directoryCapacity: 2)
        builder.add(SystemInfoBuilder.windows10AMD64())
        builder.add(Memory64ListBuilder(ranges: ranges))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString).dmp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try builder.write(toPath: path)

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.size] as? NSNumber)?.uint64Value == builder.fileSize)
        let file = try MiniDumpFile(path: path)
        #expect(file.directory.map(\.type) == [.systemInfo, .memory64List])
        let list = try file.rawBytes(of: file.directory[1])
        #expect(Self.u64(list, 0) == 10_000)
        let base = Self.u64(list, 8)
        #expect(base + 10_000 * 0x1_0000 == UInt64(file.fileSize))
        // Range 3000 starts with sixteen 4s, then zeros; the bytes written match the in-memory build.
        let third = file.fileBytes(at: base + 3000 * 0x1_0000, count: 32)
        #expect(third == Array(repeating: 4, count: 16) + Array(repeating: 0, count: 16))
    }

    @Test func streamedFileEqualsTheInMemoryBuild() throws {
        var builder = MiniDumpBuilder(directoryCapacity: 3)
        builder.add(SystemInfoBuilder.windows10AMD64())
        builder.add(Memory64ListBuilder(ranges: [
            .init(address: 0x1000, bytes: [1, 2, 3]),
            .init(address: 0x8000, size: 0x3000, bytes: [4]),
            .init(address: 0x20000, size: 0x2000),
        ]))
        builder.add(CommentBuilder("after the memory list", wide: false))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString).dmp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try builder.write(toPath: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(written) == builder.build())
        #expect(UInt64(written.count) == builder.fileSize)
    }

    @Test func fullDumpStacksPointIntoTheMemory64Data() throws {
        var scene = DumpScene(system: .windows10AMD64())
        let stack = ByteWriter.words64([0x1111, 0x2222, 0x3333])
        scene.threads = [.init(id: 7, context: .amd64(.init([.rsp: 0x9000])), stackAddress: 0x9000, stack: stack)]
        scene.memory = [.init(address: 0x1000, size: 0x100)]
        scene.memoryListKinds = [.memory64]
        let file = try MiniDumpFile(bytes: scene.build())
        #expect(file.directory.map(\.type) == scene.streamTypes)
        let threads = try file.rawBytes(of: try #require(file.entry(for: .threadList)))
        let stackRva = Self.u32(threads, 4 + 36)
        let list = try file.rawBytes(of: try #require(file.entry(for: .memory64List)))
        #expect(UInt64(stackRva) == Self.u64(list, 8) + 0x100)  // after the lower range at 0x1000
        #expect(file.fileBytes(at: UInt64(stackRva), count: stack.count) == stack)
    }

    // MARK: Helpers

    static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { u16(bytes, $0) }
    }
}
