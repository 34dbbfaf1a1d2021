/// The operation of one x64 unwind code; an open set. Mirrors `UNWIND_OP_CODES` (`UWOP_*`).
///
/// Code 6 means `UWOP_SAVE_XMM` in version 1 unwind data and `UWOP_EPILOG` in version 2; code 7
/// means `UWOP_SAVE_XMM_FAR` in version 1 and is spare in version 2.
public struct UnwindOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `UWOP_PUSH_NONVOL` (0): `push reg`.
    public static let pushNonvolatile = UnwindOperation(rawValue: 0)
    /// `UWOP_ALLOC_LARGE` (1): `sub rsp, n` with a 16- or 32-bit size in the next slot(s).
    public static let allocLarge = UnwindOperation(rawValue: 1)
    /// `UWOP_ALLOC_SMALL` (2): `sub rsp, 8 × (info + 1)`.
    public static let allocSmall = UnwindOperation(rawValue: 2)
    /// `UWOP_SET_FPREG` (3): `lea fpreg, [rsp + 16 × offset]`.
    public static let setFramePointer = UnwindOperation(rawValue: 3)
    /// `UWOP_SAVE_NONVOL` (4): `mov [rsp + 8 × n], reg`.
    public static let saveNonvolatile = UnwindOperation(rawValue: 4)
    /// `UWOP_SAVE_NONVOL_FAR` (5): `mov [rsp + n], reg` with a 32-bit offset.
    public static let saveNonvolatileFar = UnwindOperation(rawValue: 5)
    /// `UWOP_EPILOG` (6, version 2): describes an epilog; nothing to undo.
    /// (`UWOP_SAVE_XMM` in version 1.)
    public static let epilog = UnwindOperation(rawValue: 6)
    /// `UWOP_SPARE_CODE` (7, version 2). (`UWOP_SAVE_XMM_FAR` in version 1.)
    public static let spare = UnwindOperation(rawValue: 7)
    /// `UWOP_SAVE_XMM128` (8): `movaps [rsp + 16 × n], xmm`.
    public static let saveXMM128 = UnwindOperation(rawValue: 8)
    /// `UWOP_SAVE_XMM128_FAR` (9): `movaps [rsp + n], xmm` with a 32-bit offset.
    public static let saveXMM128Far = UnwindOperation(rawValue: 9)
    /// `UWOP_PUSH_MACHFRAME` (10): the processor pushed a machine frame (interrupt or exception).
    public static let pushMachineFrame = UnwindOperation(rawValue: 10)

    /// The `UWOP_*` name, or the number for codes above 10.
    public var description: String {
        switch rawValue {
        case 0: "UWOP_PUSH_NONVOL"
        case 1: "UWOP_ALLOC_LARGE"
        case 2: "UWOP_ALLOC_SMALL"
        case 3: "UWOP_SET_FPREG"
        case 4: "UWOP_SAVE_NONVOL"
        case 5: "UWOP_SAVE_NONVOL_FAR"
        case 6: "UWOP_EPILOG"
        case 7: "UWOP_SPARE_CODE"
        case 8: "UWOP_SAVE_XMM128"
        case 9: "UWOP_SAVE_XMM128_FAR"
        case 10: "UWOP_PUSH_MACHFRAME"
        default: "UWOP_\(rawValue)"
        }
    }
}
