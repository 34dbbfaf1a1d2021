/// Applies x64 unwind data (`RUNTIME_FUNCTION` + `UNWIND_INFO`) to a register file, the way
/// `RtlVirtualUnwind` does: undoes the prolog operations that have executed, follows chained
/// entries, recognises an epilog from the code bytes at the instruction pointer, and pops the
/// return address (or the machine frame).
///
/// Every memory read is a probe; any missing byte makes the whole unwind fail (`nil`).
struct X64VirtualUnwinder {
    /// The most chained `UNWIND_INFO` records followed.
    static let maxChainDepth = 32
    /// The most `pop` instructions accepted in an epilog.
    static let maxEpilogPops = 16

    let memory: any MemoryReading
    /// Parsed records shared by the steps of one walk, or `nil` to parse every time.
    var infos: UnwindInfoCache? = nil
    /// The walked thread's stack segment, read directly when it holds the slot (most reads): through
    /// `any MemoryReading` each 8-byte load was an unspecialised generic call and a segment search,
    /// about 340 instructions (docs/performance.md).
    var stack: AddressSpace.Window? = nil

    /// The 8-byte value at `address` (a stack slot), or `nil` when it was not captured.
    func slot(at address: UInt64) -> UInt64? {
        if let value = stack?.pointer(at: address, size: 8) { return value }
        return memory.value(UInt64.self, at: address)
    }

    /// The caller's registers, or `nil` when the unwind data or the stack bytes it needs are missing.
    ///
    /// - Parameters:
    ///   - registers: the frame's registers (RIP and RSP must be known).
    ///   - imageBase: the module's load address; the entry's RVAs are relative to it.
    ///   - function: the `RUNTIME_FUNCTION` containing RIP.
    ///   - detectEpilog: look for an epilog at RIP (only meaningful for the frame that was executing).
    func unwind(
        _ registers: RegisterFile, imageBase: UInt64, function: RuntimeFunction, detectEpilog: Bool
    ) -> RegisterFile? {
        guard let rip = registers[X64Index.rip], registers[X64Index.rsp] != nil,
              let primary = unwindInfo(imageBase: imageBase, function: function)
        else { return nil }
        var context = registers
        let functionStart = imageBase &+ UInt64(function.beginRva)
        let offset = rip &- functionStart
        let inProlog = rip >= functionStart && offset < UInt64(primary.prologSize)

        if detectEpilog, !inProlog,
           let unwound = unwindEpilog(context, info: primary, imageBase: imageBase, function: function) {
            return unwound
        }

        // The establisher frame: the frame register minus its offset once the prolog has set it.
        var frameBase = context[X64Index.rsp] ?? 0
        if primary.frameRegister != 0 {
            var established = !inProlog || primary.flags.contains(.chainInfo)
            if !established, let set = primary.codes.first(where: { $0.operation == .setFramePointer }) {
                established = offset >= UInt64(set.codeOffset)
            }
            if established {
                guard let value = context[Int(primary.frameRegister)] else { return nil }
                frameBase = value &- UInt64(primary.frameOffset)
            }
        }

        var info = primary
        var entry = function
        var machineFrame = false
        for depth in 0...Self.maxChainDepth {
            let start = imageBase &+ UInt64(entry.beginRva)
            let prologOffset: UInt64? = (rip >= start && rip &- start < UInt64(info.prologSize)) ? rip &- start : nil
            for (position, code) in info.codes.enumerated() {
                if let prologOffset, prologOffset < UInt64(code.codeOffset) { continue } // not executed yet
                guard let rsp = context[X64Index.rsp] else { return nil }
                switch code.operation {
                case .pushNonvolatile:
                    guard let value = slot(at: rsp) else { return nil }
                    if Int(code.info) != X64Index.rsp { context[Int(code.info)] = value }
                    context[X64Index.rsp] = rsp &+ 8
                case .allocLarge, .allocSmall:
                    context[X64Index.rsp] = rsp &+ UInt64(code.operand)
                case .setFramePointer:
                    guard info.frameRegister != 0, let value = context[Int(info.frameRegister)] else { return nil }
                    context[X64Index.rsp] = value &- UInt64(info.frameOffset)
                case .saveNonvolatile, .saveNonvolatileFar:
                    guard let value = slot(at: frameBase &+ UInt64(code.operand)) else { return nil }
                    if Int(code.info) != X64Index.rsp { context[Int(code.info)] = value }
                case .pushMachineFrame:
                    // Only meaningful as the last code of a non-chained record.
                    guard position == info.codes.count - 1 else { continue }
                    let base = rsp &+ UInt64(code.operand)
                    guard let newRip = slot(at: base),
                          let newRsp = slot(at: base &+ 24) else { return nil }
                    context[X64Index.rip] = newRip
                    context[X64Index.rsp] = newRsp
                    machineFrame = true
                default:
                    break // XMM saves (registers not tracked), version 2 epilog descriptors, spare codes
                }
            }
            guard info.flags.contains(.chainInfo) else { break }
            guard depth < Self.maxChainDepth, let chained = info.chained,
                  let next = unwindInfo(imageBase: imageBase, function: chained)
            else { return nil }
            entry = chained
            info = next
        }

        if !machineFrame {
            guard let rsp = context[X64Index.rsp], let returnAddress = slot(at: rsp) else { return nil }
            context[X64Index.rip] = returnAddress
            context[X64Index.rsp] = rsp &+ 8
        }
        context.invalidate(X64Index.volatile)
        return context
    }

    /// The `UNWIND_INFO` of `function`, following an indirect entry (low bit of `UnwindData` set).
    func unwindInfo(imageBase: UInt64, function: RuntimeFunction) -> UnwindInfo? {
        var rva = function.unwindInfoRva
        if rva & 1 != 0 {
            guard let raw = memory.bytes(at: imageBase &+ UInt64(rva & ~1), count: RuntimeFunction.size) else { return nil }
            rva = RuntimeFunction(bytes: raw).unwindInfoRva
            guard rva & 1 == 0 else { return nil }
        }
        let address = imageBase &+ UInt64(rva)
        return infos?.info(at: address, memory: memory) ?? UnwindInfo(memory: memory, address: address)
    }

    /// The longest run of captured bytes at `address`, up to `limit`.
    func codeBytes(at address: UInt64, limit: Int) -> [UInt8] {
        var size = limit
        while size > 0 {
            if let bytes = memory.bytes(at: address, count: size) { return bytes }
            size = size > 8 ? size - 8 : size - 1
        }
        return []
    }

    /// When the code at RIP is an epilog (`add rsp`/`lea rsp`, pops, then `ret` or a tail jump out
    /// of the function), the registers after executing it; otherwise `nil`.
    func unwindEpilog(
        _ registers: RegisterFile, info: UnwindInfo, imageBase: UInt64, function: RuntimeFunction
    ) -> RegisterFile? {
        guard let rip = registers[X64Index.rip], var rsp = registers[X64Index.rsp] else { return nil }
        let code = codeBytes(at: rip, limit: 40)
        guard !code.isEmpty else { return nil }
        func byte(_ index: Int) -> UInt8? { index >= 0 && index < code.count ? code[index] : nil }
        func int32(_ index: Int) -> Int32? {
            guard let a = byte(index), let b = byte(index + 1), let c = byte(index + 2), let d = byte(index + 3) else { return nil }
            return Int32(bitPattern: UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24)
        }
        var context = registers
        var at = 0
        // 1. Optional stack release.
        if let rex = byte(0), rex & 0xF8 == 0x48, let op = byte(1), let modrm = byte(2) {
            if op == 0x83, modrm == 0xC4, let imm = byte(3) {
                rsp = rsp &+ UInt64(bitPattern: Int64(Int8(bitPattern: imm)))
                at = 4
            } else if op == 0x81, modrm == 0xC4, let imm = int32(3) {
                rsp = rsp &+ UInt64(bitPattern: Int64(imm))
                at = 7
            } else if op == 0x8D, rex & 0x04 == 0, (modrm >> 3) & 0x07 == 4 {
                let base = Int((rex & 0x01) << 3 | (modrm & 0x07))
                guard base != 0, base == Int(info.frameRegister), let value = context[base] else { return nil }
                if modrm & 0xC0 == 0x40, let disp = byte(3) {
                    rsp = value &+ UInt64(bitPattern: Int64(Int8(bitPattern: disp)))
                    at = 4
                } else if modrm & 0xC0 == 0x80, let disp = int32(3) {
                    rsp = value &+ UInt64(bitPattern: Int64(disp))
                    at = 7
                } else {
                    return nil
                }
            }
        }
        // 2. Pops of non-volatile registers.
        var pops = [Int]()
        while pops.count < Self.maxEpilogPops {
            if let op = byte(at), op & 0xF8 == 0x58 {
                pops.append(Int(op & 0x07))
                at += 1
            } else if let rex = byte(at), rex & 0xF0 == 0x40, let op = byte(at + 1), op & 0xF8 == 0x58 {
                pops.append(Int((rex & 0x01) << 3 | (op & 0x07)))
                at += 2
            } else {
                break
            }
        }
        // 3. The terminator.
        guard let op = byte(at) else { return nil }
        var terminates = false
        switch op {
        case 0xC3, 0xC2:
            terminates = true
        case 0xF3:
            terminates = byte(at + 1) == 0xC3
        case 0xE9:
            if let disp = int32(at + 1) {
                let next = rip &+ UInt64(at + 5)
                let target = next &+ UInt64(bitPattern: Int64(disp))
                let start = imageBase &+ UInt64(function.beginRva)
                let end = imageBase &+ UInt64(function.endRva)
                terminates = target < start || target >= end
            }
        case 0xFF:
            terminates = byte(at + 1) == 0x25
        default:
            if op & 0xF8 == 0x48, byte(at + 1) == 0xFF, let modrm = byte(at + 2) {
                terminates = (modrm >> 3) & 0x07 == 4
            }
        }
        guard terminates else { return nil }
        for register in pops {
            guard let value = slot(at: rsp) else { return nil }
            if register != X64Index.rsp { context[register] = value }
            rsp = rsp &+ 8
        }
        guard let returnAddress = slot(at: rsp) else { return nil }
        context[X64Index.rip] = returnAddress
        context[X64Index.rsp] = rsp &+ 8
        context.invalidate(X64Index.volatile)
        return context
    }
}

/// `UNWIND_INFO` records already parsed during one walk, by address: a deep recursion unwinds the
/// same few functions thousands of times, and parsing a record allocates its code arrays
/// (docs/performance.md). Used by one walk at a time.
final class UnwindInfoCache {
    /// The most records kept (a walk over hostile data cannot grow it without bound).
    static let capacity = 4096
    private var infos: [UInt64: UnwindInfo] = [:]

    /// The record at `address`, parsed on first use; `nil` when it cannot be read.
    func info(at address: UInt64, memory: any MemoryReading) -> UnwindInfo? {
        if let known = infos[address] { return known }
        guard let parsed = UnwindInfo(memory: memory, address: address) else { return nil }
        if infos.count < Self.capacity { infos[address] = parsed }
        return parsed
    }
}
