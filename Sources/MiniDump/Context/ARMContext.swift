/// The integer registers of a 32-bit ARM thread, decoded from Breakpad's `MDRawContextARM` (what
/// Breakpad and Crashpad write on Linux and Android) or from the Windows `CONTEXT` for ARM.
///
/// Each register is either valid or `nil`: a decoded context marks valid what its `ContextFlags`
/// say was captured, and an unwinder builds caller contexts by ``set(_:_:)``-ing only the
/// registers it recovered. The VFP/NEON and debug registers are not decoded.
public struct ARMContext: Sendable, Hashable {
    /// Which on-disk record a context was decoded from.
    public enum Layout: Sendable, Hashable {
        /// Breakpad's `MDRawContextARM` (368 bytes).
        case breakpad
        /// The Windows `CONTEXT` for ARM (0x1A0 bytes).
        case windows
    }

    /// `ContextFlags` values for ARM (Breakpad `MD_CONTEXT_ARM`, winnt.h `CONTEXT_ARM`).
    public enum Flags {
        /// The architecture tag of Breakpad's layout, `MD_CONTEXT_ARM`.
        public static let breakpad: UInt32 = 0x4000_0000
        /// `MD_CONTEXT_ARM_INTEGER`: `r0`–`r15` and `cpsr` (Breakpad defines no CONTROL group).
        public static let breakpadInteger: UInt32 = 0x4000_0002
        /// `MD_CONTEXT_ARM_FLOATING_POINT` (not decoded here).
        public static let breakpadFloatingPoint: UInt32 = 0x4000_0004
        /// The architecture tag of the Windows layout, `CONTEXT_ARM`.
        public static let windows: UInt32 = 0x0020_0000
        /// `CONTEXT_CONTROL`: `sp`, `lr`, `pc`, `cpsr`.
        public static let windowsControl: UInt32 = 0x0020_0001
        /// `CONTEXT_INTEGER`: `r0`–`r12`.
        public static let windowsInteger: UInt32 = 0x0020_0002
    }

    /// The size of Breakpad's `MDRawContextARM` record.
    public static let breakpadLayoutSize = 368
    /// The size of the Windows `CONTEXT` record for ARM (0x1A0).
    public static let windowsLayoutSize = 0x1A0

    /// The record's `ContextFlags` as written; for a built context, as given to ``init(contextFlags:layout:)``.
    public let contextFlags: UInt32
    /// The record the context came from.
    public let layout: Layout
    /// Bytes the record holds after its fixed layout, 0 when none.
    public var extendedStateSize: Int

    private var storage = RegisterStorage(count: ARMRegister.allCases.count)

    /// An empty context in which no register is valid, for unwinders to fill with ``set(_:_:)``.
    public init(contextFlags: UInt32 = Flags.breakpad, layout: Layout = .breakpad) {
        self.contextFlags = contextFlags
        self.layout = layout
        self.extendedStateSize = 0
    }

    /// The register's value, or `nil` when the context does not hold it (the flags say it was not
    /// captured, or an unwinder could not recover it). Setting `nil` marks the register invalid.
    public subscript(register: ARMRegister) -> UInt64? {
        get { storage.value(at: register.rawValue) }
        set { set(register, newValue) }
    }

    /// Stores `value` truncated to 32 bits and marks the register valid, or marks it invalid when
    /// `value` is `nil`.
    public mutating func set(_ register: ARMRegister, _ value: UInt64?) {
        storage.set(register.rawValue, value, bitWidth: register.bitWidth)
    }

    /// True when the context holds a value for `register`.
    public func isValid(_ register: ARMRegister) -> Bool { storage.isValid(register.rawValue) }

    /// The registers the context holds, in ``ARMRegister`` order (empty when none).
    public var validRegisters: [ARMRegister] { ARMRegister.allCases.filter(isValid) }

    /// The registers `ContextFlags` marks as captured. In Breakpad's layout INTEGER covers every
    /// register. A flags word with no register-group bit at all (Breakpad's retired 0x40 tag does
    /// not count as one) is read as "everything captured" (see ``AMD64Context``).
    static func validMask(flags: UInt32, layout: Layout) -> UInt64 {
        let all = registerMask(ARMRegister.allCases)
        if flags & contextGroupBits & ~0x40 == 0 { return all }
        let control = registerMask([ARMRegister.sp, .lr, .pc, .cpsr])
        var mask: UInt64 = 0
        if flags & 0x1 != 0 { mask |= control }
        if flags & 0x2 != 0 { mask |= layout == .breakpad ? all : all & ~control }
        return mask
    }

    /// Decodes the record in `range` (a checked range of the file) with the given layout.
    ///
    /// Throws ``MiniDumpError/Kind/truncated`` when the range is shorter than the layout.
    init(reader: ByteReader, range: Range<Int>, layout: Layout, stream: StreamType?) throws(MiniDumpError) {
        let size = layout == .windows ? Self.windowsLayoutSize : Self.breakpadLayoutSize
        let name = layout == .windows ? "ARM CONTEXT" : "Breakpad MDRawContextARM"
        let record = try ContextRecord(reader: reader, range: range, layoutSize: size, layoutName: name, stream: stream)
        self.layout = layout
        self.extendedStateSize = record.trailingBytes(after: size)
        self.contextFlags = record.load(UInt32.self, 0)
        // Both layouts hold r0-r12, sp, lr, pc at 4 and cpsr at 0x44.
        for number in 0...15 {
            if let register = ARMRegister.r(number) { storage.store(register.rawValue, record.u32(4 + 4 * number)) }
        }
        storage.store(ARMRegister.cpsr.rawValue, record.u32(0x44))
        storage.setValidity(Self.validMask(flags: contextFlags, layout: layout))
    }
}
