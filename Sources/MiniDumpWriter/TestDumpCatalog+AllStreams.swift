import MiniDump

/// The scene of `all-streams.dmp`: a small Windows x64 process carrying one of every stream type
/// the library decodes, each with recognisable values.
enum AllStreamsProcess {
    static let exe: UInt64 = 0x7FF6_1000_0000
    static let ntdll: UInt64 = 0x7FFE_2000_0000

    static func scene() -> DumpScene {
        var scene = DumpScene(system: .windows10AMD64(processorCount: 4))
        scene.timestamp = 0x659E_4E80  // 2024-01-10 08:00:00 UTC
        scene.headerFlags = [.withFullMemory, .withHandleData, .withUnloadedModules, .withFullMemoryInfo, .withThreadInfo,
                             .withTokenInformation]
        scene.modules = [
            .init(name: "C:\\Tools\\streams.exe", base: exe, size: 0x12000, checksum: 0x1_A2B3, timestamp: 0x659E_0000,
                  versionInfo: .init(fileVersion: "1.0.0.1", fileType: ModuleListBuilder.VersionInfo.typeApplication),
                  codeView: .pdb70(guid: .init("11111111-2222-3333-4444-555566667777"), age: 1, pdbName: "streams.pdb"),
                  miscRecord: [0x01, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00] + Array(repeating: 0, count: 12)),
            .init(name: "C:\\Windows\\SYSTEM32\\ntdll.dll", base: ntdll, size: 0x1F8000, checksum: 0x20_2F5E,
                  timestamp: 0x3D6F_1E8C, versionInfo: .init(fileVersion: "10.0.22621.2506"),
                  codeView: .pdb70(guid: .init("9B4B2A4C-8E0F-3D1E-2C5B-7A6D4F3E1B0A"), age: 1, pdbName: "ntdll.pdb")),
        ]
        scene.unloadedModules = [.init(name: "C:\\Tools\\plugin.dll", base: 0x7FFE_3000_0000, size: 0x8000, timestamp: 0x659D_0000)]

        let mainStack = StackImage(base: 0x5F_FFFF_FE00, size: 0x200, seed: 51, heap: 0x1_8000_0000)
        let workerStack = StackImage(base: 0x60_1FFF_FF00, size: 0x100, seed: 53, heap: 0x1_8000_0000)
        var main = AMD64ContextBuilder([.rip: exe + 0x1234, .rsp: mainStack.base, .rbp: mainStack.base + 0x40, .rax: 0xAAAA,
                                        .rbx: 0xBBBB, .rcx: 0xCCCC, .rdx: 0xDDDD])
        main.xmm = [0x0011_2233_4455_6677_8899_AABB_CCDD_EEFF]
        scene.threads = [
            .init(id: 0x100, name: "main", context: .amd64(main), stackAddress: mainStack.base, stack: mainStack.bytes,
                  teb: 0x5F_FFE0_0000, info: .init(threadId: 0x100, createTime: 0x01DA_4390_0000_0000, startAddress: exe + 0x1000,
                                                   affinity: 0xF)),
            .init(id: 0x104, context: .amd64(.init([.rip: ntdll + 0x9D3F4, .rsp: workerStack.base])),
                  stackAddress: workerStack.base, stack: workerStack.bytes, teb: 0x5F_FFE0_2000, suspendCount: 1,
                  backingStore: .init(address: 0x60_2000_0000, bytes: ByteWriter.words64([0xB5B5_B5B5_B5B5_B5B5, 2])),
                  info: .init(threadId: 0x104, dumpFlags: 0, exitStatus: 0x103, startAddress: ntdll + 0x32C40, affinity: 0xF)),
        ]
        scene.threadListKinds = [.plain, .extended]
        scene.writesThreadInfo = true
        scene.memory = [
            .init(address: exe + 0x1200, bytes: Array(repeating: 0x90, count: 0x40)),
            .init(address: 0x1_8000_0000, size: 0x100, bytes: Array("heap block".utf8)),
        ]
        scene.memoryListKinds = [.plain, .memory64]
        scene.memoryInfo = scene.derivedMemoryInfo()
        var raised = main
        raised[.rip] = exe + 0x1240
        scene.exception = .init(threadId: 0x100, code: 0xE06D_7363, flags: 1, address: exe + 0x1240,
                                parameters: [0x1993_0520, 0x5F_FFFF_FE80, exe + 0xF000, exe], context: .amd64(raised))
        var misc = MiscInfoBuilder(version: .v3)
        misc.processId = 0x1234
        misc.processTimes = .init(createTime: 0x659E_4E00, userTime: 1, kernelTime: 2)
        misc.processorPower = .init(maxMhz: 3000, currentMhz: 2500, mhzLimit: 3000)
        misc.processIntegrityLevel = 0x2000
        misc.processExecuteFlags = 0x4D
        misc.protectedProcess = 0
        misc.timeZone = .init(id: 1, bias: -60, standardName: "W. Europe Standard Time", daylightName: "W. Europe Daylight Time",
                              daylightBias: -60)
        scene.miscInfo = misc
        scene.handles = [
            .init(handle: 0x10, typeName: "Process", objectName: "streams.exe(4660)", grantedAccess: 0x1F_FFFF,
                  objectInfo: [.init(infoType: 4, data: ByteWriter.words32([0x1234, 0x1000])),
                               .init(infoType: 5, data: ByteWriter.words32([1]))]),
            .init(handle: 0x14, typeName: "Section", objectName: nil, grantedAccess: 0x4),
        ]
        scene.commentA = "all-streams: CommentStreamA"
        scene.commentW = "all-streams: CommentStreamW, Grüße"
        scene.extraStreams = extraStreams()
        return scene
    }

    static func extraStreams() -> [any StreamEncoding] {
        var counters = ProcessVmCountersBuilder(revision: 2, flags: 0x1F)
        counters.pageFaultCount = 4242
        counters.peakWorkingSetSize = 0x60_0000
        counters.workingSetSize = 0x50_0000
        counters.pagefileUsage = 0x20_0000
        counters.peakPagefileUsage = 0x28_0000
        counters.peakVirtualSize = 0x1_0000_0000
        counters.virtualSize = 0xF000_0000
        counters.privateUsage = 0x20_0000
        counters.privateWorkingSetSize = 0x18_0000
        counters.sharedCommitUsage = 0x1000
        counters.job = [1, 2, 3, 4, 5]
        var memoryInfo = SystemMemoryInfoBuilder()
        memoryInfo.flags = 0x000F
        memoryInfo.physicalPageCount = 0x3F_FFFF
        memoryInfo.highestPhysicalPage = 0x43_FFFF
        memoryInfo.processorCount = 4
        memoryInfo.activeProcessorsAffinityMask = 0xF
        memoryInfo.availablePages = 0x20_0000
        memoryInfo.committedPages = 0x18_0000
        memoryInfo.commitLimit = 0x60_0000
        memoryInfo.peakCommitment = 0x1C_0000
        return [
            FunctionTableBuilder(tables: [
                .init(minimumAddress: 0x2_0000_1000, maximumAddress: 0x2_0000_2000, baseAddress: 0x2_0000_0000,
                      nativeDescriptor: ByteWriter.words64([0x2_0000_1000, 0x2_0000_2000]),
                      entries: [FunctionTableBuilder.runtimeFunction(begin: 0x1000, end: 0x1080, unwindInfo: 0x3000),
                                FunctionTableBuilder.runtimeFunction(begin: 0x1080, end: 0x1200, unwindInfo: 0x3010)],
                      alignPad: 4),
            ]),
            TokenBuilder(tokens: [.init(tokenId: 0x1234, handle: 0x2C, data: Array(repeating: 0x5A, count: 24))]),
            memoryInfo,
            counters,
            BreakpadInfoBuilder(dumpThreadId: 0x108, requestingThreadId: 0x100),
            AssertionInfoBuilder(expression: "index < count", function: "Table::at", file: "C:\\src\\table.cpp", line: 42,
                                 type: AssertionInfoBuilder.typeInvalidParameter),
            LinuxTextStreamBuilder(.linuxCpuInfo, text: "processor\t: 0\nvendor_id\t: GenuineIntel\n\n"),
            LinuxTextStreamBuilder(.linuxProcStatus, text: "Name:\tstreams\nPid:\t4660\nPPid:\t1\nThreads:\t2\n"),
            LinuxTextStreamBuilder(.linuxLsbRelease, text: "DISTRIB_ID=Test\nDISTRIB_RELEASE=1.0\n"),
            LinuxTextStreamBuilder(.linuxCmdLine, nulSeparated: ["streams", "--all"]),
            LinuxTextStreamBuilder(.linuxEnviron, nulSeparated: ["A=1", "B=2"]),
            LinuxAuxvBuilder(entries: [(6, 4096), (9, 0x40_1000)]),
            LinuxTextStreamBuilder(.linuxMaps, text: "00400000-00412000 r-xp 00000000 08:01 42 /opt/streams\n"),
            LinuxDsoDebugBuilder(linkMaps: [.init(address: 0x40_0000, name: "/opt/streams", dynamicAddress: 0x41_1000)],
                                 brk: 0x7F00_0000_1000, ldBase: 0x7F00_0000_0000, dynamic: 0x41_1000),
            RawStream(type: StreamType(0x1234_5678), bytes: Array("custom stream 0x12345678\0".utf8)),
        ]
    }
}
