import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// Decoders of the secondary streams: built dumps for each layout and each kind of damage, then
/// the real dumps, checked against the reference JSON, an independent reader in this file, or
/// facts that tie one stream to another (maps against modules, auxv against maps, ...).
@Suite struct SecondaryStreamTests {
    // MARK: Helpers

    /// A dump holding `streams` (raw bytes), after the blobs `prepare` appends.
    static func build(
        _ streams: [(StreamType, [UInt8])], prepare: (inout MiniDumpBuilder) -> Void = { _ in }
    ) throws -> MiniDumpFile {
        var builder = MiniDumpBuilder()
        prepare(&builder)
        for (type, bytes) in streams { builder.addStream(type.rawValue, bytes) }
        return try MiniDumpFile(bytes: builder.build())
    }

    /// Little-endian bytes of `values` (each written at its own width).
    static func bytes(_ values: [any FixedWidthInteger]) -> [UInt8] {
        var writer = ByteWriter()
        for value in values { writer.append(value) }
        return writer.bytes
    }

    /// A `MinidumpUTF8String`: length, bytes, NUL.
    static func utf8String(_ text: String) -> [UInt8] {
        bytes([UInt32(text.utf8.count)]) + Array(text.utf8) + [0]
    }

    /// A SystemInfo stream that only names the architecture.
    static func systemInfo(_ architecture: ProcessorArchitecture) -> (StreamType, [UInt8]) {
        (.systemInfo, bytes([architecture.rawValue]) + [UInt8](repeating: 0, count: 54))
    }

    static func isKind(_ kind: MiniDumpError.Kind) -> (any Error) -> Bool {
        { ($0 as? MiniDumpError)?.kind == kind }
    }

    // MARK: Built dumps: Windows streams

    @Test func threadInfoListStridesBySizeOfEntry() throws {
        var stream = Self.bytes([UInt32(12), UInt32(72), UInt32(2)])
        for id in [UInt32(0x10), 0x20] {
            stream += Self.bytes([id, UInt32(0x6), UInt32(0x8007_0005), UInt32(0x103)])
            stream += Self.bytes([UInt64(1000 + UInt64(id)), UInt64(2000), UInt64(30), UInt64(40),
                                  UInt64(0x7FF6_0000_1000 + UInt64(id)), UInt64(0xF)])
            stream += [UInt8](repeating: 0xEE, count: 8)  // a future field, skipped by the stride
        }
        let list = try #require(try Self.build([(.threadInfoList, stream)]).threadInfoList())
        #expect(list.sizeOfEntry == 72)
        #expect(list.entries.map(\.threadID) == [0x10, 0x20])
        let second = try #require(list.info(forThread: 0x20))
        #expect(second.dumpFlags == [.writingThread, .exitedThread])
        #expect(second.dumpError == 0x8007_0005 && second.exitStatus == 0x103)
        #expect(second.createTime == 1032 && second.exitTime == 2000)
        #expect(second.kernelTime == 30 && second.userTime == 40)
        #expect(second.startAddress == 0x7FF6_0000_1020 && second.affinity == 0xF)
        #expect(list.info(forThread: 0x30) == nil)
    }

    @Test func threadInfoListRejectsShortEntries() throws {
        let dump = try Self.build([(.threadInfoList, Self.bytes([UInt32(12), UInt32(16), UInt32(1)]) + [UInt8](repeating: 0, count: 16))])
        #expect(throws: MiniDumpError.self) { _ = try dump.threadInfoList() }
    }

    @Test func threadNamesKeepEntriesWithBadNames() throws {
        var stream = [UInt8]()
        let dump = try Self.build([]) { builder in
            let main = UInt64(builder.appendString("main"))
            let worker = UInt64(builder.appendString("wörker 🧵"))
            stream = Self.bytes([UInt32(3), UInt32(1), main, UInt32(2), worker, UInt32(3), UInt64(0xFFFF_0000)])
            builder.addStream(StreamType.threadNames.rawValue, stream)
        }
        let names = try #require(try dump.threadNames())
        #expect(names.entries.map(\.threadID) == [1, 2, 3])
        #expect(names.name(forThread: 1) == "main")
        #expect(names.name(forThread: 2) == "wörker 🧵")
        #expect(names.name(forThread: 3) == "")
        #expect(names.name(forThread: 4) == nil)
        #expect(names.diagnostics.count == 1)
        #expect(names.diagnostics.first?.offset == 0xFFFF_0000)
        #expect(names.diagnostics.first?.streamType == .threadNames)
    }

    /// A thousand names sharing one 64 KiB string would copy 64 MB out of a 90 KB file: the
    /// decode stops copying at the file's size (at least 1 MiB) and says so once.
    @Test func sharedHugeNamesAreBudgeted() throws {
        let dump = try Self.build([]) { builder in
            let huge = UInt64(builder.appendString(String(repeating: "x", count: 32_000)))
            var stream = Self.bytes([UInt32(1000)])
            for id in 0..<UInt32(1000) { stream += Self.bytes([id, huge]) }
            builder.addStream(StreamType.threadNames.rawValue, stream)
        }
        let names = try #require(try dump.threadNames())
        let decoded = names.entries.filter { !$0.name.isEmpty }.count
        #expect(names.entries.count == 1000 && decoded > 0 && decoded < 1000)
        #expect(decoded * 64_000 <= max(dump.fileSize, 1 << 20))
        #expect(names.diagnostics.count == 1)
    }

    @Test func threadNamesAcceptPaddingAfterTheCount() throws {
        let dump = try Self.build([]) { builder in
            let name = UInt64(builder.appendString("padded"))
            builder.addStream(StreamType.threadNames.rawValue, Self.bytes([UInt32(1), UInt32(0), UInt32(7), name]))
        }
        #expect(try dump.threadNames()?.name(forThread: 7) == "padded")
    }

    @Test func commentsDecodeLeniently() throws {
        let ansi = Array("Dump taken by ProcDump: ".utf8) + [0x80, 0x41] + [0, 0x42]  // Windows-1252 €
        let wide = ByteWriter.utf16("DebugDiag: hang rule «w3wp»") + [0, 0, 0x41, 0]
        let dump = try Self.build([(.commentA, ansi), (.commentW, wide)])
        #expect(try dump.commentA()?.text == "Dump taken by ProcDump: €A")
        #expect(try dump.commentW()?.text == "DebugDiag: hang rule «w3wp»")
        #expect(try dump.commentW()?.streamType == .commentW)
        let utf8 = try Self.build([(.commentA, Array("naïve ✓".utf8))])
        #expect(try utf8.commentA()?.text == "naïve ✓")
        #expect(try Self.build([]).commentA() == nil)
    }

    @Test func handleDataDecodesBothDescriptorVersions() throws {
        var infoRva: UInt32 = 0
        let dump = try Self.build([]) { builder in
            let event = UInt32(builder.appendString("Event"))
            let file = UInt32(builder.appendString("File"))
            let path = UInt32(builder.appendString("\\Device\\HarddiskVolume3\\log.txt"))
            // Two object-information blocks, the second pointing back at the first.
            infoRva = builder.append([])
            builder.append(Self.bytes([infoRva + 16, UInt32(6), UInt32(4), UInt32(0xAABB_CCDD)]))
            builder.append(Self.bytes([infoRva, UInt32(1), UInt32(0)]))
            var stream = Self.bytes([UInt32(16), UInt32(40), UInt32(3), UInt32(0)])
            stream += Self.bytes([UInt64(0x4), event, UInt32(0), UInt32(0), UInt32(0x1F_0003), UInt32(1), UInt32(2), infoRva, UInt32(0)])
            stream += Self.bytes([UInt64(0x8), file, path, UInt32(2), UInt32(0x12_019F), UInt32(1), UInt32(3), UInt32(0), UInt32(0)])
            stream += Self.bytes([UInt64(0xC), file, UInt32(0x7FFF_FFF0), UInt32(0), UInt32(0), UInt32(1), UInt32(1), UInt32(0), UInt32(0)])
            builder.addStream(StreamType.handleData.rawValue, stream)
        }
        let handles = try #require(try dump.handleData())
        #expect(handles.handles.map(\.handle) == [0x4, 0x8, 0xC])
        let event = try #require(handles.descriptor(forHandle: 0x4))
        #expect(event.typeName == "Event" && event.objectName == nil)
        #expect(event.grantedAccess == 0x1F_0003 && event.handleCount == 1 && event.pointerCount == 2)
        #expect(event.objectInfoRva == infoRva)
        #expect(event.objectInfo.map(\.type) == [.event1, .thread1])
        #expect(event.objectInfo.first?.bytes == [0xDD, 0xCC, 0xBB, 0xAA])
        let file = try #require(handles.descriptor(forHandle: 0x8))
        #expect(file.objectName == "\\Device\\HarddiskVolume3\\log.txt" && file.attributes == 2)
        #expect(file.objectInfoRva == nil && file.objectInfo.isEmpty)
        // The third handle's name lies past the file: kept, with a diagnostic; plus the loop.
        let third = try #require(handles.descriptor(forHandle: 0xC))
        #expect(third.typeName == "File" && third.objectName == nil)
        #expect(handles.diagnostics.count == 2)
        #expect(handles.diagnostics.contains { $0.offset == 0x7FFF_FFF0 })
        #expect(handles.diagnostics.contains { $0.message.contains("loops") })
    }

    @Test func handleDataVersion1HasNoObjectInfo() throws {
        let stream = Self.bytes([UInt32(16), UInt32(32), UInt32(1), UInt32(0), UInt64(0x10)]) + [UInt8](repeating: 0, count: 24)
        let handles = try #require(try Self.build([(.handleData, stream)]).handleData())
        #expect(handles.handles.count == 1 && handles.handles[0].objectInfoRva == nil)
        #expect(handles.handles[0].typeName == nil && handles.diagnostics.isEmpty)
    }

    @Test func tokenListReadsVariableEntries() throws {
        var stream = Self.bytes([UInt32(0), UInt32(3), UInt32(16), UInt32(16)])
        stream += Self.bytes([UInt32(20), UInt32(1234), UInt64(0x2C)]) + [1, 2, 3, 4]
        stream += Self.bytes([UInt32(16), UInt32(5678), UInt64(0x30)])
        stream += Self.bytes([UInt32(400), UInt32(9), UInt64(0x34)]) + [9, 9]  // runs past the stream
        let tokens = try #require(try Self.build([(.token, stream)]).tokenInfoList())
        #expect(tokens.tokens.map(\.tokenID) == [1234, 5678])
        #expect(tokens.tokens[0].bytes == [1, 2, 3, 4] && tokens.tokens[0].tokenHandle == 0x2C)
        #expect(tokens.tokens[1].bytes.isEmpty)
        #expect(tokens.diagnostics.count == 1)
    }

    /// `count` = 0xFFFFFFFF in a stream of 16 to 24 bytes: `.invalidCount`, before any allocation.
    @Test func hostileCountsThrowInvalidCount() throws {
        let maxCount = UInt32.max
        let cases: [(StreamType, [UInt8], (MiniDumpFile) throws -> Any?)] = [
            (.threadInfoList, Self.bytes([UInt32(12), UInt32(64), maxCount, UInt32(0)]), { try $0.threadInfoList() }),
            (.threadNames, Self.bytes([maxCount, UInt32(0), UInt64(0)]), { try $0.threadNames() }),
            (.handleData, Self.bytes([UInt32(16), UInt32(40), maxCount, UInt32(0)]), { try $0.handleData() }),
            (.token, Self.bytes([UInt32(16), maxCount, UInt32(16), UInt32(16)]), { try $0.tokenInfoList() }),
            (.functionTable, Self.bytes([UInt32(24), UInt32(32), UInt32(0), UInt32(12), maxCount, UInt32(0)]), { try $0.functionTable() }),
        ]
        for (type, stream, decode) in cases {
            let dump = try Self.build([(type, stream)])
            #expect(throws: MiniDumpError.self, "\(type.name)") { _ = try decode(dump) }
            do { _ = try decode(dump) } catch let error as MiniDumpError {
                #expect(error.kind == .invalidCount, "\(type.name): \(error)")
                #expect(error.streamType == type)
            }
        }
        // The DSO debug link map array lies elsewhere in the file, but is checked the same way.
        let dso = Self.bytes([UInt32(1), UInt32(32), maxCount, UInt32(0), UInt32(0), UInt32(0)])
        let dump = try Self.build([Self.systemInfo(.x86), (.linuxDsoDebug, dso)])
        #expect(throws: MiniDumpError.self) { _ = try dump.linuxDsoDebug() }
        #expect { _ = try dump.linuxDsoDebug() } throws: { Self.isKind(.invalidCount)($0) }
    }

    @Test func headersLargerThanTheStreamThrow() throws {
        let dump = try Self.build([
            (.handleData, Self.bytes([UInt32(0x1000), UInt32(32), UInt32(0), UInt32(0)])),
            (.threadInfoList, Self.bytes([UInt32(12), UInt32(64)])),
            (.processVmCounters, Self.bytes([UInt16(2), UInt16(0x1F)]) + [UInt8](repeating: 0, count: 76)),
            (.breakpadInfo, Self.bytes([UInt32(3), UInt32(1)])),
            (.assertionInfo, [UInt8](repeating: 0, count: 700)),
            (.crashpadInfo, [UInt8](repeating: 0, count: 40)),
        ])
        #expect { _ = try dump.handleData() } throws: { Self.isKind(.truncated)($0) }
        #expect { _ = try dump.threadInfoList() } throws: { Self.isKind(.truncated)($0) }
        #expect { _ = try dump.processVmCounters() } throws: { Self.isKind(.truncated)($0) }
        #expect { _ = try dump.breakpadInfo() } throws: { Self.isKind(.truncated)($0) }
        #expect { _ = try dump.assertionInfo() } throws: { Self.isKind(.truncated)($0) }
        #expect { _ = try dump.crashpadInfo() } throws: { Self.isKind(.truncated)($0) }
    }

    @Test func systemMemoryInfoDecodesWhatFits() throws {
        var full = Self.bytes([UInt16(1), UInt16(0x3)])
        full += Self.bytes([UInt32(156_250), UInt32(4096), UInt32(1_048_457), UInt32(1), UInt32(1_376_255), UInt32(65536)])
        full += Self.bytes([UInt64(0x10000), UInt64(0x7FFF_FFFE_FFFF), UInt64(0x3), UInt32(2)])
        full += Self.bytes([UInt64(100), UInt64(200), UInt32(7), UInt64(300), UInt64(400), UInt64(500), UInt64(600), UInt32(8), UInt32(9)])
        full += Self.bytes([UInt64(11), UInt64(12), UInt64(13), UInt64(14)])
        full += [UInt8](repeating: 0x5A, count: 492 - full.count)
        let info = try #require(try Self.build([(.systemMemoryInfo, full)]).systemMemoryInfo())
        #expect(info.revision == 1 && info.flags == 3 && info.rawBytes == full)
        let basic = try #require(info.basicInfo)
        #expect(basic.pageSize == 4096 && basic.numberOfPhysicalPages == 1_048_457)
        #expect(basic.allocationGranularity == 65536 && basic.maximumUserModeAddress == 0x7FFF_FFFE_FFFF)
        #expect(basic.activeProcessorsAffinityMask == 3 && basic.numberOfProcessors == 2)
        let cache = try #require(info.fileCacheInfo)
        #expect(cache.currentSize == 100 && cache.pageFaultCount == 7 && cache.minimumWorkingSet == 300)
        #expect(cache.peakSizeIncludingTransitionInPages == 600 && cache.flags == 9)
        #expect(info.basicPerformanceInfo?.commitLimit == 13)

        let short = try #require(try Self.build([(.systemMemoryInfo, Array(full.prefix(60)))]).systemMemoryInfo())
        #expect(short.basicInfo?.pageSize == 4096 && short.fileCacheInfo == nil && short.basicPerformanceInfo == nil)
        #expect(throws: MiniDumpError.self) { _ = try Self.build([(.systemMemoryInfo, [1, 0])]).systemMemoryInfo() }
    }

    @Test func processVmCountersByRevision() throws {
        let counters = (1...9).map { UInt64($0) * 0x1000 }
        let one = Self.bytes([UInt16(1), UInt16(0xBEEF), UInt32(77)] + counters.map { $0 as any FixedWidthInteger })
        let v1 = try #require(try Self.build([(.processVmCounters, one)]).processVmCounters())
        #expect(v1.revision == 1 && v1.flags == nil && v1.pageFaultCount == 77)
        #expect(v1.peakWorkingSetSize == 0x1000 && v1.workingSetSize == 0x2000)
        #expect(v1.pagefileUsage == 0x7000 && v1.peakPagefileUsage == 0x8000 && v1.privateUsage == 0x9000)
        #expect(v1.virtualSize == nil && v1.jobTotalCommitLimit == nil)

        let extra = (10...19).map { UInt64($0) * 0x1000 }
        let two = Self.bytes([UInt16(2), UInt16(0xF), UInt32(78)] + (Array(counters.prefix(8)) + extra).map { $0 as any FixedWidthInteger })
        let v2 = try #require(try Self.build([(.processVmCounters, two)]).processVmCounters())
        #expect(v2.revision == 2 && v2.flags == [.counters, .virtualSize, .extended, .extended2])
        #expect(v2.pageFaultCount == 78 && v2.peakPagefileUsage == 0x8000)
        #expect(v2.peakVirtualSize == 0xA000 && v2.virtualSize == 0xB000 && v2.privateUsage == 0xC000)
        #expect(v2.privateWorkingSetSize == 0xD000 && v2.sharedCommitUsage == 0xE000)
        #expect(v2.jobSharedCommitUsage == nil)  // the JOB flag is clear

        var withJob = two
        withJob[2] = 0x1F
        let job = try #require(try Self.build([(.processVmCounters, withJob)]).processVmCounters())
        #expect(job.jobSharedCommitUsage == 0xF000 && job.jobTotalCommitLimit == 0x13000)
    }

    @Test func functionTableWalksDescriptorsAndPadding() throws {
        var stream = Self.bytes([UInt32(24), UInt32(32), UInt32(8), UInt32(12), UInt32(2), UInt32(4)]) + [0, 0, 0, 0]
        stream += Self.bytes([UInt64(0x1_0000), UInt64(0x2_0000), UInt64(0x1_0000), UInt32(2), UInt32(4)])
        stream += [UInt8](repeating: 0xAB, count: 8)
        stream += Self.bytes([UInt32(0x100), UInt32(0x180), UInt32(0x900), UInt32(0x200), UInt32(0x240), UInt32(0x910)])
        stream += [0, 0, 0, 0]
        stream += Self.bytes([UInt64(0x5_0000), UInt64(0x6_0000), UInt64(0x5_0000), UInt32(1), UInt32(0)])
        stream += [UInt8](repeating: 0xCD, count: 8)
        stream += Self.bytes([UInt32(0x10), UInt32(0x20), UInt32(0x30)])
        let tables = try #require(try Self.build([(.functionTable, stream)]).functionTable())
        #expect(tables.tables.count == 2 && tables.diagnostics.isEmpty)
        let first = tables.tables[0]
        #expect(first.nativeDescriptor == [UInt8](repeating: 0xAB, count: 8))
        #expect(first.entries.map(\.beginAddress) == [0x1_0100, 0x1_0200])
        #expect(first.entries.map(\.endAddress) == [0x1_0180, 0x1_0240])
        #expect(first.entries.map(\.unwindInfoAddress) == [0x1_0900, 0x1_0910])
        #expect(tables.tables[1].entries.first?.beginAddress == 0x5_0010)
        #expect(tables.tables[1].entries.first?.bytes == Self.bytes([UInt32(0x10), UInt32(0x20), UInt32(0x30)]))

        // Cut inside the second table's entries: the entries that fit survive, with a diagnostic.
        let cut = try #require(try Self.build([(.functionTable, Array(stream.dropLast(4)))]).functionTable())
        #expect(cut.tables.count == 2 && cut.tables[1].entries.isEmpty && cut.diagnostics.count == 1)
    }

    @Test func breakpadInfoHonoursValidity() throws {
        let dump = try Self.build([(.breakpadInfo, Self.bytes([UInt32(1), UInt32(0x10), UInt32(0x20)]))])
        let info = try #require(try dump.breakpadInfo())
        #expect(info.validity == .dumpThreadID)
        #expect(info.dumpThreadID == 0x10 && info.requestingThreadID == nil && info.rawRequestingThreadID == 0x20)
    }

    @Test func assertionInfoReadsFixedTexts() throws {
        func text(_ value: String) -> [UInt8] {
            let units = ByteWriter.utf16(value)
            return units + [UInt8](repeating: 0, count: 256 - units.count)
        }
        let stream = text("p != nullptr") + text("Widget::Draw") + text("c:\\src\\widget.cpp") + Self.bytes([UInt32(42), UInt32(1)])
        let info = try #require(try Self.build([(.assertionInfo, stream)]).assertionInfo())
        #expect(info.expression == "p != nullptr" && info.function == "Widget::Draw")
        #expect(info.file == "c:\\src\\widget.cpp" && info.line == 42 && info.type == .invalidParameter)
    }
}

// MARK: Built dumps: Linux and Crashpad streams

extension SecondaryStreamTests {
    @Test func linuxTextStreams() throws {
        let cpuinfo = "processor\t: 0\nmodel name\t: Test CPU\n\nprocessor\t: 1\nmodel name\t: Test CPU\n\nHardware\t: Board\n"
        let status = "Name:\tcrasher\nState:\tt (tracing stop)\nPid:\t4242\nPPid:\t1\nVmRSS:\t    1024 kB\n"
        let lsb = "# comment\nDISTRIB_ID=Ubuntu\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04 LTS\"\nDISTRIB_CODENAME='jammy'\nbroken line\n"
        let cmdline = Array("/usr/bin/crasher\u{0}--flag\u{0}\u{0}last\u{0}\u{0}\u{0}".utf8)
        let environ = Array("HOME=/root\u{0}EMPTY=\u{0}A=b=c\u{0}NOEQUALS\u{0}".utf8) + [0xFF, 0x3D, 0x31, 0]
        let dump = try Self.build([
            (.linuxCpuInfo, Array(cpuinfo.utf8) + [0]), (.linuxProcStatus, Array(status.utf8)),
            (.linuxLsbRelease, Array(lsb.utf8)), (.linuxCmdLine, cmdline), (.linuxEnviron, environ),
        ])
        let cpu = try #require(try dump.linuxCpuInfo())
        #expect(cpu.text == cpuinfo && cpu.processorCount == 2 && cpu.blocks.count == 3)
        #expect(cpu.blocks[1]["model name"] == "Test CPU" && cpu.blocks[2]["Hardware"] == "Board")
        let proc = try #require(try dump.linuxProcStatus())
        #expect(proc.fields["Name"] == "crasher" && proc.fields["Pid"] == "4242" && proc.fields["VmRSS"] == "1024 kB")
        let release = try #require(try dump.linuxLsbRelease())
        #expect(release.distributionID == "Ubuntu" && release.distributionDescription == "Ubuntu 22.04 LTS")
        #expect(release.codename == "jammy" && release.release == nil && release.fields.entries.count == 3)
        #expect(try dump.linuxCmdLine()?.arguments == ["/usr/bin/crasher", "--flag", "", "last"])
        let environment = try #require(try dump.linuxEnviron())
        #expect(environment.strings == ["HOME=/root", "EMPTY=", "A=b=c", "NOEQUALS", "\u{FFFD}=1"])
        #expect(environment.value(of: "HOME") == "/root" && environment.value(of: "A") == "b=c")
        #expect(environment.value(of: "EMPTY") == "" && environment.value(of: "NOEQUALS") == "")
        #expect(environment.value(of: "MISSING") == nil)
    }

    @Test func linuxAuxvPointerSize() throws {
        let pairs: [(UInt64, UInt64)] = [(33, 0x7FFC_1234_0000), (6, 4096), (9, 0x40_1000), (0, 0)]
        let wide = Self.bytes(pairs.flatMap { [$0.0, $0.1] as [any FixedWidthInteger] })
        let narrow = Self.bytes([UInt32(33), UInt32(0xF775_6000), UInt32(6), UInt32(4096), UInt32(0), UInt32(0), UInt32(7), UInt32(7)])
        // From SystemInfo, and guessed without it.
        for (arch, bytes, size) in [(ProcessorArchitecture.amd64, wide, 8), (.x86, narrow, 4), (.unknown, wide, 8), (.unknown, narrow, 4)] {
            let streams = arch == .unknown ? [(StreamType.linuxAuxv, bytes)] : [Self.systemInfo(arch), (.linuxAuxv, bytes)]
            let auxv = try #require(try Self.build(streams).linuxAuxv())
            #expect(auxv.pointerSize == size, "\(arch)")
            #expect(auxv.value(for: .pageSize) == 4096, "\(arch)")
            #expect(auxv.entries.count == (size == 8 ? 3 : 2), "\(arch): stops at AT_NULL")
        }
        let odd = try #require(try Self.build([Self.systemInfo(.amd64), (.linuxAuxv, wide + [1, 2, 3])]).linuxAuxv())
        #expect(odd.entries.count == 3)
    }

    @Test func linuxMapsParseAndLookUp() throws {
        let maps = """
        00400000-00417000 r-xp 00000000 fc:02 23856536                           /opt/app/driver
        00616000-00617000 rw-p 00016000 fc:02 23856536                           /opt/app/my file (deleted)
        7ffc62dab000-7ffc62dcc000 rw-p 00000000 00:00 0                          [stack]
        this is not a maps line
        7ff3d0da0000-7ff3d0dba000 r--s 00000000 00:00 0 
        """
        let dump = try Self.build([(.linuxMaps, Array(maps.utf8) + [0])])
        let stream = try #require(try dump.linuxMaps())
        #expect(stream.regions.map(\.startAddress) == [0x40_0000, 0x61_6000, 0x7FF3_D0DA_0000, 0x7FFC_62DA_B000])
        #expect(stream.diagnostics.count == 1)
        let text = try #require(stream.region(containing: 0x40_1234))
        #expect(text.permissions == [.read, .execute, .private] && text.permissions.description == "r-xp")
        #expect(text.path == "/opt/app/driver" && text.device == "fc:02" && text.inode == 23_856_536 && text.size == 0x17000)
        let data = try #require(stream.region(containing: 0x61_6FFF))
        #expect(data.path == "/opt/app/my file (deleted)" && data.mappedFileOffset == 0x16000)
        #expect(stream.region(containing: 0x61_7000) == nil)
        #expect(stream.region(containing: 0x3F_FFFF) == nil)
        #expect(stream.region(containing: 0x7FF3_D0DA_0010)?.permissions == [.read, .shared])
        #expect(stream.region(containing: 0x7FF3_D0DA_0010)?.path == "")
        #expect(stream.region(containing: 0x7FFC_62DC_BFFF)?.path == "[stack]")

        let junk = String(repeating: "junk\n", count: 500)
        let noisy = try #require(try Self.build([(.linuxMaps, Array(junk.utf8))]).linuxMaps())
        #expect(noisy.regions.isEmpty && noisy.diagnostics.count == LinuxMapsStream.maxLineDiagnostics + 1)
    }

    @Test func linuxDsoDebugBothLayouts() throws {
        for arch in [ProcessorArchitecture.amd64, .x86, .unknown] {
            let wide = arch != .x86
            var stream = [UInt8]()
            let dump = try Self.build(arch == .unknown ? [] : [Self.systemInfo(arch)]) { builder in
                let exe = UInt64(builder.appendString(""))
                let libc = UInt64(builder.appendString("/lib/libc.so.6"))
                var maps = ByteWriter()
                for (bias, name, ld) in [(UInt64(0), exe, UInt64(0x60_1E28)), (0x7F00_0000_0000, libc, 0x7F00_001B_DB80),
                                         (0x7F00_1000_0000, 0xFFFF_FFF0, 0x7F00_1001_0000)] {
                    if wide {
                        maps.u64(bias); maps.u32(UInt32(name)); maps.u32(0); maps.u64(ld)
                    } else {
                        maps.u32(UInt32(truncatingIfNeeded: bias)); maps.u32(UInt32(name)); maps.u32(UInt32(truncatingIfNeeded: ld))
                    }
                }
                let mapRva = builder.append(maps.bytes)
                stream = wide
                    ? Self.bytes([UInt32(1), mapRva, UInt32(3), UInt32(0), UInt64(0x7F00_0000_1234), UInt64(0x7F00_0800_0000), UInt64(0x60_1E28)])
                    : Self.bytes([UInt32(1), mapRva, UInt32(3), UInt32(0x1234), UInt32(0x0800_0000), UInt32(0x60_1E28)])
                stream += [0xDD, 0xEE]
                builder.addStream(StreamType.linuxDsoDebug.rawValue, stream)
            }
            let dso = try #require(try dump.linuxDsoDebug())
            #expect(dso.pointerSize == (wide ? 8 : 4), "\(arch)")
            #expect(dso.version == 1 && dso.dsoCount == 3 && dso.dynamicAddress == 0x60_1E28, "\(arch)")
            #expect(dso.breakAddress == (wide ? 0x7F00_0000_1234 : 0x1234), "\(arch)")
            #expect(dso.dynamicSection == [0xDD, 0xEE], "\(arch)")
            #expect(dso.linkMaps.map(\.name) == ["", "/lib/libc.so.6", ""], "\(arch)")
            #expect(dso.linkMaps[1].loadBias == (wide ? 0x7F00_0000_0000 : 0), "\(arch)")
            #expect(dso.diagnostics.count == 1, "\(arch): the third name lies past the file")
        }
    }

    /// Builds a Crashpad info stream with process annotations and two modules.
    static func crashpadDump(moduleListCount: UInt32? = nil) throws -> MiniDumpFile {
        try build([]) { builder in
            func string(_ text: String) -> UInt32 { builder.append(utf8String(text)) }
            let product = (string("prod"), string("Chrome"))
            let version = (string("ver"), string("91.0"))
            let dictionary = builder.append(bytes([UInt32(3), product.0, product.1, version.0, version.1, UInt32(0xFFFF_0000), product.1]))
            let listStrings = [string("CoreSimulator 857.14"), string("second")]
            let list = builder.append(bytes([UInt32(2)] + listStrings.map { $0 as any FixedWidthInteger }))
            let moduleSimple = builder.append(bytes([UInt32(1), string("_version"), string("1.4.3")]))
            let annotationValue = builder.append(bytes([UInt32(4)]) + Array("true".utf8))
            let blob = builder.append(bytes([UInt32(3), UInt8(1), UInt8(2), UInt8(0)]))
            let objects = builder.append(bytes([
                UInt32(2), string("renderer_foreground"), UInt16(1), UInt16(0), annotationValue,
                string("blob"), UInt16(0x8001), UInt16(0), blob,
            ]))
            let module0 = builder.append(bytes([UInt32(1), UInt32(16), list, UInt32(12), moduleSimple, UInt32(28), objects]))
            let module1 = builder.append(bytes([UInt32(1), UInt32(0), UInt32(0), UInt32(0), UInt32(0)]))  // 20 bytes: no objects
            let links = builder.append(bytes([moduleListCount ?? 3, UInt32(0), UInt32(28), module0, UInt32(5), UInt32(20), module1,
                                              UInt32(6), UInt32(28), UInt32(0x7FFF_0000)]))
            var stream = bytes([UInt32(1)])
            stream += [0x36, 0x02, 0xAE, 0xB3, 0xCF, 0x2F, 0x42, 0x45, 0x65, 0x31, 0x6E, 0x0B, 0xBD, 0x19, 0x38, 0x6E]
            stream += [UInt8](repeating: 0, count: 16)
            stream += bytes([UInt32(60), dictionary, UInt32(40), links, UInt32(0), UInt64(0x0000_7FFF_FFFF_FFFF)])
            builder.addStream(StreamType.crashpadInfo.rawValue, stream)
        }
    }

    @Test func crashpadInfoFollowsEveryList() throws {
        let info = try #require(try Self.crashpadDump().crashpadInfo())
        #expect(info.version == 1 && info.addressMask == 0x0000_7FFF_FFFF_FFFF)
        #expect(info.reportID.description == "b3ae0236-2fcf-4542-6531-6e0bbd19386e")
        #expect(info.clientID.isZero && !info.reportID.isZero)
        #expect(info.simpleAnnotations.map(\.key) == ["prod", "ver", ""])
        #expect(info.simpleAnnotation("prod") == "Chrome" && info.simpleAnnotation("ver") == "91.0")
        #expect(info.modules.map(\.moduleIndex) == [0, 5])
        let module = try #require(info.module(atIndex: 0))
        #expect(module.listAnnotations == ["CoreSimulator 857.14", "second"])
        #expect(module.simpleAnnotations.map(\.key) == ["_version"] && module.simpleAnnotations.map(\.value) == ["1.4.3"])
        #expect(module.annotationObjects.map(\.name) == ["renderer_foreground", "blob"])
        #expect(module.annotationObjects[0].stringValue == "true" && module.annotationObjects[0].type == .string)
        #expect(module.annotationObjects[1].type.isUserDefined && module.annotationObjects[1].stringValue == nil)
        #expect(module.annotationObjects[1].value == [1, 2, 0])
        #expect(info.module(atIndex: 5)?.annotationObjects.isEmpty == true)
        // The bad dictionary key and the module info past the end of the file are diagnostics.
        #expect(info.diagnostics.count == 2)
    }

    @Test func crashpadHostileListCountIsADiagnostic() throws {
        let info = try #require(try Self.crashpadDump(moduleListCount: .max).crashpadInfo())
        #expect(info.modules.isEmpty && info.simpleAnnotations.count == 3)
        #expect(info.diagnostics.contains { $0.message.contains("invalid count") })
    }
}

// MARK: Real dumps

/// An independent reader of a dump's raw bytes (Foundation only, none of the library's code),
/// used to cross-check the decoders on real files.
struct RawDumpFile {
    let bytes: [UInt8]

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        bytes = [UInt8](data)
    }

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }

    /// The first directory entry of `type`: its file offset and size.
    func stream(_ type: StreamType) -> (rva: Int, size: Int)? {
        let count = Int(u32(8)), directory = Int(u32(12))
        for index in 0..<count where u32(directory + 12 * index) == type.rawValue {
            return (Int(u32(directory + 12 * index + 8)), Int(u32(directory + 12 * index + 4)))
        }
        return nil
    }

    func streamBytes(_ type: StreamType) -> [UInt8]? {
        stream(type).map { Array(bytes[$0.rva..<($0.rva + $0.size)]) }
    }

    /// A `MINIDUMP_STRING`, or `nil` for RVA 0.
    func utf16String(_ rva: Int) -> String? {
        guard rva != 0 else { return nil }
        let length = Int(u32(rva))
        let units = (0..<(length / 2)).map { u16(rva + 4 + 2 * $0) }
        return String(decoding: units, as: UTF16.self)
    }

    /// A Crashpad `MinidumpUTF8String` or the bytes of a `MinidumpByteArray`.
    func counted(_ rva: Int) -> [UInt8] {
        Array(bytes[(rva + 4)..<(rva + 4 + Int(u32(rva)))])
    }
}

extension SecondaryStreamTests {
    static let publicDumps = SharedDumps.files(in: "public")

    static func open(_ name: String) -> (MiniDumpFile, RawDumpFile, [String: Any])? {
        guard SharedDumps.available(),
              let dump = try? MiniDumpFile(path: SharedDumps.path("public", name)),
              let raw = RawDumpFile(path: SharedDumps.path("public", name))
        else { return nil }
        return (dump, raw, SharedDumps.expected("public", name) ?? [:])
    }

    static func isMalformed(_ name: String) -> Bool {
        (SharedDumps.manifest[name]?["malformed"] as? Bool) ?? false
    }

    @Test(arguments: publicDumps)
    func threadNamesMatchReference(name: String) throws {
        guard let (dump, _, expected) = Self.open(name) else { return }
        guard let reference = expected["threadNames"] as? [[String: Any]] else {
            #expect(dump.entry(for: .threadNames) == nil || Self.isMalformed(name))
            return
        }
        let names = try #require(try dump.threadNames())
        #expect(names.diagnostics.isEmpty, "\(name): \(names.diagnostics)")
        #expect(names.entries.map { UInt64($0.threadID) } == reference.compactMap { jsonUInt64($0["threadId"]) }, "\(name)")
        #expect(names.entries.map(\.name) == reference.compactMap { $0["name"] as? String }, "\(name)")
    }

    /// Windows and Breakpad streams: thread info, handles, memory figures, function tables,
    /// Breakpad info and assertion info, wherever a real dump has them.
    @Test(arguments: publicDumps)
    func windowsStreamsAgreeWithReference(name: String) throws {
        guard let (dump, raw, expected) = Self.open(name), !Self.isMalformed(name) else { return }
        let threadIDs = Set(((expected["threads"] as? [[String: Any]]) ?? []).compactMap { jsonUInt64($0["id"]) })

        if let list = try dump.threadInfoList() {
            #expect(Set(list.entries.map { UInt64($0.threadID) }) == threadIDs, "\(name)")
            #expect(list.entries.allSatisfy { $0.createTime != 0 }, "\(name)")
        }
        if let handles = try dump.handleData(), let (rva, _) = raw.stream(.handleData) {
            #expect(handles.diagnostics.isEmpty, "\(name): \(handles.diagnostics.prefix(3))")
            let header = Int(raw.u32(rva)), stride = Int(raw.u32(rva + 4)), count = Int(raw.u32(rva + 8))
            #expect(handles.handles.count == count, "\(name)")
            for (index, handle) in handles.handles.enumerated() {
                let at = rva + header + index * stride
                #expect(handle.handle == raw.u64(at), "\(name) handle \(index)")
                #expect(handle.typeName == raw.utf16String(Int(raw.u32(at + 8))), "\(name) handle \(index)")
                #expect(handle.objectName == raw.utf16String(Int(raw.u32(at + 12))), "\(name) handle \(index)")
                #expect(handle.grantedAccess == raw.u32(at + 20), "\(name) handle \(index)")
            }
        }
        if let memory = try dump.systemMemoryInfo() {
            let basic = try #require(memory.basicInfo)
            #expect(basic.pageSize >= 4096 && basic.pageSize.nonzeroBitCount == 1, "\(name)")
            #expect(basic.minimumUserModeAddress < basic.maximumUserModeAddress, "\(name)")
            let system = expected["systemInfo"] as? [String: Any]
            #expect(UInt64(basic.numberOfProcessors) == jsonUInt64(system?["cpuCount"]), "\(name)")
        }
        if let counters = try dump.processVmCounters() {
            #expect(counters.peakWorkingSetSize >= counters.workingSetSize, "\(name)")
            #expect(counters.peakPagefileUsage >= counters.pagefileUsage, "\(name)")
            if let peak = counters.peakVirtualSize, let current = counters.virtualSize {
                #expect(peak >= current, "\(name)")
            }
        }
        if let tables = try dump.functionTable() {
            #expect(tables.diagnostics.isEmpty && !tables.tables.isEmpty, "\(name)")
            for table in tables.tables {
                #expect(table.minimumAddress <= table.maximumAddress, "\(name)")
                #expect(table.entries.count == Int(table.entryCount), "\(name)")
                for entry in table.entries {
                    let begin = try #require(entry.beginAddress), end = try #require(entry.endAddress)
                    #expect(table.minimumAddress <= begin && begin <= end && end <= table.maximumAddress, "\(name)")
                }
            }
        }
        if let breakpad = try dump.breakpadInfo(),
           let exceptionThread = jsonUInt64((expected["exception"] as? [String: Any])?["threadId"]),
           let requesting = breakpad.requestingThreadID {
            // breakpad__write_av_non_canonical.dmp marks both ids valid but stores 30 and 0, neither
            // of which is a thread of the dump: its writer filled the stream in wrongly.
            if name != "breakpad__write_av_non_canonical.dmp" {
                #expect(UInt64(requesting) == exceptionThread, "\(name)")
                #expect(threadIDs.contains(UInt64(requesting)), "\(name)")
            }
        }
        if let assertion = try dump.assertionInfo(), let (rva, _) = raw.stream(.assertionInfo) {
            func text(_ at: Int) -> String {
                let units = (0..<128).map { raw.u16(at + 2 * $0) }
                return String(decoding: units.prefix { $0 != 0 }, as: UTF16.self)
            }
            #expect(assertion.expression == text(rva) && assertion.function == text(rva + 256), "\(name)")
            #expect(assertion.file == text(rva + 512) && assertion.line == raw.u32(rva + 768), "\(name)")
        }
    }
}

extension SecondaryStreamTests {
    /// Splits raw bytes at NULs with Foundation, dropping the trailing padding.
    static func nulSeparated(_ bytes: [UInt8]) -> [String] {
        var items = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        while items.last?.isEmpty == true { items.removeLast() }
        return items
    }

    /// The text of a Linux stream up to its first NUL, with Foundation.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Linux streams: each compared with Foundation's reading of the same bytes, and tied to the
    /// reference modules (maps cover every module), to each other (auxv and link maps point into
    /// mapped memory).
    @Test(arguments: publicDumps)
    func linuxStreamsAgreeWithReference(name: String) throws {
        guard let (dump, raw, expected) = Self.open(name), !Self.isMalformed(name) else { return }
        let maps = try dump.linuxMaps()
        if let maps, let bytes = raw.streamBytes(.linuxMaps) {
            let lines = Self.text(bytes).components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(maps.regions.count + maps.diagnostics.count == lines.count, "\(name)")
            #expect(maps.regions.count == lines.count, "\(name): \(maps.diagnostics.prefix(2))")
            let paths = Set(lines.compactMap { line -> String? in
                let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
                return fields.count == 6 ? fields[5].trimmingCharacters(in: .whitespaces) : nil
            })
            #expect(Set(maps.regions.map(\.path).filter { !$0.isEmpty }) == paths, "\(name)")
            for module in (expected["modules"] as? [[String: Any]]) ?? [] {
                guard let base = jsonUInt64(module["base"]), let moduleName = module["name"] as? String,
                      !moduleName.hasSuffix("(deleted)")  // Android ashmem modules are not in maps
                else { continue }
                #expect(maps.region(containing: base) != nil, "\(name): \(moduleName) at \(Hex.format(base))")
            }
        }
        if let arguments = try dump.linuxCmdLine()?.arguments, let bytes = raw.streamBytes(.linuxCmdLine) {
            #expect(arguments == Self.nulSeparated(bytes), "\(name)")
        }
        if let environment = try dump.linuxEnviron(), let bytes = raw.streamBytes(.linuxEnviron) {
            #expect(environment.strings == Self.nulSeparated(bytes), "\(name)")
            for string in environment.strings.prefix(20) {
                let key = String(string.prefix { $0 != "=" })
                #expect(environment.value(of: key) != nil, "\(name): \(key)")
            }
        }
        if let cpu = try dump.linuxCpuInfo(), let bytes = raw.streamBytes(.linuxCpuInfo) {
            let text = Self.text(bytes)
            #expect(cpu.text == text, "\(name)")
            let processors = text.components(separatedBy: "\n").filter {
                $0.hasPrefix("processor") && $0.dropFirst(9).trimmingCharacters(in: .whitespaces).hasPrefix(":")
            }
            #expect(cpu.processorCount == processors.count, "\(name)")
        }
        if let status = try dump.linuxProcStatus(), let bytes = raw.streamBytes(.linuxProcStatus) {
            for line in Self.text(bytes).components(separatedBy: "\n") where line.hasPrefix("Name:") || line.hasPrefix("Pid:") {
                let parts = line.components(separatedBy: ":")
                #expect(status.fields[parts[0]] == parts[1].trimmingCharacters(in: .whitespaces), "\(name)")
            }
        }
        if let release = try dump.linuxLsbRelease(), let bytes = raw.streamBytes(.linuxLsbRelease) {
            for line in Self.text(bytes).components(separatedBy: "\n") where line.hasPrefix("DISTRIB_ID=") {
                #expect(release.distributionID == String(line.dropFirst(11)), "\(name)")
            }
        }
        if let auxv = try dump.linuxAuxv(), let maps {
            if let entry = auxv.value(for: .entry) {
                #expect(maps.region(containing: entry)?.permissions.contains(.execute) == true, "\(name): AT_ENTRY")
                #expect(auxv.value(for: .pageSize).map { $0 >= 4096 && $0.nonzeroBitCount == 1 } == true, "\(name)")
            }
            if let vdso = auxv.value(for: .vdso) {
                #expect(maps.region(containing: vdso)?.path == "[vdso]", "\(name): AT_SYSINFO_EHDR")
            }
        }
        if let dso = try dump.linuxDsoDebug() {
            #expect(dso.linkMaps.count == Int(dso.dsoCount) && dso.diagnostics.isEmpty, "\(name)")
            #expect(dso.linkMaps.contains { !$0.name.isEmpty }, "\(name)")
            if let maps {
                #expect(maps.region(containing: dso.dynamicAddress) != nil, "\(name): r_debug dynamic")
                for link in dso.linkMaps {
                    #expect(maps.region(containing: link.dynamicAddress) != nil, "\(name): l_ld of \(link.name)")
                }
            }
        }
    }

    /// CrashpadInfo: every dictionary, list and annotation compared with the independent reader.
    @Test(arguments: publicDumps)
    func crashpadInfoAgreesWithIndependentReader(name: String) throws {
        guard let (dump, raw, expected) = Self.open(name), !Self.isMalformed(name),
              let info = try dump.crashpadInfo(), let (rva, size) = raw.stream(.crashpadInfo)
        else { return }
        #expect(info.diagnostics.isEmpty, "\(name): \(info.diagnostics.prefix(3))")
        #expect(info.version == raw.u32(rva), "\(name)")
        #expect(info.reportID.bytes == Array(raw.bytes[(rva + 4)..<(rva + 20)]), "\(name)")
        #expect(info.addressMask == (size >= 64 ? raw.u64(rva + 56) : nil), "\(name)")

        func dictionary(_ at: Int) -> [[String]] {
            (0..<Int(raw.u32(at))).map { index in
                [raw.counted(Int(raw.u32(at + 4 + 8 * index))), raw.counted(Int(raw.u32(at + 8 + 8 * index)))]
                    .map { String(decoding: $0, as: UTF8.self) }
            }
        }
        let simpleRva = Int(raw.u32(rva + 40))
        #expect(info.simpleAnnotations.map { [$0.key, $0.value] } == (simpleRva == 0 ? [] : dictionary(simpleRva)), "\(name)")

        let moduleCount = ((expected["modules"] as? [Any])?.count).map(UInt32.init) ?? .max
        let listRva = Int(raw.u32(rva + 48))
        let links = listRva == 0 ? 0 : Int(raw.u32(listRva))
        #expect(info.modules.count == links, "\(name)")
        for (index, module) in info.modules.enumerated() {
            let link = listRva + 4 + 12 * index
            #expect(module.moduleIndex == raw.u32(link), "\(name)")
            // Crashpad may link annotations to an index past the module list (iOS: index 100).
            if name != "breakpad__minidump_crashpad_annotation.dmp" {
                #expect(module.moduleIndex < moduleCount, "\(name)")
            }
            let at = Int(raw.u32(link + 8)), infoSize = Int(raw.u32(link + 4))
            let lists = Int(raw.u32(at + 8)), simples = Int(raw.u32(at + 16))
            let expectedList = lists == 0 ? [] : (0..<Int(raw.u32(lists))).map {
                String(decoding: raw.counted(Int(raw.u32(lists + 4 + 4 * $0))), as: UTF8.self)
            }
            #expect(module.listAnnotations == expectedList, "\(name)")
            #expect(module.simpleAnnotations.map { [$0.key, $0.value] } == (simples == 0 ? [] : dictionary(simples)), "\(name)")
            let objects = infoSize >= 28 ? Int(raw.u32(at + 24)) : 0
            let count = objects == 0 ? 0 : Int(raw.u32(objects))
            #expect(module.annotationObjects.count == count, "\(name)")
            for (number, annotation) in module.annotationObjects.enumerated() {
                let entry = objects + 4 + 12 * number
                #expect(annotation.name == String(decoding: raw.counted(Int(raw.u32(entry))), as: UTF8.self), "\(name)")
                #expect(annotation.type.rawValue == raw.u16(entry + 4), "\(name)")
                #expect(annotation.value == raw.counted(Int(raw.u32(entry + 8))), "\(name)")
            }
        }
    }

    /// Facts stated outside the dumps: the Sentry envelope is named after its report id, and the
    /// Breakpad Crashpad fixture records an iOS `NSRangeException`.
    @Test func crashpadFixturesCarryKnownFacts() throws {
        if let (dump, _, _) = Self.open("sentrydcr__crashpad_envelope_b3ae0236.dmp") {
            let info = try #require(try dump.crashpadInfo())
            #expect(info.reportID.description.hasPrefix("b3ae0236-"))
        }
        if let (dump, _, _) = Self.open("breakpad__minidump_crashpad_annotation.dmp") {
            let info = try #require(try dump.crashpadInfo())
            #expect(info.simpleAnnotation("plat") == "iOS")
            let objects = info.modules.flatMap(\.annotationObjects)
            #expect(objects.first { $0.name == "exceptionName" }?.stringValue == "NSRangeException")
        }
    }
}

// MARK: Robustness

extension SecondaryStreamTests {
    /// Decodes every secondary stream, ignoring thrown errors; returns how many decoded.
    @discardableResult
    static func decodeAll(_ dump: MiniDumpFile) -> Int {
        let decoders: [(MiniDumpFile) throws -> Any?] = [
            { try $0.threadInfoList() }, { try $0.threadNames() }, { try $0.commentA() }, { try $0.commentW() },
            { try $0.handleData() }, { try $0.tokenInfoList() }, { try $0.systemMemoryInfo() },
            { try $0.processVmCounters() }, { try $0.functionTable() }, { try $0.breakpadInfo() },
            { try $0.assertionInfo() }, { try $0.linuxCpuInfo() }, { try $0.linuxProcStatus() },
            { try $0.linuxLsbRelease() }, { try $0.linuxCmdLine() }, { try $0.linuxEnviron() },
            { try $0.linuxAuxv() }, { try $0.linuxMaps() }, { try $0.linuxDsoDebug() }, { try $0.crashpadInfo() },
        ]
        return decoders.reduce(0) { count, decode in count + (((try? decode(dump)) ?? nil) == nil ? 0 : 1) }
    }

    /// Seeded mutations and truncations of the secondary streams of real dumps: every case ends in
    /// a value or a thrown error, never a crash or a hang. The seed (FNV-1a of the file name) is
    /// printed.
    @Test(arguments: publicDumps.filter { name in
        let types = (SharedDumps.manifest[name]?["stream_types"] as? [Int]) ?? []
        let size = (SharedDumps.manifest[name]?["size"] as? Int) ?? .max
        return size < 2_000_000 && types.contains { [10, 11, 12, 13, 17, 19, 21, 22, 24].contains($0) || $0 >> 16 == 0x4767 || $0 == 0x4350_0001 }
    })
    func mutatedStreamsNeverCrash(name: String) throws {
        guard let (_, raw, _) = Self.open(name) else { return }
        let seed = name.utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 } | 1
        var state = seed
        func next() -> UInt64 {  // xorshift64
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        let targets: [StreamType] = [.threadInfoList, .threadNames, .handleData, .token, .systemMemoryInfo,
                                     .processVmCounters, .functionTable, .breakpadInfo, .assertionInfo,
                                     .linuxAuxv, .linuxMaps, .linuxDsoDebug, .linuxCmdLine, .crashpadInfo]
        let ranges = targets.compactMap { raw.stream($0) }.filter { $0.size > 0 }
        guard !ranges.isEmpty else { return }
        for round in 0..<40 {
            var bytes = raw.bytes
            let (rva, size) = ranges[Int(next() % UInt64(ranges.count))]
            for _ in 0..<(1 + Int(next() % 8)) {
                let at = rva + Int(next() % UInt64(size))
                // Counts and RVAs are where damage matters: favour 0xFF.., 0 and small values.
                let choices: [UInt8] = [0xFF, 0x00, 0x7F, 0x80, UInt8(truncatingIfNeeded: next())]
                bytes[at] = choices[Int(next() % UInt64(choices.count))]
            }
            if round % 10 == 9 { bytes = Array(bytes.prefix(rva + Int(next() % UInt64(size)))) }
            guard let dump = try? MiniDumpFile(bytes: bytes) else { continue }
            Self.decodeAll(dump)
        }
        print("mutatedStreamsNeverCrash \(name): seed \(seed)")
    }
}
