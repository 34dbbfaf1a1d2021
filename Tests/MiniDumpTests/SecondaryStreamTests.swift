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
