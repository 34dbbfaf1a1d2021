/// One decoded operation of an x64 `UNWIND_INFO`, with the extra slots it uses folded in.
/// Mirrors `UNWIND_CODE` (`CodeOffset`, `UnwindOp`, `OpInfo`) and its operand slots.
public struct UnwindCode: Sendable, Hashable {
    /// The offset from the start of the prolog of the end of the instruction this code undoes
    /// (`CodeOffset`). For a version 2 ``UnwindOperation/epilog`` code, the epilog's size or offset.
    public var codeOffset: UInt8
    /// The operation.
    public var operation: UnwindOperation
    /// `OpInfo`: the register number (Windows order: 0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP,
    /// 6 RSI, 7 RDI, 8–15 R8–R15; XMM number for the XMM saves) or the operation's small operand.
    public var info: UInt8
    /// The operand in bytes: the allocation size (`ALLOC_*`), the offset from the frame base
    /// (`SAVE_*`), 8 when a machine frame carries an error code, otherwise the raw operand slot.
    public var operand: UInt32
    /// How many 16-bit slots of the code array the operation occupies (1 to 3).
    public var slotCount: Int

    /// Creates a code.
    public init(codeOffset: UInt8, operation: UnwindOperation, info: UInt8, operand: UInt32, slotCount: Int) {
        self.codeOffset = codeOffset
        self.operation = operation
        self.info = info
        self.operand = operand
        self.slotCount = slotCount
    }

    /// The number of slots an operation occupies, from its first slot; `nil` for an unknown code.
    static func slotCount(operation: UnwindOperation, info: UInt8) -> Int? {
        switch operation.rawValue {
        case 0, 2, 3, 10: 1
        case 1: info == 0 ? 2 : 3
        case 4, 8: 2
        case 5, 9: 3
        case 6: 2 // UWOP_EPILOG (v2) / UWOP_SAVE_XMM (v1)
        case 7: 3 // UWOP_SPARE_CODE (v2) / UWOP_SAVE_XMM_FAR (v1)
        default: nil
        }
    }

    /// Decodes the code starting at `slots[index]`; `nil` when it is unknown or its operand slots are
    /// missing.
    static func decode(slots: [UInt16], at index: Int, version: UInt8) -> UnwindCode? {
        guard index >= 0, index < slots.count else { return nil }
        let first = slots[index]
        let offset = UInt8(truncatingIfNeeded: first)
        let operation = UnwindOperation(rawValue: UInt8(truncatingIfNeeded: first >> 8) & 0x0F)
        let info = UInt8(truncatingIfNeeded: first >> 12)
        guard let count = slotCount(operation: operation, info: info),
              index + count <= slots.count else { return nil }
        let next = count > 1 ? UInt32(slots[index + 1]) : 0
        let far = count > 2 ? (UInt32(slots[index + 2]) << 16) | next : next
        var operand: UInt32
        switch operation.rawValue {
        case 1: operand = info == 0 ? next &* 8 : far
        case 2: operand = (UInt32(info) + 1) * 8
        case 4: operand = next &* 8
        case 5, 9: operand = far
        case 8: operand = next &* 16
        case 6 where version < 2: operand = next &* 16
        case 7 where version < 2: operand = far
        case 10: operand = info == 0 ? 0 : 8
        default: operand = count > 2 ? far : next
        }
        return UnwindCode(codeOffset: offset, operation: operation, info: info, operand: operand, slotCount: count)
    }
}
