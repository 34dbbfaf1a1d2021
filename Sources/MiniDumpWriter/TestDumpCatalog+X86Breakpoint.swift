import MiniDump

/// The process of `x86-breakpoint.dmp`: a 32-bit client on 64-bit Windows 10 whose main thread
/// calls `DebugBreak()` from a fatal-error path.
enum BreakpointProcess {
    static let exe: UInt64 = 0x0040_0000
    static let oldcodec: UInt64 = 0x1000_0000
    static let ntdll: UInt64 = 0x77C4_0000
    static let kernel32: UInt64 = 0x76B8_0000
    static let kernelbase: UInt64 = 0x75F3_0000
    static let breakAddress: UInt64 = kernelbase + 0x1398E2

    /// A stack frame reached through the EBP chain: where its EBP points and the return address
    /// above it.
    struct Frame {
        var ebpOffset: Int
        var returnAddress: UInt64
        var target: UInt64
        var viaImport = false
    }

    static func scene() -> DumpScene {
        var scene = DumpScene(system: SystemInfoBuilder(
            architecture: .x86, processorLevel: 6, processorRevision: 0x9E0A, processorCount: 4, productType: 1,
            majorVersion: 10, minorVersion: 0, buildNumber: 19045, platformId: SystemInfoBuilder.Platform.windowsNT,
            csdVersion: "", suiteMask: 0x0100,
            cpu: .x86(vendor: "GenuineIntel", version: 0x000906EA, features: 0xBFEBFBFF, amdExtendedFeatures: 0)))
        scene.timestamp = 0x664D_2469  // 2024-05-21 22:47:05 UTC
        scene.headerFlags = []
        scene.modules = [
            .init(name: "C:\\Program Files (x86)\\Contoso\\Legacy\\LegacyClient.exe", base: exe, size: 0x5A000,
                  checksum: 0x0006_0D2E, timestamp: 0x654B_7919,
                  versionInfo: .init(fileVersion: "1.8.2.114", fileType: ModuleListBuilder.VersionInfo.typeApplication),
                  codeView: .pdb70(guid: .init("4E1B7C9A-2D3F-4A5B-8C6D-7E8F9A0B1C2D"), age: 1,
                                   pdbName: "C:\\src\\legacy\\Release\\LegacyClient.pdb")),
            .init(name: "C:\\Program Files (x86)\\Contoso\\Legacy\\oldcodec.dll", base: oldcodec, size: 0x24000,
                  checksum: 0, timestamp: 0x3A5F_21C4,
                  codeView: .pdb20(signature: 0x3A5F_21C4, age: 3, pdbName: "oldcodec.pdb")),
            .init(name: "C:\\Windows\\SysWOW64\\ntdll.dll", base: ntdll, size: 0x1A4000, checksum: 0x001A_9E2B,
                  timestamp: 0x6F0C_3E15, versionInfo: .init(fileVersion: "10.0.19041.4355"),
                  codeView: .pdb70(guid: .init("0B7D3C1E-9A2F-4E6D-B5C4-3A2918F7E6D5"), age: 1, pdbName: "wntdll.pdb")),
            .init(name: "C:\\Windows\\SysWOW64\\KERNEL32.DLL", base: kernel32, size: 0xF0000, checksum: 0x000F_7A10,
                  timestamp: 0x5C2D_8E41, versionInfo: .init(fileVersion: "10.0.19041.4355"),
                  codeView: .pdb70(guid: .init("7E2C9B4A-1D3E-4F50-A6B7-C8D9E0F1A2B3"), age: 1, pdbName: "wkernel32.pdb")),
            .init(name: "C:\\Windows\\SysWOW64\\KERNELBASE.dll", base: kernelbase, size: 0x214000, checksum: 0x0021_C3F4,
                  timestamp: 0x1E5A_7C22, versionInfo: .init(fileVersion: "10.0.19041.4355"),
                  codeView: .pdb70(guid: .init("D4C3B2A1-F0E9-4D8C-B7A6-958473625140"), age: 1, pdbName: "wkernelbase.pdb")),
        ]

        var callSites: [UInt64: DumpScene.MemoryRange] = [:]
        func thread(id: UInt32, name: String?, top: UInt64, size: Int, seed: UInt64, first: Frame, chain: [Frame],
                    registers: [X86ContextBuilder.Register: UInt32]) -> DumpScene.Thread {
            var stack = StackImage(base: top - UInt64(size), size: size, wordSize: 4, seed: seed, heap: 0x0036_0000)
            stack.set(0, first.returnAddress)
            callSites[first.returnAddress] = CallSite.x86(returnAddress: first.returnAddress, target: first.target,
                                                          viaImport: first.viaImport)
            for (index, frame) in chain.enumerated() {
                let next = index + 1 < chain.count ? chain[index + 1].ebpOffset : frame.ebpOffset + 8
                stack.set(frame.ebpOffset, stack.address(next))
                stack.set(frame.ebpOffset + 4, frame.returnAddress)
                callSites[frame.returnAddress] = CallSite.x86(returnAddress: frame.returnAddress, target: frame.target,
                                                              viaImport: frame.viaImport)
            }
            if let last = chain.last {
                stack.clear(from: last.ebpOffset + 8)
            }
            var context = X86ContextBuilder(registers)
            context[.esp] = UInt32(stack.base)
            context[.ebp] = UInt32(stack.address(chain.first?.ebpOffset ?? 0))
            return DumpScene.Thread(id: id, name: name, context: .x86(context), stackAddress: stack.base, stack: stack.bytes)
        }

        let main = thread(
            id: 0x1F44, name: nil, top: 0x0019_0000, size: 0x280, seed: 5,
            first: Frame(ebpOffset: 0, returnAddress: exe + 0x12A71, target: 0x0044_F1A8, viaImport: true),
            chain: [
                Frame(ebpOffset: 0x010, returnAddress: exe + 0x2B3C, target: exe + 0x12A30),
                Frame(ebpOffset: 0x060, returnAddress: exe + 0x3F12, target: exe + 0x2AA0),
                Frame(ebpOffset: 0x1A8, returnAddress: exe + 0x4A77, target: exe + 0x3D60),
                Frame(ebpOffset: 0x1F0, returnAddress: kernel32 + 0x1FA29, target: exe + 0x4B20),
                Frame(ebpOffset: 0x208, returnAddress: ntdll + 0x6D1AF, target: kernel32 + 0x1FA10),
                Frame(ebpOffset: 0x260, returnAddress: ntdll + 0x6D17B, target: ntdll + 0x6D180),
            ],
            registers: [.eip: UInt32(breakAddress), .eax: 1, .ebx: 0x0036_6A40, .ecx: 0x0018_FD9C, .edx: 0,
                        .esi: 0x0036_6A40, .edi: 0x0018_FDF0])
        let decoder = thread(
            id: 0x2A10, name: nil, top: 0x02B0_0000, size: 0x200, seed: 9,
            first: Frame(ebpOffset: 0, returnAddress: kernelbase + 0x10A6F1, target: kernelbase + 0x1F6224, viaImport: true),
            chain: [
                Frame(ebpOffset: 0x058, returnAddress: oldcodec + 0x3B17, target: 0x1001_C0F4, viaImport: true),
                Frame(ebpOffset: 0x1C0, returnAddress: kernel32 + 0x1FA29, target: oldcodec + 0x3AC0),
                Frame(ebpOffset: 0x1D8, returnAddress: ntdll + 0x6D1AF, target: kernel32 + 0x1FA10),
                Frame(ebpOffset: 0x1F0, returnAddress: ntdll + 0x6D17B, target: ntdll + 0x6D180),
            ],
            registers: [.eip: UInt32(ntdll + 0x72E6C), .eax: 0x5B, .ebx: 2, .ecx: 0, .edx: 0, .esi: 0x02AF_FE40, .edi: 0])
        scene.threads = [main, decoder]

        var debugBreak = [UInt8](repeating: 0xCC, count: 0x30)
        debugBreak.replaceSubrange(0x10..<0x14, with: [0x8B, 0xFF, 0xCC, 0xC3])  // mov edi,edi; int3; ret
        scene.memory = [DumpScene.MemoryRange(address: kernelbase + 0x1398D0, bytes: debugBreak)]
            + callSites.keys.sorted().compactMap { callSites[$0] }
        scene.exception = .init(threadId: 0x1F44, code: 0x8000_0003, flags: 0, address: breakAddress, parameters: [0])
        var misc = MiscInfoBuilder(version: .v2)
        misc.processId = 8812
        misc.processTimes = .init(createTime: 0x664D_2462, userTime: 0, kernelTime: 0)  // 2024-05-21 22:46:58 UTC
        misc.processorPower = .init(maxMhz: 3400, currentMhz: 3400, mhzLimit: 3400, maxIdleState: 1, currentIdleState: 1)
        scene.miscInfo = misc
        return scene
    }
}
