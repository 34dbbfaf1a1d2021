extension WalkEngine {
    /// ARM64 and ARM: the frame-record chain (`[fp]` = caller's fp, `[fp + size]` = return address)
    /// with the link register as frame 0's return address, then stack scanning.
    ///
    /// Frame 0's link register holds its return address when it is a leaf (whose frame pointer is
    /// still the caller's), or a stale address inside itself when it has called since; the walk
    /// reports it first and then the frame records, as Breakpad does, dropping it when it equals
    /// the first record's return address.
    func stepARM(_ frame: WalkFrame, isContext: Bool, state: inout WalkState) -> WalkFrame? {
        let arch = architecture
        let size = UInt64(arch.pointerSize)
        let registers = frame.registers
        guard let sp = registers[arch.spIndex] else { return nil }
        var pending = frame.pendingReturn.map(codeAddress)
        if let candidate = pending, !isReturnAddress(candidate, state: &state) { pending = nil }

        if let fp = registers[arch.fpIndex], fp >= sp, fp % size == 0, state.stackEnd >= 2 * size,
           fp <= state.stackEnd &- 2 * size,
           let savedFP = word(at: fp, state: &state), let savedReturn = word(at: fp &+ size, state: &state) {
            let recordReturn = codeAddress(savedReturn)
            var caller = RegisterFile(count: arch.registerCount)
            caller[arch.spIndex] = fp &+ 2 * size
            if savedFP > fp, savedFP < state.stackEnd { caller[arch.fpIndex] = savedFP }
            if let pending {
                caller[arch.ipIndex] = pending
                let next: UInt64? = (isContext && pending == recordReturn) ? nil : recordReturn
                return WalkFrame(registers: caller, trust: .framePointer, pendingReturn: next)
            }
            if isReturnAddress(recordReturn, state: &state) {
                caller[arch.ipIndex] = recordReturn
                return WalkFrame(registers: caller, trust: .framePointer)
            }
        }
        // No frame record left (a leaf, or the outermost record): the pending return address is the
        // caller, at the same stack pointer.
        if let pending {
            var caller = RegisterFile(count: arch.registerCount)
            caller[arch.ipIndex] = pending
            caller[arch.spIndex] = sp
            caller[arch.fpIndex] = registers[arch.fpIndex]
            return WalkFrame(registers: caller, trust: .framePointer, allowsSameStackPointer: true)
        }
        guard let hit = scan(from: sp, to: scanLimit(from: sp, state: state), state: &state) else { return nil }
        var caller = RegisterFile(count: arch.registerCount)
        caller[arch.ipIndex] = hit.value
        caller[arch.spIndex] = hit.slot &+ size
        // A frame record just below the return address gives the caller's frame pointer.
        if let saved = word(at: hit.slot &- size, state: &state), saved > hit.slot, saved < state.stackEnd, saved % size == 0 {
            caller[arch.fpIndex] = saved
        } else if let fp = registers[arch.fpIndex], fp >= hit.slot &+ size, fp < state.stackEnd {
            caller[arch.fpIndex] = fp
        }
        return WalkFrame(registers: caller, trust: .scan)
    }
}
