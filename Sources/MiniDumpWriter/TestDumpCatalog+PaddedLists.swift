import MiniDump

/// The scene of `padded-lists.dmp`: thread, module and memory lists with the 4 bytes of padding
/// after their 32-bit count that some writers (older dbghelp on 64-bit, some Breakpad builds) emit.
enum PaddedListsProcess {
    static func scene() -> DumpScene {
        var scene = DumpScene(system: .windows10AMD64(processorCount: 2))
        scene.timestamp = 0x659E_4E80
        scene.modules = [
            .init(name: "C:\\Apps\\padded.exe", base: 0x1_4000_0000, size: 0x9000, timestamp: 0x5E00_0000,
                  versionInfo: .init(fileVersion: "4.3.2.1", fileType: ModuleListBuilder.VersionInfo.typeApplication),
                  codeView: .pdb70(guid: .init("0F0E0D0C-0B0A-0908-0706-050403020100"), age: 7, pdbName: "padded.pdb")),
            .init(name: "C:\\Windows\\System32\\ntdll.dll", base: 0x7FFE_5000_0000, size: 0x1F0000, timestamp: 0x3D6F_1E8C,
                  versionInfo: .init(fileVersion: "10.0.19041.1")),
            .init(name: "C:\\Windows\\System32\\KERNEL32.DLL", base: 0x7FFE_4000_0000, size: 0xB0000,
                  versionInfo: .init(fileVersion: "10.0.19041.1")),
        ]
        let first = StackImage(base: 0x8F_FFFF_FF00, size: 0x100, seed: 61, heap: 0x2_0000_0000)
        let second = StackImage(base: 0x90_0FFF_FF80, size: 0x80, seed: 67, heap: 0x2_0000_0000)
        scene.threads = [
            .init(id: 0xA0, context: .amd64(.init([.rip: 0x1_4000_1010, .rsp: first.base])), stackAddress: first.base,
                  stack: first.bytes),
            .init(id: 0xA4, context: .amd64(.init([.rip: 0x7FFE_5009_D3F4, .rsp: second.base])), stackAddress: second.base,
                  stack: second.bytes),
        ]
        scene.memory = [.init(address: 0x1_4000_1000, bytes: Array(repeating: 0xC3, count: 0x20))]
        scene.threadListKinds = [.padded]
        scene.paddedModuleList = true
        scene.memoryListKinds = [.padded]
        return scene
    }
}
