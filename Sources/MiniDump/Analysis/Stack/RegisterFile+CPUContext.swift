/// How to start a walk from a decoded CPU context: the engine's instruction set, frame 0's
/// registers, and (ARM) the link register as a return address not yet consumed.
struct WalkStart: Sendable {
    var architecture: WalkArchitecture
    var registers: RegisterFile
    var pendingReturn: UInt64?

    /// The x64 register-file number of each AMD64 register the walker tracks.
    static let amd64Numbers: [(AMD64Register, Int)] = [
        (.rax, X64Index.rax), (.rcx, X64Index.rcx), (.rdx, X64Index.rdx), (.rbx, X64Index.rbx),
        (.rsp, X64Index.rsp), (.rbp, X64Index.rbp), (.rsi, X64Index.rsi), (.rdi, X64Index.rdi),
        (.r8, X64Index.r8), (.r9, X64Index.r9), (.r10, X64Index.r10), (.r11, X64Index.r11),
        (.r12, X64Index.r12), (.r13, X64Index.r13), (.r14, X64Index.r14), (.r15, X64Index.r15),
        (.rip, X64Index.rip),
    ]

    /// The x86 register-file number of each x86 register the walker tracks.
    static let x86Numbers: [(X86Register, Int)] = [
        (.eax, X86Index.eax), (.ecx, X86Index.ecx), (.edx, X86Index.edx), (.ebx, X86Index.ebx),
        (.esp, X86Index.esp), (.ebp, X86Index.ebp), (.esi, X86Index.esi), (.edi, X86Index.edi),
        (.eip, X86Index.eip),
    ]

    /// The set-up for `context`; on 32-bit ARM, Apple platforms keep frame records in r7 and others
    /// in r11.
    init(context: CPUContext, platform: PlatformId?) {
        switch context {
        case .amd64(let registers):
            var file = RegisterFile(count: X64Index.count)
            for (register, number) in Self.amd64Numbers { file[number] = registers[register] }
            self.init(architecture: .x64, registers: file, pendingReturn: nil)
        case .x86(let registers):
            var file = RegisterFile(count: X86Index.count)
            for (register, number) in Self.x86Numbers { file[number] = registers[register] }
            self.init(architecture: .x86, registers: file, pendingReturn: nil)
        case .arm64(let registers):
            var file = RegisterFile(count: ARM64Index.count)
            for number in 0..<ARM64Index.count {
                if let register = ARM64Register(rawValue: number) { file[number] = registers[register] }
            }
            self.init(architecture: .arm64, registers: file, pendingReturn: registers[.lr])
        case .arm(let registers):
            var file = RegisterFile(count: ARMIndex.count)
            for number in 0..<ARMIndex.count {
                if let register = ARMRegister(rawValue: number) { file[number] = registers[register] }
            }
            let apple = platform == .macOS || platform == .iOS
            self.init(architecture: .arm(framePointer: apple ? ARMIndex.r7 : ARMIndex.r11), registers: file,
                      pendingReturn: registers[.lr])
        }
    }

    init(architecture: WalkArchitecture, registers: RegisterFile, pendingReturn: UInt64?) {
        self.architecture = architecture
        self.registers = registers
        self.pendingReturn = pendingReturn
    }
}
