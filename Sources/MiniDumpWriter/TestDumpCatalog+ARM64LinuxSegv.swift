import MiniDump

/// The process of `arm64-linux-segv.dmp`: `imgconvert` on Ubuntu 22.04 (ARM64) dereferencing a null
/// chunk pointer, as a Breakpad-style Linux writer records it.
enum LinuxSegvProcess {
    static let exe: UInt64 = 0xAAAA_C8A1_0000
    static let libc: UInt64 = 0xFFFF_9A1B_0000
    static let libpng: UInt64 = 0xFFFF_9A3C_0000
    static let ld: UInt64 = 0xFFFF_9A45_0000
    static let vdso: UInt64 = 0xFFFF_9A47_E000
    static let heap: UInt64 = 0xAAAA_E1C2_E000
    static let crashPC: UInt64 = exe + 0x4A1C
    static let mainTid: UInt32 = 24378
    static let workerTid: UInt32 = 24380

    /// A frame record `[fp] = caller's fp, [fp+8] = return address` at `fpOffset` from sp.
    struct Frame {
        var fpOffset: Int
        var returnAddress: UInt64
        var target: UInt64?
    }

    static func buildId(_ seed: UInt8) -> [UInt8] { (0..<20).map { UInt8(truncatingIfNeeded: Int(seed) &* 37 &+ $0 &* 11) } }

    static func scene() -> DumpScene {
        var scene = DumpScene(system: SystemInfoBuilder(
            architecture: .arm64, processorLevel: 8, processorRevision: 0x0301, processorCount: 4, productType: 0,
            majorVersion: 5, minorVersion: 15, buildNumber: 0, platformId: SystemInfoBuilder.Platform.linux,
            csdVersion: "Linux 5.15.0-1051-aws #56-Ubuntu SMP Thu Dec 14 12:58:32 UTC 2023 aarch64",
            cpu: .other(0, 0)))
        scene.headerVersion = 0xA793
        scene.timestamp = 0x665D_CD97  // 2024-06-03 14:05:11 UTC
        scene.modules = [
            .init(name: "/usr/local/bin/imgconvert", base: exe, size: 0x2C000, codeView: .elf(buildId: buildId(1))),
            .init(name: "/usr/lib/aarch64-linux-gnu/libc.so.6", base: libc, size: 0x1A8000, codeView: .elf(buildId: buildId(2))),
            .init(name: "/usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0", base: libpng, size: 0x4B000,
                  codeView: .elf(buildId: buildId(3))),
            .init(name: "/usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1", base: ld, size: 0x2B000,
                  codeView: .elf(buildId: buildId(4))),
            .init(name: "linux-vdso.so.1", base: vdso, size: 0x1000, codeView: .elf(buildId: buildId(5))),
        ]

        var callSites: [UInt64: DumpScene.MemoryRange] = [:]
        func thread(id: UInt32, top: UInt64, size: Int, seed: UInt64, frames: [Frame],
                    registers: [ARM64ContextBuilder.Register: UInt64]) -> DumpScene.Thread {
            var stack = StackImage(base: top - UInt64(size), size: size, seed: seed, heap: heap)
            for (index, frame) in frames.enumerated() {
                let next = index + 1 < frames.count ? stack.address(frames[index + 1].fpOffset) : 0
                stack.set(frame.fpOffset, next)
                stack.set(frame.fpOffset + 8, frame.returnAddress)
                if let target = frame.target {
                    callSites[frame.returnAddress] = CallSite.arm64(returnAddress: frame.returnAddress, target: target)
                }
            }
            if let last = frames.last { stack.clear(from: last.fpOffset + 0x10) }
            var context = ARM64ContextBuilder(registers)
            context[.sp] = stack.base
            context[.fp] = frames.first.map { stack.address($0.fpOffset) } ?? 0
            return DumpScene.Thread(id: id, context: .arm64(context), stackAddress: stack.base, stack: stack.bytes)
        }

        let main = thread(
            id: mainTid, top: 0xFFFF_E3F1_F000, size: 0x400, seed: 3,
            frames: [
                Frame(fpOffset: 0x020, returnAddress: exe + 0x51F0, target: exe + 0x49E0),
                Frame(fpOffset: 0x080, returnAddress: exe + 0x2B34, target: exe + 0x5160),
                Frame(fpOffset: 0x1F0, returnAddress: libc + 0x273FC, target: nil),  // blr x3 into main
                Frame(fpOffset: 0x2B0, returnAddress: libc + 0x274CC, target: libc + 0x27380),
                Frame(fpOffset: 0x310, returnAddress: exe + 0x1A30, target: exe + 0x1800),
                Frame(fpOffset: 0x330, returnAddress: 0, target: nil),
            ],
            registers: [.pc: crashPC, .lr: exe + 0x51F0, .x0: 0xAAAA_E1C3_52A0, .x1: 0x2000, .x2: 1, .x3: 0,
                        .x8: 0x40, .x19: 0, .x20: 0xAAAA_E1C3_5400, .x21: 0x40, .x22: 0xAAAA_E1C3_52A0,
                        .cpsr: 0x8000_1000])
        let worker = thread(
            id: workerTid, top: 0xFFFF_99DF_F000, size: 0x300, seed: 7,
            frames: [
                Frame(fpOffset: 0x030, returnAddress: libc + 0x82A10, target: libc + 0x7F5A0),
                Frame(fpOffset: 0x0B0, returnAddress: exe + 0x6C88, target: exe + 0x1900),
                Frame(fpOffset: 0x1F0, returnAddress: libc + 0x84D1C, target: nil),  // blr x1 into worker_main
                Frame(fpOffset: 0x2C0, returnAddress: libc + 0xEB6DC, target: libc + 0x84A70),
                Frame(fpOffset: 0x2E0, returnAddress: 0, target: nil),
            ],
            registers: [.pc: libc + 0x7F5E8, .lr: libc + 0x82A10, .x0: 0xAAAA_E1C3_6028, .x1: 0x89, .x2: 0, .x3: 0,
                        .x8: 98, .x19: 0xAAAA_E1C3_6000])
        scene.threads = [main, worker]

        // Breakpad saves 256 bytes around the crashing instruction.
        var code = ByteWriter.words32(Array(repeating: 0xD503201F, count: 64))  // nop filler
        let at = Int(crashPC - (crashPC - 0x80)) / 4
        let body: [UInt32] = [
            0xA9BE7BFD,  // stp x29, x30, [sp, #-32]!
            0x910003FD,  // mov x29, sp
            0xF9000BF3,  // str x19, [sp, #16]
            0xAA0003F3,  // mov x19, x0
            0xF9400673,  // ldr x19, [x19, #8]
            0xB4000080,  // cbz x0, +16 (the check tests the wrong register)
            0xF9400660,  // ldr x0, [x19, #8]   <- faults: x19 == 0
            0xF9400BF3,  // ldr x19, [sp, #16]
            0xA8C27BFD,  // ldp x29, x30, [sp], #32
            0xD65F03C0,  // ret
        ]
        for (index, word) in body.enumerated() {
            var bytes = ByteWriter()
            bytes.u32(word)
            code.replaceSubrange((at - 6 + index) * 4 ..< (at - 5 + index) * 4, with: bytes.bytes)
        }
        scene.memory = [DumpScene.MemoryRange(address: crashPC - 0x80, bytes: code)]
            + callSites.keys.sorted().compactMap { callSites[$0] }
        scene.exception = .init(threadId: mainTid, code: 11, flags: 1, address: 0x8)  // SIGSEGV, SEGV_MAPERR
        scene.extraStreams = linuxStreams()
        return scene
    }

    static func linuxStreams() -> [any StreamEncoding] {
        let cpu = (0..<4).map { index in
            "processor\t: \(index)\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp "
                + "cpuid asimdrdm lrcpc dcpop asimddp ssbs\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\n"
                + "CPU part\t: 0xd0c\nCPU revision\t: 1\n\n"
        }.joined()
        let status = """
            Name:\timgconvert
            Umask:\t0022
            State:\tR (running)
            Tgid:\t24378
            Ngid:\t0
            Pid:\t24378
            PPid:\t24301
            TracerPid:\t0
            Uid:\t998\t998\t998\t998
            Gid:\t998\t998\t998\t998
            FDSize:\t64
            Groups:\t998
            VmPeak:\t   21872 kB
            VmSize:\t   21808 kB
            VmRSS:\t    9344 kB
            Threads:\t2
            SigQ:\t0/15299
            SigBlk:\t0000000000000000
            SigCgt:\t0000000180004a02

            """
        let maps = """
            aaaac8a10000-aaaac8a36000 r-xp 00000000 103:01 1311102                   /usr/local/bin/imgconvert
            aaaac8a3a000-aaaac8a3b000 r--p 0002a000 103:01 1311102                   /usr/local/bin/imgconvert
            aaaac8a3b000-aaaac8a3c000 rw-p 0002b000 103:01 1311102                   /usr/local/bin/imgconvert
            aaaae1c2e000-aaaae1c4f000 rw-p 00000000 00:00 0                          [heap]
            ffff99600000-ffff99e00000 rw-p 00000000 00:00 0 
            ffff9a1b0000-ffff9a338000 r-xp 00000000 103:01 2098417                   /usr/lib/aarch64-linux-gnu/libc.so.6
            ffff9a338000-ffff9a34f000 ---p 00188000 103:01 2098417                   /usr/lib/aarch64-linux-gnu/libc.so.6
            ffff9a34f000-ffff9a352000 r--p 0018f000 103:01 2098417                   /usr/lib/aarch64-linux-gnu/libc.so.6
            ffff9a352000-ffff9a354000 rw-p 00192000 103:01 2098417                   /usr/lib/aarch64-linux-gnu/libc.so.6
            ffff9a354000-ffff9a358000 rw-p 00000000 00:00 0 
            ffff9a3c0000-ffff9a3f8000 r-xp 00000000 103:01 2101995                   /usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0
            ffff9a3f8000-ffff9a409000 ---p 00038000 103:01 2101995                   /usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0
            ffff9a409000-ffff9a40a000 r--p 00039000 103:01 2101995                   /usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0
            ffff9a40a000-ffff9a40b000 rw-p 0003a000 103:01 2101995                   /usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0
            ffff9a450000-ffff9a47b000 r-xp 00000000 103:01 2098401                   /usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1
            ffff9a47c000-ffff9a47e000 r--p 00000000 00:00 0                          [vvar]
            ffff9a47e000-ffff9a47f000 r-xp 00000000 00:00 0                          [vdso]
            ffff9a47f000-ffff9a481000 r--p 0002b000 103:01 2098401                   /usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1
            ffff9a481000-ffff9a483000 rw-p 0002d000 103:01 2098401                   /usr/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1
            ffffe3efe000-ffffe3f1f000 rw-p 00000000 00:00 0                          [stack]

            """
        return [
            LinuxTextStreamBuilder(.linuxCpuInfo, text: cpu),
            LinuxTextStreamBuilder(.linuxProcStatus, text: status),
            LinuxTextStreamBuilder(.linuxLsbRelease, text: "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\n"
                                   + "DISTRIB_DESCRIPTION=\"Ubuntu 22.04.3 LTS\"\n"),
            LinuxTextStreamBuilder(.linuxCmdLine, nulSeparated: [
                "/usr/local/bin/imgconvert", "--input", "/srv/uploads/9f3c2a.png", "--output", "/tmp/9f3c2a.webp",
            ]),
            LinuxTextStreamBuilder(.linuxEnviron, nulSeparated: [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "HOME=/var/lib/imgconvert",
                "INVOCATION_ID=5b0e3c1f9d2a4e8b8f6c7d1e2a3b4c5d", "JOURNAL_STREAM=8:41377",
            ]),
            LinuxAuxvBuilder(entries: [
                (33, vdso), (51, 5120), (16, 0xEFFF), (6, 4096), (17, 100), (3, exe + 0x40), (4, 56), (5, 9),
                (7, ld), (8, 0), (9, exe + 0x1A00), (11, 998), (12, 998), (13, 998), (14, 998), (23, 0),
                (25, 0xFFFF_E3F1_EF58), (26, 0), (31, 0xFFFF_E3F1_EFD6), (15, 0xFFFF_E3F1_EF68),
            ]),
            LinuxTextStreamBuilder(.linuxMaps, text: maps),
            LinuxDsoDebugBuilder(
                linkMaps: [
                    .init(address: exe, name: "", dynamicAddress: exe + 0x2BD80),
                    .init(address: vdso, name: "linux-vdso.so.1", dynamicAddress: vdso + 0x3A0),
                    .init(address: libpng, name: "/usr/lib/aarch64-linux-gnu/libpng16.so.16.37.0", dynamicAddress: libpng + 0x3AD50),
                    .init(address: libc, name: "/usr/lib/aarch64-linux-gnu/libc.so.6", dynamicAddress: libc + 0x192B60),
                    .init(address: ld, name: "/lib/ld-linux-aarch64.so.1", dynamicAddress: ld + 0x2DE50),
                ],
                brk: ld + 0x1A30, ldBase: ld, dynamic: exe + 0x2BD80),
        ]
    }
}
