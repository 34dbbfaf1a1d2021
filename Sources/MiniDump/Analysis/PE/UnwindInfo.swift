/// The unwind data of one x64 function (`.xdata`): how its prolog changed the stack and the
/// non-volatile registers. Mirrors `UNWIND_INFO`.
///
/// Read as a probe from the process memory: ``init(memory:address:)`` returns `nil` when the fixed
/// header or the codes are missing or the version is not 1 or 2. The optional tail (handler RVA or
/// chained `RUNTIME_FUNCTION`) is `nil` when those bytes were not captured; Wine's small dumps keep
/// only the header and the codes.
public struct UnwindInfo: Sendable, Hashable {
    /// The virtual address the record was read from.
    public var address: UInt64
    /// The format version (1, or 2 with epilog codes).
    public var version: UInt8
    /// `UNW_FLAG_*` bits.
    public var flags: UnwindFlags
    /// `SizeOfProlog`: the length of the prolog in bytes.
    public var prologSize: UInt8
    /// `CountOfCodes`: the number of 16-bit code slots.
    public var slotCount: UInt8
    /// `FrameRegister`: the register number used as frame pointer (Windows order, 5 = RBP), or 0
    /// when the function has none.
    public var frameRegister: UInt8
    /// `FrameOffset` scaled: the frame pointer is `RSP + frameOffset` after `UWOP_SET_FPREG`.
    public var frameOffset: UInt32
    /// The decoded codes, in the order they are stored (the reverse of the prolog's order).
    /// Decoding stops at the first unknown operation.
    public var codes: [UnwindCode]
    /// The RVA of the language-specific handler (`EHANDLER`/`UHANDLER`), when captured.
    public var handlerRva: UInt32?
    /// The primary function's entry that this one continues (`CHAININFO`), when captured.
    public var chained: RuntimeFunction?

    /// Reads the record at `address`; `nil` when its header or codes are not in `memory` or the
    /// version is unknown.
    public init?(memory: some MemoryReading, address: UInt64) {
        guard let header = memory.value(UInt32.self, at: address) else { return nil }
        let first = UInt8(truncatingIfNeeded: header)
        version = first & 0x07
        guard version == 1 || version == 2 else { return nil }
        flags = UnwindFlags(rawValue: first >> 3)
        prologSize = UInt8(truncatingIfNeeded: header >> 8)
        slotCount = UInt8(truncatingIfNeeded: header >> 16)
        let frame = UInt8(truncatingIfNeeded: header >> 24)
        frameRegister = frame & 0x0F
        frameOffset = UInt32(frame >> 4) * 16
        self.address = address
        let count = Int(slotCount)
        var slots = [UInt16]()
        if count > 0 {
            guard let raw = memory.bytes(at: address &+ 4, count: count * 2) else { return nil }
            slots.reserveCapacity(count)
            for index in 0..<count {
                slots.append(UInt16(raw[2 * index]) | UInt16(raw[2 * index + 1]) << 8)
            }
        }
        var decoded = [UnwindCode]()
        var index = 0
        while index < count {
            guard let code = UnwindCode.decode(slots: slots, at: index, version: version) else { break }
            decoded.append(code)
            index += code.slotCount
        }
        codes = decoded
        let tail = address &+ 4 &+ UInt64((count + 1) & ~1) &* 2
        handlerRva = nil
        chained = nil
        if flags.contains(.chainInfo) {
            if let raw = memory.bytes(at: tail, count: RuntimeFunction.size) {
                chained = RuntimeFunction(bytes: raw)
            }
        } else if !flags.intersection([.exceptionHandler, .terminationHandler]).isEmpty {
            handlerRva = memory.value(UInt32.self, at: tail)
        }
    }

    /// The total size of the header and code slots in bytes.
    public var size: Int { 4 + ((Int(slotCount) + 1) & ~1) * 2 }
}

extension RuntimeFunction {
    /// Decodes 12 little-endian bytes.
    init(bytes raw: [UInt8]) {
        func word(_ at: Int) -> UInt32 {
            guard at + 4 <= raw.count else { return 0 }
            return UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
        }
        self.init(beginRva: word(0), endRva: word(4), unwindInfoRva: word(8))
    }
}
