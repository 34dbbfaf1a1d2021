import MiniDump
import MiniDumpWriter

/// A 16 GiB full-memory dump (ProcDump `-ma` shape) of a large x64 server process: 250,000
/// Memory64 ranges totalling exactly 16 GiB, 200 modules (headers, `.pdata` and exports captured),
/// 100 threads with captured stacks (about 25 frames in six modules each), and an access violation
/// on the first thread in one of the application's components. Only the module headers and stacks
/// are written; every other byte of the ranges is a sparse hole, so the file costs about 10 MB of
/// disk.
enum FullDumpInput {
    static let rangeCount = 250_000
    static let moduleCount = 200
    static let threadCount = 100
    static let totalBytes: UInt64 = 16 << 30
    static let page: UInt64 = 0x1000
    static let stackSize = 0x4000

    static let moduleArea: UInt64 = 0x7FF8_0000_0000
    static let stackArea: UInt64 = 0x0000_00A0_0000_0000
    static let heapArea: UInt64 = 0x0000_01F4_0000_0000

    /// A small deterministic mixer (SplitMix64's finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static let systemNames = [
        "ntdll.dll", "KERNEL32.DLL", "KERNELBASE.dll", "ucrtbase.dll", "msvcp_win.dll", "ADVAPI32.dll", "msvcrt.dll",
        "sechost.dll", "RPCRT4.dll", "combase.dll", "OLEAUT32.dll", "USER32.dll", "win32u.dll", "GDI32.dll",
        "gdi32full.dll", "SHLWAPI.dll", "ws2_32.dll", "mswsock.dll", "CRYPT32.dll", "bcrypt.dll", "bcryptPrimitives.dll",
        "ncrypt.dll", "NTASN1.dll", "IPHLPAPI.DLL", "DNSAPI.dll", "NSI.dll", "WINHTTP.dll", "webio.dll", "HTTPAPI.dll",
        "SSPICLI.DLL", "CRYPTBASE.DLL", "secur32.dll", "schannel.DLL", "rsaenh.dll", "kernel.appcore.dll",
        "powrprof.dll", "UMPDC.dll", "clbcatq.dll", "ole32.dll", "SHELL32.dll", "windows.storage.dll", "wintypes.dll",
        "profapi.dll", "VERSION.dll", "CFGMGR32.dll", "msasn1.dll", "gpapi.dll", "dpapi.dll", "wldp.dll", "userenv.dll",
    ]

    /// Module `index`: name, base and size.
    static func module(_ index: Int) -> (name: String, base: UInt64, size: UInt32) {
        let name = index < systemNames.count
            ? "C:\\Windows\\System32\\" + systemNames[index]
            : "C:\\Program Files\\Contoso\\Server\\bin\\contoso.component\(index - systemNames.count + 1).dll"
        let size = UInt32(0x2_0000 + (mix(UInt64(index) &+ 7_000) % 0x1E0) * 0x1_0000)  // 128 KiB ... 30 MiB
        return (name, moduleArea + UInt64(index) * 0x0400_0000, size)
    }

    static func scene() -> DumpScene {
        var scene = DumpScene(system: .windows10AMD64(processorCount: 16))
        scene.timestamp = 0x6602_0F3A
        scene.headerFlags = [.withFullMemory, .withHandleData, .withUnloadedModules, .withProcessThreadData,
                             .withFullMemoryInfo, .withThreadInfo, .withTokenInformation]
        scene.memoryListKinds = [.memory64]

        // Modules: each has its first pages captured with real headers (one exported function with
        // unwind data), and the rest of the image in three more ranges (holes).
        var images: [SyntheticImage] = []
        var memory: [DumpScene.MemoryRange] = []
        var modulePages: UInt64 = 0
        for index in 0..<moduleCount {
            let (name, base, size) = module(index)
            let image = SyntheticImage(
                name: name, base: base, size: size, timestamp: UInt32(truncatingIfNeeded: mix(UInt64(index))),
                functions: [.init(name: "Worker\(index)", rva: 0x1000, prolog: .framePointer(locals: 0x50), callTarget: nil)])
            images.append(image)
            scene.modules.append(.init(
                name: name, base: base, size: size, checksum: UInt32(truncatingIfNeeded: mix(UInt64(index) &+ 1)),
                timestamp: image.timestamp,
                versionInfo: .init(fileVersion: index < systemNames.count ? "10.0.20348.2340" : "4.\(index % 7).\(index).0"),
                codeView: .pdb70(
                    guid: .init(data1: UInt32(truncatingIfNeeded: mix(UInt64(index) &+ 2)), data2: UInt16(index), data3: 0x4A5B,
                                data4: [0x8C, 0x9D, 0xAE, 0xBF, 0xC0, 0xD1, 0xE2, UInt8(index & 0xFF)]),
                    age: 1, pdbName: String(name.split(separator: "\\").last ?? "").replacingExtension(with: "pdb"))))
            let headers = UInt64(SyntheticImage.capturedSize)
            let rest = UInt64(size) - headers
            let text = rest / 2 / page * page
            let rdata = rest / 4 / page * page
            memory.append(.init(address: base, bytes: image.bytes))
            memory.append(.init(address: base + headers, size: text))
            memory.append(.init(address: base + headers + text, size: rdata))
            memory.append(.init(address: base + headers + text + rdata, size: rest - text - rdata))
            modulePages += UInt64(size) / page
        }

        // Threads: 16 KiB of captured stack each, holding about 25 frames (one every 640 bytes:
        // saved RBP, return address after a call, a local) in six modules per thread — ntdll,
        // kernel32, KERNELBASE and three of the application's components — as a real server
        // thread's stack holds a couple of dozen frames in a handful of modules. The first thread
        // faults in module 0.
        for index in 0..<threadCount {
            let top = stackArea + UInt64(index + 1) * 0x10_0000
            let bottom = top - UInt64(stackSize)
            let modules = [0, 1, 2, 50 + index % 150, 50 + (index + 37) % 150, 50 + (index + 91) % 150]
            var words = [UInt64](repeating: 0, count: stackSize / 8)
            for (frame, slot) in stride(from: 0, to: words.count - 2, by: 80).enumerated() {
                let callee = images[modules[Int(mix(UInt64(index * 1000 + frame)) % UInt64(modules.count))]]
                words[slot] = bottom + UInt64(slot + 80) * 8          // saved RBP: the next frame
                words[slot + 1] = callee.base + 0x1000 + 19           // return address after the call
                words[slot + 2] = UInt64(frame)
            }
            let module = images[modules[3]]
            let context = AMD64ContextBuilder([.rip: module.base + 0x1000 + 8, .rsp: bottom, .rbp: bottom,
                                               .rcx: UInt64(index), .rax: index == 0 ? 0 : 0x102])
            scene.threads.append(.init(
                id: 0x1000 + UInt32(index) * 4, name: index == 0 ? "RequestWorker" : nil, context: .amd64(context),
                stackAddress: bottom, stack: ByteWriter.words64(words), teb: 0xA0_0000_0000 - UInt64(index + 1) * 0x2000))
        }
        let stackPages = UInt64(threadCount * stackSize) / page

        // Heap and mapped ranges: the rest of the 250,000 ranges, sizes in pages, gaps between them,
        // adjusted so that all ranges together hold exactly 16 GiB.
        let heapCount = rangeCount - memory.count - threadCount
        var pages = (0..<heapCount).map { 1 + mix(UInt64($0) &+ 1_000_000) % 24 }
        let target = totalBytes / page - modulePages - stackPages
        let have = pages.reduce(0, +)
        if target >= have {
            let extra = target - have
            let each = extra / UInt64(heapCount)
            let remainder = Int(extra % UInt64(heapCount))
            for index in pages.indices { pages[index] += each + (index < remainder ? 1 : 0) }
        }
        var address = heapArea
        for (index, count) in pages.enumerated() {
            memory.append(.init(address: address, size: count * page))
            address += (count + 1 + mix(UInt64(index) &+ 3_000_000) % 4) * page
        }
        scene.memory = memory

        let crash = images[50].base + 0x1000 + 8
        scene.exception = .init(threadId: 0x1000, code: 0xC000_0005, flags: 0, address: crash, parameters: [1, 0x10])
        var misc = MiscInfoBuilder(version: .v5)
        misc.processId = 0x1F30
        misc.processTimes = .init(createTime: 0x65FF_C000, userTime: 86_400, kernelTime: 7_200)
        misc.processIntegrityLevel = 0x4000
        misc.buildString = ("20348.1.amd64fre.fe_release.210507-1500", "")
        scene.miscInfo = misc
        scene.writesThreadInfo = true
        return scene
    }
}

extension String {
    /// The name with its extension (after the last dot) replaced by `newExtension`.
    func replacingExtension(with newExtension: String) -> String {
        guard let dot = lastIndex(of: ".") else { return self + "." + newExtension }
        return String(self[..<dot]) + "." + newExtension
    }
}
