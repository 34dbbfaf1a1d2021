extension MiniDumpFile {
    /// The file names of the modules that only a WOW64 (32-bit on 64-bit Windows) process loads.
    static let wow64Modules: Set<String> = ["wow64.dll", "wow64cpu.dll", "wow64win.dll"]

    /// True when this is a 64-bit (x64) dump of a 32-bit process running under WOW64: its module list
    /// holds `wow64.dll`, `wow64cpu.dll` or `wow64win.dll`. False when the modules are not in the dump.
    public func isWOW64Process() -> Bool {
        guard let info = try? systemInfo(), info.architecture.canonical == .amd64,
              let modules = try? moduleMap().modules else { return false }
        return modules.contains { Self.wow64Modules.contains($0.name.lowercased()) }
    }

    /// The 32-bit x86 registers WOW64 saved for thread `threadId` when it last left 32-bit code,
    /// read from the thread's 64-bit TEB (`TlsSlots[1]` at TEB+0x1488 points at the saved
    /// `WOW64_CONTEXT`, after a 4-byte header on Windows 10 and later).
    ///
    /// Returns `nil` when the dump is not of a WOW64 process, or the TEB or the saved context is not
    /// in the dump (small dumps usually hold neither).
    public func wow64Context(threadId: UInt32) -> X86Context? {
        guard isWOW64Process(),
              let thread = dumpThreads().first(where: { $0.threadId == threadId }), thread.teb != 0
        else { return nil }
        let memory = addressSpace()
        guard let saved = memory.value(UInt64.self, at: thread.teb &+ 0x1488), saved != 0 else { return nil }
        let windows10 = ((try? systemInfo())?.majorVersion ?? 0) >= 10
        for header in windows10 ? [4, 0] : [0, 4] as [UInt64] {
            if let context = Self.x86Context(memory: memory, address: saved &+ header) { return context }
        }
        return nil
    }

    /// The 32-bit call stack of a WOW64 thread, walked from ``wow64Context(threadId:)`` within the
    /// stack the thread's 32-bit TEB (64-bit TEB + 0x2000) describes.
    ///
    /// Returns `nil` when the saved context is not available.
    public func wow64CallStack(threadId: UInt32, limits: StackWalkLimits = .default) -> CallStack? {
        guard let context = wow64Context(threadId: threadId),
              let thread = dumpThreads().first(where: { $0.threadId == threadId }) else { return nil }
        let memory = addressSpace()
        var stack: MemoryDescriptor?
        if let base = memory.value(UInt32.self, at: thread.teb &+ 0x2000 &+ 4),
           let limit = memory.value(UInt32.self, at: thread.teb &+ 0x2000 &+ 8), base > limit {
            stack = MemoryDescriptor(address: UInt64(limit), size: UInt64(base - limit), rva: 0)
        }
        return stackWalker(limits: limits).walk(
            context: .x86(context), threadId: threadId, stack: stack,
            notes: ["32-bit WOW64 stack, from the context saved in the thread's TEB"])
    }

    /// Decodes an x86 `CONTEXT` (`WOW64_CONTEXT`) from process memory; `nil` when it is not captured
    /// or its `ContextFlags` is not an x86 one.
    static func x86Context(memory: AddressSpace, address: UInt64) -> X86Context? {
        guard let raw = memory.bytes(at: address, count: 0xCC) else { return nil }
        let bytes = LittleEndianBytes(raw)
        let flags = bytes.u32(0)
        guard flags & X86Context.Flags.x86 != 0, flags & ~(X86Context.Flags.x86 | 0x7F) == 0 else { return nil }
        var context = X86Context(contextFlags: flags)
        let offsets: [(X86Register, Int)] = [
            (.gs, 0x8C), (.fs, 0x90), (.es, 0x94), (.ds, 0x98), (.edi, 0x9C), (.esi, 0xA0), (.ebx, 0xA4),
            (.edx, 0xA8), (.ecx, 0xAC), (.eax, 0xB0), (.ebp, 0xB4), (.eip, 0xB8), (.cs, 0xBC),
            (.eflags, 0xC0), (.esp, 0xC4), (.ss, 0xC8),
        ]
        for (register, offset) in offsets { context.set(register, UInt64(bytes.u32(offset))) }
        guard context[.esp] != 0 else { return nil }
        return context
    }
}
