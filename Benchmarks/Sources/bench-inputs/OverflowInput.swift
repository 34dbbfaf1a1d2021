import MiniDump
import MiniDumpWriter

/// A Windows x64 stack overflow (0xC00000FD) 10,000 frames deep: `main` calls `recurse_a`, which
/// calls `recurse_b`, which calls `recurse_c`, which calls `recurse_a` again, until the 1 MiB stack
/// runs out. Every function keeps a frame pointer (`push rbp; mov rbp, rsp; sub rsp, 50h`), so the
/// RBP chain and the return addresses on the stack form the 3-function cycle all the way down, and
/// the three modules' headers, `.pdata`, unwind data and exports are in the dump (as in dbghelp
/// dumps that keep unwind records), so a walker can unwind every frame with the module's tables.
enum OverflowInput {
    /// Frames on the crashing thread's stack, the context's frame included.
    static let frameCount = 10_000
    static let threadId: UInt32 = 0x1F3C
    static let stackEnd: UInt64 = 0x0000_00E8_F6A0_0000
    static let stackReserve: UInt64 = 0x10_0000

    static let exe = SyntheticImage(
        name: "C:\\Tools\\overflow\\overflow.exe", base: 0x7FF6_2A4B_0000, size: 0x9000, timestamp: 0x6601_A2C0,
        functions: [])
    static let kernel32Base: UInt64 = 0x7FFD_F1A3_0000
    static let ntdllBase: UInt64 = 0x7FFD_F2A7_0000

    /// The three images with their functions; calls point at the next function down the stack.
    static func images() -> (exe: SyntheticImage, kernel32: SyntheticImage, ntdll: SyntheticImage) {
        let frame = SyntheticImage.Prolog.framePointer(locals: 0x50)
        let system = SyntheticImage.Prolog.stackOnly(locals: 0x28)
        var exe = Self.exe
        let a = exe.base + 0x1040
        let b = exe.base + 0x1080
        let c = exe.base + 0x10C0
        exe.functions = [
            .init(name: "main", rva: 0x1000, prolog: frame, callTarget: a),
            .init(name: "recurse_a", rva: 0x1040, prolog: frame, callTarget: b),
            .init(name: "recurse_b", rva: 0x1080, prolog: frame, callTarget: c),
            .init(name: "recurse_c", rva: 0x10C0, prolog: frame, callTarget: a),
        ]
        let kernel32 = SyntheticImage(
            name: "C:\\Windows\\System32\\KERNEL32.DLL", base: kernel32Base, size: 0xBD000, timestamp: 0x9A8E_03D7,
            functions: [.init(name: "BaseThreadInitThunk", rva: 0x1000, prolog: system, callTarget: nil)])
        let ntdll = SyntheticImage(
            name: "C:\\Windows\\SYSTEM32\\ntdll.dll", base: ntdllBase, size: 0x1F8000, timestamp: 0x3D6F_1E8C,
            functions: [.init(name: "RtlUserThreadStart", rva: 0x1000, prolog: system, callTarget: nil)])
        return (exe, kernel32, ntdll)
    }

    /// The function (by image and index) of each frame, outermost first.
    static func frames(_ exe: SyntheticImage, _ kernel32: SyntheticImage, _ ntdll: SyntheticImage)
        -> [(image: SyntheticImage, function: SyntheticImage.Function)]
    {
        var frames: [(SyntheticImage, SyntheticImage.Function)] = [
            (ntdll, ntdll.functions[0]), (kernel32, kernel32.functions[0]), (exe, exe.functions[0]),
        ]
        for index in 0..<(frameCount - 3) { frames.append((exe, exe.functions[1 + index % 3])) }
        return frames
    }

    static func scene() -> DumpScene {
        let (exe, kernel32, ntdll) = images()
        let frames = frames(exe, kernel32, ntdll)

        // Lay the frames out from the stack's top: each callee's return address (into its caller),
        // then for frame-pointer functions the caller's RBP, then the locals.
        var words: [UInt64: UInt64] = [:]
        var top = stackEnd - 0x30  // the thread's start-up area above RtlUserThreadStart
        var rbp: UInt64 = 0
        var caller: (image: SyntheticImage, function: SyntheticImage.Function)?
        var serial: UInt64 = 0
        for (image, function) in frames {
            let returnAddress = caller.map { $0.image.address(of: $0.function, offset: $0.function.code(base: $0.image.base).returnOffset) } ?? 0
            words[top - 8] = returnAddress
            switch function.prolog {
            case .framePointer(let locals):
                words[top - 16] = rbp
                rbp = top - 16
                top = rbp - UInt64(locals)
                // Locals: the argument spilled to [rsp+20h], a counter and a pointer into the frame.
                serial += 1
                words[top + 0x20] = serial
                words[top + 0x28] = top + 0x40
                words[top + 0x30] = 0x0000_01F4_5A20_0000 + (serial % 512) * 0x40
            case .stackOnly(let locals):
                top = top - 8 - UInt64(locals)
                words[top + 0x20] = 0
            }
            caller = (image, function)
        }
        let sp = top
        guard let last = frames.last else { return DumpScene(system: .windows10AMD64()) }
        let faultAddress = last.image.address(of: last.function, offset: last.function.code(base: last.image.base).faultOffset)

        var stack = [UInt8](repeating: 0, count: Int(stackEnd - sp))
        for (address, value) in words where address >= sp && address + 8 <= stackEnd {
            let at = Int(address - sp)
            for index in 0..<8 { stack[at + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
        }

        var scene = DumpScene(system: .windows10AMD64(processorCount: 2))
        scene.timestamp = 0x6601_A3F1
        scene.headerFlags = [.withDataSegs, .withUnloadedModules, .withProcessThreadData, .withThreadInfo]
        scene.modules = [
            module(exe, version: "1.0.0.0", pdb: "C:\\src\\overflow\\build\\overflow.pdb", type: ModuleListBuilder.VersionInfo.typeApplication),
            module(ntdll, version: "10.0.19041.3636", pdb: "ntdll.pdb"),
            module(kernel32, version: "10.0.19041.3636", pdb: "kernel32.pdb"),
            .init(name: "C:\\Windows\\System32\\KERNELBASE.dll", base: 0x7FFD_F01C_0000, size: 0x2F6000, timestamp: 0x2BE1_4F5D,
                  versionInfo: .init(fileVersion: "10.0.19041.3636")),
            .init(name: "C:\\Windows\\System32\\ucrtbase.dll", base: 0x7FFD_EFE0_0000, size: 0x100000, timestamp: 0x2D13_9E5A,
                  versionInfo: .init(fileVersion: "10.0.19041.3636")),
        ]
        var context = AMD64ContextBuilder([.rip: faultAddress, .rsp: sp, .rbp: rbp, .rcx: serial, .rax: sp + 0x20])
        context[.eflags] = 0x10202
        scene.threads = [
            .init(id: threadId, name: "main", context: .amd64(context), stackAddress: sp, stack: stack, teb: 0xE8_F6C5_D000),
        ]
        scene.writesThreadInfo = true
        scene.memory = [exe, ntdll, kernel32].map { DumpScene.MemoryRange(address: $0.base, bytes: $0.bytes) }
        scene.exception = .init(threadId: threadId, code: 0xC000_00FD, flags: 0, address: faultAddress,
                                parameters: [1, sp + 0x20])
        var misc = MiscInfoBuilder(version: .v5)
        misc.processId = 0x2A30
        misc.processTimes = .init(createTime: 0x6601_A3EF, userTime: 1, kernelTime: 0)
        misc.processIntegrityLevel = 0x2000
        scene.miscInfo = misc
        return scene
    }

    static func module(_ image: SyntheticImage, version: String, pdb: String,
                       type: UInt32 = ModuleListBuilder.VersionInfo.typeDLL) -> ModuleListBuilder.Module {
        .init(name: image.name, base: image.base, size: image.size, timestamp: image.timestamp,
              versionInfo: .init(fileVersion: version, fileType: type),
              codeView: .pdb70(guid: .init(data1: image.timestamp, data2: 0x2A4B, data3: 0x4C5D, data4: [0x8E, 0x6F, 0x70, 0x81, 0x92, 0x03, 0xA4, 0xB5]),
                               age: 1, pdbName: pdb))
    }
}
