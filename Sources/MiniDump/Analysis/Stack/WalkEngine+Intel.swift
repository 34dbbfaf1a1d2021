extension WalkEngine {
    /// x64: the module's own unwind data, then the RBP chain, then stack scanning.
    func stepX64(_ frame: WalkFrame, isContext: Bool, state: inout WalkState) -> WalkFrame? {
        if let unwound = unwindWithTable(frame.registers, isContext: isContext, state: &state) {
            return WalkFrame(registers: unwound, trust: .cfi)
        }
        return framePointerOrScan(frame, state: &state)
    }

    /// x86: the EBP chain, then stack scanning.
    func stepX86(_ frame: WalkFrame, state: inout WalkState) -> WalkFrame? {
        framePointerOrScan(frame, state: &state)
    }

    /// Unwinds with the `.pdata`/`.xdata` of the module containing RIP; `nil` when the module has
    /// no readable exception directory, RIP has no entry (outside frame 0), or bytes are missing.
    func unwindWithTable(_ registers: RegisterFile, isContext: Bool, state: inout WalkState) -> RegisterFile? {
        guard let rip = registers[X64Index.rip], let rsp = registers[X64Index.rsp] else { return nil }
        // A return address may sit just past its function's end (a call to a no-return function).
        let probe = isContext ? rip : rip &- 1
        let found: (UInt64, RuntimeFunction)?
        if let cached = state.functionEntries[probe] {
            found = cached
        } else {
            found = functionEntry(containing: probe)
            if state.functionEntries.count < 1 << 16 { state.functionEntries[probe] = .some(found) }
        }
        guard state.spend(4) else { return nil }
        if let (base, function) = found {
            let unwinder = X64VirtualUnwinder(memory: memory, infos: state.unwindInfos, stack: state.stack)
            guard let caller = unwinder.unwind(registers, imageBase: base, function: function, detectEpilog: isContext),
                  let newRip = caller[X64Index.rip], let newRsp = caller[X64Index.rsp], newRsp > rsp
            else { return nil }
            if newRip != 0, modules.module(containing: newRip) == nil, !isContext {
                // Unwinding from a caller frame into unknown memory: trust it only when it is
                // a plausible return address by the scanner's rules.
                guard isReturnAddress(newRip, state: &state) else { return nil }
            }
            return caller
        }
        // No entry in a readable table: on x64 Windows that is a leaf function, which keeps its
        // return address at [RSP]. Only frame 0 can be a leaf.
        guard isContext, let module = modules.module(containing: rip),
              images.image(at: module.base).hasUnwindTable,
              let returnAddress = memory.value(UInt64.self, at: rsp),
              isReturnAddress(returnAddress, state: &state)
        else { return nil }
        var caller = registers
        caller[X64Index.rip] = returnAddress
        caller[X64Index.rsp] = rsp &+ 8
        caller.invalidate(X64Index.volatile)
        return caller
    }

    /// The image base and `RUNTIME_FUNCTION` covering `address`, when its module has a readable
    /// x64 exception directory.
    func functionEntry(containing address: UInt64) -> (UInt64, RuntimeFunction)? {
        guard let module = modules.module(containing: address) else { return nil }
        let entry = images.image(at: module.base)
        guard entry.hasUnwindTable, let image = entry.image, let rva = image.rva(of: address),
              let function = image.runtimeFunction(containingRva: rva)
        else { return nil }
        return (module.base, function)
    }

    /// The frame-pointer step with gap scanning, falling back to a plain scan.
    ///
    /// When the frame pointer is plausible (inside the stack, at or above the stack pointer, the
    /// word above it a return address), the caller is normally `[fp + size]`. Functions that do
    /// not set up a frame pointer leave the caller's value in the register, which would skip their
    /// own caller; so a plausible return address found between the stack pointer and the saved
    /// frame pointer is taken first (as a scanned frame, keeping the frame pointer), unless
    /// ``scansFramePointerGaps`` is off.
    ///
    /// In a frame reached through the chain, a gap that holds no return address shows that the
    /// frame's function keeps a frame pointer (one that does not would have its own return
    /// address there), and a function either always does or never does. So once such a gap was
    /// scanned whole without a find, later chain frames at the same instruction pointer (a return
    /// address: the same function) follow the chain without scanning: in a deep recursion only
    /// the first frame of each call site is read, not the whole stack (docs/performance.md).
    /// Frames found by scanning prove nothing (their stack pointer is only where the word was).
    func framePointerOrScan(_ frame: WalkFrame, state: inout WalkState) -> WalkFrame? {
        let registers = frame.registers
        let arch = architecture
        let size = UInt64(arch.pointerSize)
        guard let sp = registers[arch.spIndex] else { return nil }
        if let fp = registers[arch.fpIndex], fp >= sp, fp % size == 0,
           fp <= state.stackEnd &- 2 * size, state.stackEnd >= 2 * size,
           let returnAddress = word(at: fp &+ size, state: &state),
           isReturnAddress(returnAddress, state: &state) {
            let ip = frame.trust == .framePointer ? registers[arch.ipIndex] : nil
            if scansFramePointerGaps, !state.keepsFramePointer(ip) {
                var readWhole = false
                if let hit = scan(from: sp, to: fp &+ size, readWhole: &readWhole, state: &state) {
                    return scannedFrame(slot: hit.slot, value: hit.value, framePointer: fp, state: &state)
                }
                // Only a gap read whole proves anything.
                if let ip, readWhole { state.rememberFramePointer(ip) }
            }
            let saved = word(at: fp, state: &state)
            var caller = RegisterFile(count: arch.registerCount)
            caller[arch.ipIndex] = returnAddress
            caller[arch.spIndex] = fp &+ 2 * size
            if let saved, saved > fp, saved < state.stackEnd { caller[arch.fpIndex] = saved }
            return WalkFrame(registers: caller, trust: .framePointer)
        }
        guard let hit = scan(from: sp, to: scanLimit(from: sp, state: state), state: &state) else { return nil }
        let recovered = recoverFramePointer(current: registers[arch.fpIndex], slot: hit.slot, state: &state)
        return scannedFrame(slot: hit.slot, value: hit.value, framePointer: recovered, state: &state)
    }

    /// A caller found by scanning: its instruction pointer is the word at `slot`.
    func scannedFrame(slot: UInt64, value: UInt64, framePointer: UInt64?, state: inout WalkState) -> WalkFrame {
        let arch = architecture
        var caller = RegisterFile(count: arch.registerCount)
        caller[arch.ipIndex] = value
        caller[arch.spIndex] = slot &+ UInt64(arch.pointerSize)
        caller[arch.fpIndex] = framePointer
        return WalkFrame(registers: caller, trust: .scan)
    }
}
