import MiniDump

/// The process of `amd64-access-violation.dmp`: a Windows 10 x64 service, `MyService.exe`, whose
/// `PaymentWorker` thread writes through a null pointer in `payments.dll`.
enum AccessViolationProcess {
    static let exe: UInt64 = 0x7FF7_4A3C_0000
    static let ntdll: UInt64 = 0x7FFD_F2A7_0000
    static let kernel32: UInt64 = 0x7FFD_F1A3_0000
    static let kernelbase: UInt64 = 0x7FFD_F01C_0000
    static let payments: UInt64 = 0x7FFD_C8B5_0000
    static let heap: UInt64 = 0x0000_020C_4A5A_0000
    static let batch: UInt64 = 0x0000_020C_4A5F_3B70
    static let entry: UInt64 = 0x0000_020C_4A5F_3C10
    static let crashAddress: UInt64 = payments + 0x1A3F

    // Return addresses shared by every thread's first frames.
    static let baseThreadInitThunk = kernel32 + 0x17034
    static let rtlUserThreadStart = ntdll + 0x52651

    /// One frame's return address, the call that produced it, and the stack slot holding it.
    struct Frame {
        var offset: Int
        var returnAddress: UInt64
        var target: UInt64
        var viaImport = false
    }

    static func scene() -> DumpScene {
        var scene = DumpScene(system: .windows10AMD64(processorCount: 8))
        scene.timestamp = 0x65F2_C2DD  // 2024-03-14 09:26:53 UTC
        scene.headerFlags = [.withHandleData, .withUnloadedModules, .withProcessThreadData, .withFullMemoryInfo, .withThreadInfo]
        scene.modules = modules
        scene.unloadedModules = [
            .init(name: "C:\\Program Files\\Contoso\\MyService\\plugins\\legacyauth.dll", base: 0x7FFD_C9A0_0000,
                  size: 0x1A000, checksum: 0x0002_4C1D, timestamp: 0x5F4A_19C3),
        ]

        var threads: [DumpScene.Thread] = []
        var callSites: [UInt64: DumpScene.MemoryRange] = [:]
        func addThread(id: UInt32, name: String?, top: UInt64, size: Int, seed: UInt64, frames: [Frame],
                       registers: [AMD64ContextBuilder.Register: UInt64], saved: [Int: UInt64] = [:],
                       teb: UInt64, info: ThreadInfoListBuilder.Entry) {
            var stack = StackImage(base: top - UInt64(size), size: size, seed: seed, heap: heap)
            for (offset, value) in saved { stack.set(offset, value) }
            for frame in frames {
                stack.set(frame.offset, frame.returnAddress)
                callSites[frame.returnAddress] = CallSite.x64(
                    returnAddress: frame.returnAddress, target: frame.target, viaImport: frame.viaImport)
            }
            if let last = frames.last { stack.clear(from: last.offset + 0x30) }
            var context = AMD64ContextBuilder(registers)
            context[.rsp] = stack.base
            threads.append(.init(id: id, name: name, context: .amd64(context), stackAddress: stack.base, stack: stack.bytes,
                                 teb: teb, priority: id == 0x2F10 ? 1 : 0, info: info))
        }

        // ServiceControl: the service's main thread, waiting for the stop event.
        addThread(
            id: 0x1A2C, name: "ServiceControl", top: 0xA1_7E20_0000, size: 0x308, seed: 11,
            frames: [
                Frame(offset: 0x000, returnAddress: kernelbase + 0x3C0BE, target: kernelbase + 0x2A2F38, viaImport: true),
                Frame(offset: 0x0A0, returnAddress: exe + 0x1F8C7, target: exe + 0x3F0A8, viaImport: true),
                Frame(offset: 0x150, returnAddress: exe + 0x2A6D0, target: exe + 0x1F840),
                Frame(offset: 0x1E0, returnAddress: exe + 0x3C1E2, target: exe + 0x2A530),
                Frame(offset: 0x220, returnAddress: baseThreadInitThunk, target: exe + 0x3C0D0),
                Frame(offset: 0x250, returnAddress: rtlUserThreadStart, target: kernel32 + 0x17020),
            ],
            registers: [.rip: ntdll + 0x9D3F4, .rax: 0x4, .rcx: 0x98, .r10: 0x98, .rdx: 0, .rbx: 0x98,
                        .rsi: 0, .rdi: 0x98, .r8: 0, .r9: 0, .r11: 0x246, .rbp: 0],
            teb: 0xA1_7DE2_F000,
            info: .init(threadId: 0x1A2C, createTime: 0x01DA_75D6_D357_0E80, kernelTime: 1_562_500, userTime: 4_843_750,
                        startAddress: exe + 0x3C0D0, affinity: 0xFF))

        // PaymentWorker: crashed in payments!PaymentBatch::Commit writing batch->account->balance.
        addThread(
            id: 0x2F10, name: "PaymentWorker", top: 0xA1_7E60_0000, size: 0x5A8, seed: 23,
            frames: [
                Frame(offset: 0x040, returnAddress: payments + 0x2217, target: payments + 0x19F0),
                Frame(offset: 0x3C0, returnAddress: exe + 0x15C4, target: exe + 0x3F2D0, viaImport: true),
                Frame(offset: 0x500, returnAddress: exe + 0x1A0E, target: exe + 0x1400),
                Frame(offset: 0x540, returnAddress: baseThreadInitThunk, target: exe + 0x19E0),
                Frame(offset: 0x570, returnAddress: rtlUserThreadStart, target: kernel32 + 0x17020),
            ],
            registers: [.rip: crashAddress, .rax: 0, .rbx: batch, .rcx: 0x4E20, .rdx: entry, .rsi: entry,
                        .rdi: 0x0000_020C_4A60_1F40, .rbp: 0, .r8: 0x0000_020C_4A5E_0A40, .r9: 1, .r10: 0,
                        .r11: 0xA1_7E5F_FA20, .r12: 0, .r13: 0, .r14: 0x0000_020C_4A5F_0E00, .r15: 0, .eflags: 0x10246],
            saved: [0x28: 0x0000_020C_4A60_1F40, 0x30: 0x0000_020C_4A5F_0E00, 0x38: batch, 0x48: batch, 0x50: entry],
            teb: 0xA1_7DE3_3000,
            info: .init(threadId: 0x2F10, createTime: 0x01DA_75D6_D488_3B80, kernelTime: 3_281_250, userTime: 187_500_000,
                        startAddress: exe + 0x19E0, affinity: 0xFF))

        // A thread-pool worker, unnamed, waiting for work.
        addThread(
            id: 0x3B04, name: nil, top: 0xA1_7EA0_0000, size: 0x3A8, seed: 37,
            frames: [
                Frame(offset: 0x000, returnAddress: ntdll + 0x32F36, target: ntdll + 0xA0D50),
                Frame(offset: 0x330, returnAddress: baseThreadInitThunk, target: ntdll + 0x32C40),
                Frame(offset: 0x360, returnAddress: rtlUserThreadStart, target: kernel32 + 0x17020),
            ],
            registers: [.rip: ntdll + 0xA0D64, .rax: 0x1D5, .rcx: 0x8C, .r10: 0x8C, .rdx: 0x1, .rbx: 0x0000_020C_4A5B_2E70,
                        .rsi: 0, .rdi: 0x0000_020C_4A5B_2E70, .r11: 0x246],
            teb: 0xA1_7DE3_7000,
            info: .init(threadId: 0x3B04, createTime: 0x01DA_75D6_D488_3B80, kernelTime: 0, userTime: 156_250,
                        startAddress: ntdll + 0x32C40, affinity: 0xFF))

        // LogFlusher: sleeps between flushes of the service log.
        addThread(
            id: 0x0E58, name: "LogFlusher", top: 0xA1_7EE0_0000, size: 0x1A8, seed: 41,
            frames: [
                Frame(offset: 0x000, returnAddress: kernelbase + 0x5A8DE, target: kernelbase + 0x2A2F60, viaImport: true),
                Frame(offset: 0x090, returnAddress: exe + 0x2213B, target: exe + 0x3F0B0, viaImport: true),
                Frame(offset: 0x0F0, returnAddress: exe + 0x1A0E, target: exe + 0x1400),
                Frame(offset: 0x130, returnAddress: baseThreadInitThunk, target: exe + 0x19E0),
                Frame(offset: 0x160, returnAddress: rtlUserThreadStart, target: kernel32 + 0x17020),
            ],
            registers: [.rip: ntdll + 0x9DA04, .rax: 0x34, .rcx: 0, .r10: 0, .rdx: 0xA1_7EDF_FE90, .rbx: 0, .r11: 0x246],
            teb: 0xA1_7DE3_9000,
            info: .init(threadId: 0x0E58, createTime: 0x01DA_75D6_D488_3B80, kernelTime: 312_500, userTime: 625_000,
                        startAddress: exe + 0x19E0, affinity: 0xFF))

        scene.threads = threads
        scene.writesThreadInfo = true
        scene.memory = [commitCode(), heapObjects()] + callSites.keys.sorted().compactMap { callSites[$0] }
        scene.exception = .init(threadId: 0x2F10, code: 0xC000_0005, flags: 0, address: crashAddress, parameters: [1, 0x10])
        scene.memoryInfo = memoryInfo(scene)
        scene.miscInfo = miscInfo()
        scene.handles = handles
        scene.commentW = "ProcDump: unhandled exception"
        return scene
    }

    static let modules: [ModuleListBuilder.Module] = [
        .init(name: "C:\\Program Files\\Contoso\\MyService\\MyService.exe", base: exe, size: 0x4E000,
              checksum: 0x0005_A1C3, timestamp: 0x65E0_C1C2,
              versionInfo: .init(fileVersion: "3.2.1.0", fileType: ModuleListBuilder.VersionInfo.typeApplication),
              codeView: .pdb70(guid: .init("6F1D2B8A-3C4E-4F5A-9B7C-2D1E0F3A4B5C"), age: 1,
                               pdbName: "C:\\build\\MyService\\x64\\Release\\MyService.pdb")),
        .init(name: "C:\\Windows\\SYSTEM32\\ntdll.dll", base: ntdll, size: 0x1F8000, checksum: 0x0020_2F5E,
              timestamp: 0x3D6F_1E8C, versionInfo: .init(fileVersion: "10.0.19041.3636"),
              codeView: .pdb70(guid: .init("9B4B2A4C-8E0F-3D1E-2C5B-7A6D4F3E1B0A"), age: 1, pdbName: "ntdll.pdb")),
        .init(name: "C:\\Windows\\System32\\KERNEL32.DLL", base: kernel32, size: 0xBD000, checksum: 0x000C_46A1,
              timestamp: 0x9A8E_03D7, versionInfo: .init(fileVersion: "10.0.19041.3636"),
              codeView: .pdb70(guid: .init("2D9A4E5B-6F11-4C3A-8B2D-0E7F6A5B4C3D"), age: 1, pdbName: "kernel32.pdb")),
        .init(name: "C:\\Windows\\System32\\KERNELBASE.dll", base: kernelbase, size: 0x2F6000, checksum: 0x002F_9C30,
              timestamp: 0x2BE1_4F5D, versionInfo: .init(fileVersion: "10.0.19041.3636"),
              codeView: .pdb70(guid: .init("C1E7F3A2-5D4B-4E6F-A819-3B2C1D0E9F8A"), age: 1, pdbName: "kernelbase.pdb")),
        .init(name: "C:\\Program Files\\Contoso\\MyService\\payments.dll", base: payments, size: 0x3C000,
              checksum: 0x0004_1E77, timestamp: 0x65D4_8B10, versionInfo: .init(fileVersion: "2.4.7.1"),
              codeView: .pdb70(guid: .init("A3F6C2D1-7B8E-4A59-9C0D-1E2F3A4B5C6D"), age: 2,
                               pdbName: "D:\\a\\payments\\payments\\build\\Release\\payments.pdb")),
    ]

    /// `payments!PaymentBatch::Commit` (0x19F0–0x1A53) and its padding: the faulting
    /// `mov dword ptr [rax+10h], ecx` is at +0x4F.
    static func commitCode() -> DumpScene.MemoryRange {
        let rel1 = ByteWriter.words32([UInt32(truncatingIfNeeded: (payments + 0x2C40) &- (payments + 0x1A0B))])
        let rel2 = ByteWriter.words32([UInt32(truncatingIfNeeded: (payments + 0x2D10) &- (payments + 0x1A28))])
        let rel3 = ByteWriter.words32([UInt32(truncatingIfNeeded: (payments + 0x2E80) &- (payments + 0x1A34))])
        var code: [UInt8] = [0x53, 0x56, 0x57, 0x48, 0x83, 0xEC, 0x28, 0x48, 0x8B, 0xD9, 0x48, 0x8B, 0xF2,
                             0x48, 0x8B, 0x49, 0x08, 0x48, 0x85, 0xC9, 0x74, 0x0A, 0xE8]
        code += rel1
        code += [0x85, 0xC0, 0x75, 0x01, 0x90,
                 0x8B, 0x46, 0x0C, 0x83, 0xF8, 0x02, 0x0F, 0x87, 0xA4, 0x00, 0x00, 0x00,
                 0x48, 0x8B, 0x7B, 0x20, 0x48, 0x8B, 0xCF, 0xE8]
        code += rel2
        code += [0x48, 0x8B, 0x4B, 0x10, 0x8B, 0x56, 0x08, 0xE8]
        code += rel3
        code += [0x85, 0xC0, 0x78, 0x7A,
                 0x48, 0x8B, 0x43, 0x18, 0x8B, 0x4E, 0x08,
                 0x89, 0x48, 0x10,
                 0x48, 0x8B, 0x43, 0x18, 0xFF, 0x40, 0x14, 0x33, 0xC0,
                 0x48, 0x83, 0xC4, 0x28, 0x5F, 0x5E, 0x5B, 0xC3]
        code += Array(repeating: 0xCC, count: 0x80 - code.count)
        return DumpScene.MemoryRange(address: payments + 0x19F0, bytes: code)
    }

    /// The `PaymentBatch` the worker was committing (its `account` pointer at +0x18 is null) and
    /// the ledger entry (amount 20000 at +0x8).
    static func heapObjects() -> DumpScene.MemoryRange {
        var words = [UInt64](repeating: 0, count: 0xC0 / 8)
        words[0] = payments + 0x2A3F8  // vtable
        words[1] = 0x0000_020C_4A5E_0A40  // ledger lock
        words[2] = 0x0000_020C_4A60_1F40  // journal
        words[3] = 0  // account: null
        words[4] = 0x0000_020C_4A5F_0E00  // allocator
        words[5] = 0x0000_0003_0000_0001  // state 1, retries 3
        let entryIndex = Int(entry - batch) / 8
        words[entryIndex] = batch
        words[entryIndex + 1] = 0x0000_0001_0000_4E20  // amount 20000, kind 1
        words[entryIndex + 2] = 0x0000_020C_4A5F_3CD0
        return DumpScene.MemoryRange(address: batch, bytes: ByteWriter.words64(words))
    }

    static func memoryInfo(_ scene: DumpScene) -> [MemoryInfoListBuilder.Region] {
        typealias M = MemoryInfoListBuilder
        var regions = scene.derivedMemoryInfo().filter { $0.type == M.image }
        regions.append(.init(base: 0, size: 0x7FFE_0000, state: M.free, protect: M.noAccess, type: 0))
        regions.append(.init(base: 0x7FFE_0000, size: 0x1000, protect: M.readOnly, type: M.private))
        regions.append(.init(base: heap, size: 0x62000, protect: M.readWrite, type: M.private))
        for thread in scene.threads {
            let top = thread.stackAddress + UInt64(thread.stack.count)
            let reserveBase = top - 0x10_0000
            let committed = thread.stackAddress / 0x1000 * 0x1000 - 0x1000
            regions.append(.init(base: reserveBase, size: committed - 0x1000 - reserveBase, allocationBase: reserveBase,
                                 allocationProtect: M.readWrite, state: M.reserve, protect: 0, type: M.private))
            regions.append(.init(base: committed - 0x1000, size: 0x1000, allocationBase: reserveBase,
                                 allocationProtect: M.readWrite, protect: M.readWrite | M.guardPage, type: M.private))
            regions.append(.init(base: committed, size: top - committed, allocationBase: reserveBase,
                                 allocationProtect: M.readWrite, protect: M.readWrite, type: M.private))
        }
        return regions.sorted { $0.base < $1.base }
    }

    static func miscInfo() -> MiscInfoBuilder {
        var misc = MiscInfoBuilder(version: .v5)
        misc.processId = 4321
        misc.processTimes = .init(createTime: 0x65F2_95B0, userTime: 41, kernelTime: 9)  // 2024-03-14 06:14:08 UTC
        misc.processorPower = .init(maxMhz: 2904, currentMhz: 2904, mhzLimit: 2904, maxIdleState: 1, currentIdleState: 1)
        misc.processIntegrityLevel = 0x4000
        misc.protectedProcess = 0
        misc.timeZone = .init(
            id: 2, bias: 480, standardName: "Pacific Standard Time",
            standardDate: .init(month: 11, dayOfWeek: 0, day: 1, hour: 2),
            daylightName: "Pacific Daylight Time",
            daylightDate: .init(month: 3, dayOfWeek: 0, day: 2, hour: 2), daylightBias: -60)
        misc.buildString = ("19041.1.amd64fre.vb_release.191206-1406", "dbgcore.amd64fre.vb_release.191206-1406")
        misc.xstate = .init(contextSize: 0x7F0, enabledFeatures: 0x7,
                            features: [0: (0, 0xA0), 1: (0xA0, 0x100), 2: (0x240, 0x100)])
        misc.processCookie = 0x4A3F_1C92
        return misc
    }

    static let handles: [HandleDataBuilder.Handle] = [
        .init(handle: 0x4, typeName: "Key",
              objectName: "\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001\\Control\\Nls\\Sorting\\Versions",
              grantedAccess: 0x0002_0019, handleCount: 1, pointerCount: 32_767),
        .init(handle: 0x8, typeName: "Event", grantedAccess: 0x001F_0003, handleCount: 1, pointerCount: 32_768),
        .init(handle: 0x44, typeName: "File", objectName: "\\Device\\HarddiskVolume3\\Program Files\\Contoso\\MyService",
              grantedAccess: 0x0010_0020, handleCount: 1, pointerCount: 32_767),
        .init(handle: 0x98, typeName: "Event", objectName: "\\BaseNamedObjects\\MyService_Stop",
              grantedAccess: 0x001F_0003, handleCount: 2, pointerCount: 65_535),
        .init(handle: 0xA4, typeName: "File",
              objectName: "\\Device\\HarddiskVolume3\\ProgramData\\Contoso\\MyService\\logs\\service.log",
              grantedAccess: 0x0012_019F, handleCount: 1, pointerCount: 32_766),
        .init(handle: 0xC0, typeName: "Thread", grantedAccess: 0x001F_FFFF, handleCount: 3, pointerCount: 98_302),
        .init(handle: 0x1F4, typeName: "Mutant", objectName: "\\BaseNamedObjects\\MyService_Config",
              grantedAccess: 0x001F_0001, handleCount: 2, pointerCount: 65_534),
        .init(handle: 0x208, typeName: "Key", objectName: "\\REGISTRY\\MACHINE\\SOFTWARE\\Contoso\\MyService",
              grantedAccess: 0x0002_0019, handleCount: 1, pointerCount: 32_767),
    ]
}
