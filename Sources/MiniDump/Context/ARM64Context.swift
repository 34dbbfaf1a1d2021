/// The integer registers of an AArch64 thread, decoded from the Windows `CONTEXT` for ARM64 (the
/// layout of Breakpad's current `MDRawContextARM64` too) or from Breakpad's older
/// `MDRawContextARM64_Old`, which Breakpad and Crashpad still write on Linux, Android and macOS.
///
/// Each register is either valid or `nil`: a decoded context marks valid what its `ContextFlags`
/// say was captured, and an unwinder builds caller contexts by ``set(_:_:)``-ing only the
/// registers it recovered. The NEON and debug registers are not decoded.
public struct ARM64Context: Sendable, Hashable {
    /// Which on-disk record a context was decoded from.
    public enum Layout: Sendable, Hashable {
        /// The Windows `CONTEXT` (0x390 bytes), also Breakpad's `MDRawContextARM64`.
        case windows
        /// Breakpad's `MDRawContextARM64_Old` (796 bytes, 64-bit flags, `cpsr` after `pc`).
        case breakpadOld
    }

    /// `ContextFlags` values for ARM64 (winnt.h `CONTEXT_ARM64`, Breakpad `MD_CONTEXT_ARM64_OLD`).
    public enum Flags {
        /// The architecture tag of the Windows layout, `CONTEXT_ARM64`.
        public static let arm64: UInt32 = 0x0040_0000
        /// `CONTEXT_ARM64_CONTROL`: `fp`, `lr`, `sp`, `pc`, `cpsr`.
        public static let control: UInt32 = 0x0040_0001
        /// `CONTEXT_ARM64_INTEGER`: `x0`–`x28`.
        public static let integer: UInt32 = 0x0040_0002
        /// `CONTEXT_ARM64_FLOATING_POINT` (not decoded here).
        public static let floatingPoint: UInt32 = 0x0040_0004
        /// `CONTEXT_ARM64_DEBUG` (not decoded here).
        public static let debugRegisters: UInt32 = 0x0040_0008
        /// `CONTEXT_ARM64_X18`: `x18` (the TEB on Windows) was captured as well.
        public static let x18: UInt32 = 0x0040_0010
        /// `CONTEXT_ARM64_FULL`: control, integer and floating point.
        public static let full: UInt32 = 0x0040_0007
        /// The architecture tag of Breakpad's old layout, `MD_CONTEXT_ARM64_OLD`.
        public static let breakpadOld: UInt32 = 0x8000_0000
        /// `MD_CONTEXT_ARM64_INTEGER_OLD`: every integer register including `sp`, `pc`, `cpsr`.
        public static let breakpadOldInteger: UInt32 = 0x8000_0002
        /// `MD_CONTEXT_ARM64_FLOATING_POINT_OLD` (not decoded here).
        public static let breakpadOldFloatingPoint: UInt32 = 0x8000_0004
    }

    /// The size of the Windows `CONTEXT` record (0x390).
    public static let windowsLayoutSize = 0x390
    /// The size of Breakpad's `MDRawContextARM64_Old` record.
    public static let breakpadOldLayoutSize = 796

    /// The record's `ContextFlags` as written (the low 32 bits of the old layout's 64-bit field,
    /// whose high half Breakpad leaves zero); for a built context, as given to ``init(contextFlags:layout:)``.
    public let contextFlags: UInt32
    /// The record the context came from.
    public let layout: Layout
    /// Bytes the record holds after its fixed layout, 0 when none.
    public var extendedStateSize: Int

    private var storage = RegisterStorage(count: ARM64Register.allCases.count)

    /// An empty context in which no register is valid, for unwinders to fill with ``set(_:_:)``.
    public init(contextFlags: UInt32 = Flags.arm64, layout: Layout = .windows) {
        self.contextFlags = contextFlags
        self.layout = layout
        self.extendedStateSize = 0
    }

    /// The register's value, or `nil` when the context does not hold it (the flags say it was not
    /// captured, or an unwinder could not recover it). Setting `nil` marks the register invalid.
    public subscript(register: ARM64Register) -> UInt64? {
        get { storage.value(at: register.rawValue) }
        set { set(register, newValue) }
    }

    /// Stores `value` and marks the register valid, or marks it invalid when `value` is `nil`.
    /// Values for `cpsr` are truncated to 32 bits.
    public mutating func set(_ register: ARM64Register, _ value: UInt64?) {
        storage.set(register.rawValue, value, bitWidth: register.bitWidth)
    }

    /// True when the context holds a value for `register`.
    public func isValid(_ register: ARM64Register) -> Bool { storage.isValid(register.rawValue) }

    /// The registers the context holds, in ``ARM64Register`` order (empty when none).
    public var validRegisters: [ARM64Register] { ARM64Register.allCases.filter(isValid) }

    /// The registers `ContextFlags` marks as captured. In the old Breakpad layout INTEGER covers
    /// every register (Breakpad never defined CONTROL there). A flags word with no register-group
    /// bit at all is read as "everything captured" (see ``AMD64Context``).
    static func validMask(flags: UInt32, layout: Layout) -> UInt64 {
        let all = registerMask(ARM64Register.allCases)
        if flags & contextGroupBits == 0 { return all }
        let control = registerMask([ARM64Register.fp, .lr, .sp, .pc, .cpsr])
        let integer = all & ~control
        var mask: UInt64 = 0
        if flags & 0x1 != 0 { mask |= control }
        if flags & 0x2 != 0 { mask |= layout == .breakpadOld ? all : integer }
        return mask
    }

    /// Decodes the record in `range` (a checked range of the file) with the given layout.
    ///
    /// Throws ``MiniDumpError/Kind/truncated`` when the range is shorter than the layout.
    init(reader: ByteReader, range: Range<Int>, layout: Layout, stream: StreamType?) throws(MiniDumpError) {
        let size = layout == .windows ? Self.windowsLayoutSize : Self.breakpadOldLayoutSize
        let name = layout == .windows ? "ARM64 CONTEXT" : "Breakpad MDRawContextARM64_Old"
        let record = try ContextRecord(reader: reader, range: range, layoutSize: size, layoutName: name, stream: stream)
        self.layout = layout
        self.extendedStateSize = record.trailingBytes(after: size)
        switch layout {
        case .windows:
            self.contextFlags = record.load(UInt32.self, 0)
            storage.store(ARM64Register.cpsr.rawValue, record.u32(4))
        case .breakpadOld:
            self.contextFlags = UInt32(truncatingIfNeeded: record.load(UInt64.self, 0))
            storage.store(ARM64Register.cpsr.rawValue, record.u32(0x110))
        }
        // Both layouts hold x0-x28, fp, lr at 8, then sp at 0x100 and pc at 0x108.
        for number in 0...30 {
            if let register = ARM64Register.x(number) { storage.store(register.rawValue, record.u64(8 + 8 * number)) }
        }
        storage.store(ARM64Register.sp.rawValue, record.u64(0x100))
        storage.store(ARM64Register.pc.rawValue, record.u64(0x108))
        storage.setValidity(Self.validMask(flags: contextFlags, layout: layout))
    }
}
