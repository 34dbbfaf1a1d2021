import MiniDump

/// The hostile files of `malformed/`: each breaks one thing a reader must survive.
enum MalformedDumps {
    /// A small valid x64 dump the hostile ones start from.
    static func base() -> DumpScene {
        var scene = DumpScene(system: .windows10AMD64(processorCount: 2))
        scene.timestamp = 0x659E_4E80
        scene.modules = [
            .init(name: "C:\\Apps\\victim.exe", base: 0x1_4000_0000, size: 0x8000, timestamp: 0x5E00_0000,
                  versionInfo: .init(fileVersion: "1.0.0.0", fileType: ModuleListBuilder.VersionInfo.typeApplication)),
        ]
        let stack = StackImage(base: 0x7F_FFFF_FF00, size: 0x100, seed: 71, heap: 0x2_0000_0000)
        scene.threads = [
            .init(id: 0x50, context: .amd64(.init([.rip: 0x1_4000_1000, .rsp: stack.base])), stackAddress: stack.base,
                  stack: stack.bytes),
        ]
        return scene
    }

    /// The access-violation process written as a full-memory dump (Memory64List) and cut in the
    /// middle of its memory data, with a report of which ranges survive.
    static func truncatedFullDump() -> (scene: DumpScene, bytes: [UInt8], report: String) {
        var scene = AccessViolationProcess.scene()
        scene.memoryListKinds = [.memory64]
        scene.headerFlags.insert(.withFullMemory)
        let builder = scene.makeBuilder()
        let layout = builder.layoutMemory64()
        let base = layout.baseOffsets.first ?? layout.end
        let cut = base + (layout.end - base) / 2
        var whole: [String] = []
        var partial: [String] = []
        var missing: [String] = []
        var offset = base
        let memory = scene.allMemory
        for index in memory.indices.sorted(by: { (memory[$0].address, $0) < (memory[$1].address, $1) }) {
            let range = memory[index]
            let text = "\(hex(range.address))+\(hex(range.size))"
            if offset + range.size <= cut {
                whole.append(text)
            } else if offset < cut {
                partial.append(text + " (first \(hex(cut - offset)) bytes)")
            } else {
                missing.append(text)
            }
            offset += range.size
        }
        let report = """
            - Cut after \(cut) of \(layout.end) bytes: the Memory64 data starts at \(hex(base)) (`BaseRva`), \
            so every stream is intact and only memory is lost
            - Memory64 ranges wholly present: \(whole.joined(separator: ", "))
            - Cut inside: \(partial.joined(separator: ", "))
            - Missing: \(missing.joined(separator: ", "))
            """
        return (scene, Array(builder.build().prefix(Int(cut))), report)
    }

    static func dumps() -> [TestDump] {
        var result: [TestDump] = []

        let countBase = base()
        result.append(TestDump(
            path: "malformed/directory-count-ffffffff.dmp",
            summary: "The header claims 0xFFFFFFFF directory entries (12 bytes each, about 48 GiB) in a file of a few KiB. "
                + "Opening must fail fast with `MiniDumpError` (kind `invalidCount`) instead of allocating.",
            declaredStreams: [], expectation: .throwsOnOpen,
            details: "- Built from the same valid x64 scene as the other malformed files (streams "
                + countBase.streamTypes.map { "`\($0.name)`" }.joined(separator: ", ")
                + "), then the header's `NumberOfStreams` is set to 0xFFFFFFFF.",
            bytes: countBase.makeBuilder().build(streamCountOverride: 0xFFFF_FFFF)))

        var names = base()
        var broken = ModuleListBuilder.Module(name: "C:\\Apps\\lost.dll", base: 0x7FFE_6000_0000, size: 0x4000)
        broken.nameRvaOverride = 0xFFFF_FF00
        names.modules.append(broken)
        result.append(TestDump(
            path: "malformed/module-name-past-end.dmp",
            summary: "The second module's `ModuleNameRva` is 0xFFFFFF00, far past the end of the file. The file opens; "
                + "the module list should decode the first module and report the second one's name as a diagnostic.",
            scene: names))

        var threads = MiniDumpBuilder(directoryCapacity: 2)
        threads.timestamp = 0x659E_4E80
        threads.add(SystemInfoBuilder.windows10AMD64(processorCount: 2))
        threads.add(RawStream(type: .threadList, bytes: [0xFF, 0xFF, 0xFF, 0xFF] + Array(repeating: 0, count: 12)))
        result.append(TestDump(
            path: "malformed/thread-count-ffffffff.dmp",
            summary: "A 16-byte ThreadList stream whose count claims 0xFFFFFFFF threads (48 bytes each). The file opens; "
                + "asking for the thread list must throw (count × stride does not fit) without allocating.",
            declaredStreams: [.systemInfo, .threadList], expectation: .opens,
            details: "- Streams, in directory order: `SystemInfo`, `ThreadList`\n"
                + "- SystemInfo: amd64, Windows 10.0.19045, 2 processors\n"
                + "- ThreadList: `FF FF FF FF` then 12 zero bytes",
            bytes: threads.build()))

        var memory = base()
        memory.memoryListKinds = []
        var builder = memory.makeBuilder(extraDirectoryCapacity: 1)
        let valid = builder.appendMemory(address: 0x2_0000_0000, bytes: Array("valid range".utf8) + [0])
        builder.add(MemoryListBuilder(ranges: [
            valid,
            WrittenMemory(address: 0x2_0001_0000, size: 0x1000, rva: 0xFFFF_F000),
            WrittenMemory(address: 0x2_0002_0000, size: 0x40, rva: builder.nextRva + 0x1_0000),
        ]))
        result.append(TestDump(
            path: "malformed/memory-past-end.dmp",
            summary: "A MemoryList whose second descriptor places 0x1000 bytes at RVA 0xFFFFF000 (the end overflows 32 "
                + "bits) and whose third points about 64 KiB past the end of the file. The file opens; the first range "
                + "(\"valid range\" at 0x200000000) must stay readable and the other two become diagnostics.",
            declaredStreams: memory.streamTypes + [.memoryList], expectation: .opens,
            details: memory.markdownDescription + "\n- MemoryList (last stream): 0x200000000+0xC (valid), "
                + "0x200010000+0x1000 at RVA 0xFFFFF000, 0x200020000+0x40 at an RVA about 64 KiB past the end",
            bytes: builder.build()))

        let truncated = truncatedFullDump()
        result.append(TestDump(
            path: "malformed/truncated.dmp",
            summary: "The process of `amd64-access-violation.dmp` written as a full-memory dump (`MemoryList` replaced by "
                + "`Memory64List`, whose data is one run at the end of the file) and cut in the middle of that data, as "
                + "when a disk fills up while ProcDump writes. The file opens with every stream intact; the memory ranges "
                + "that fit must stay readable and the rest must read as absent, not as zeros or garbage.",
            declaredStreams: truncated.scene.streamTypes, expectation: .opens,
            details: truncated.scene.markdownDescription + "\n" + truncated.report,
            bytes: truncated.bytes))
        return result
    }
}
