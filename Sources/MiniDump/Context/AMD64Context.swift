/// The integer registers of an x86-64 thread, decoded from the Windows `CONTEXT` for AMD64 (which
/// Breakpad's `MDRawContextAMD64` and Crashpad's `MinidumpContextAMD64` copy byte for byte).
///
/// Each register is either valid or `nil`: a decoded context marks valid what its `ContextFlags`
/// say was captured, and an unwinder builds caller contexts by ``set(_:_:)``-ing only the
/// registers it recovered. Floating-point, vector and XSAVE state are not decoded; their presence
/// is recorded in ``extendedStateSize``.
public struct AMD64Context: Sendable, Hashable {
    /// `ContextFlags` values for AMD64 (winnt.h `CONTEXT_AMD64`, `CONTEXT_CONTROL`, ...).
    public enum Flags {
        /// The architecture tag, `CONTEXT_AMD64`.
        public static let amd64: UInt32 = 0x0010_0000
        /// `CONTEXT_CONTROL`: `ss`, `rsp`, `cs`, `rip`, `eflags`.
        public static let control: UInt32 = 0x0010_0001
        /// `CONTEXT_INTEGER`: `rax`…`r15` except `rsp`.
        public static let integer: UInt32 = 0x0010_0002
        /// `CONTEXT_SEGMENTS`: `ds`, `es`, `fs`, `gs`.
        public static let segments: UInt32 = 0x0010_0004
        /// `CONTEXT_FLOATING_POINT`: the XMM save area (not decoded here).
        public static let floatingPoint: UInt32 = 0x0010_0008
        /// `CONTEXT_DEBUG_REGISTERS`: `Dr0`–`Dr7` (not decoded here).
        public static let debugRegisters: UInt32 = 0x0010_0010
        /// `CONTEXT_FULL`: control, integer and floating point.
        public static let full: UInt32 = 0x0010_000B
        /// `CONTEXT_XSTATE`: XSAVE state follows the record.
        public static let xstate: UInt32 = 0x0010_0040
    }

    /// The size of the fixed `CONTEXT` record; longer records carry XSAVE data after it.
    public static let layoutSize = 1232

    /// The record's `ContextFlags` as written (for a built context, as given to ``init(contextFlags:)``).
    public let contextFlags: UInt32
    /// Bytes the record holds after the fixed layout (`CONTEXT_EX` and XSAVE state), 0 when none.
    public var extendedStateSize: Int

    private var storage = RegisterStorage(count: AMD64Register.allCases.count)

    /// An empty context in which no register is valid, for unwinders to fill with ``set(_:_:)``.
    public init(contextFlags: UInt32 = Flags.amd64) {
        self.contextFlags = contextFlags
        self.extendedStateSize = 0
    }

    /// The register's value, or `nil` when the context does not hold it (the flags say it was not
    /// captured, or an unwinder could not recover it). Setting `nil` marks the register invalid.
    public subscript(register: AMD64Register) -> UInt64? {
        get { storage.value(at: register.rawValue) }
        set { set(register, newValue) }
    }

    /// Stores `value` and marks the register valid, or marks it invalid when `value` is `nil`.
    /// Values wider than the register (`eflags`, segment selectors) are truncated to its width.
    public mutating func set(_ register: AMD64Register, _ value: UInt64?) {
        storage.set(register.rawValue, value, bitWidth: register.bitWidth)
    }

    /// True when the context holds a value for `register`.
    public func isValid(_ register: AMD64Register) -> Bool { storage.isValid(register.rawValue) }

    /// The registers the context holds, in ``AMD64Register`` order (empty when none).
    public var validRegisters: [AMD64Register] { AMD64Register.allCases.filter(isValid) }

    /// The registers `ContextFlags` marks as captured.
    ///
    /// A flags word with no register-group bit at all (only the `CONTEXT_AMD64` tag, or zero) is
    /// read as "everything captured": Breakpad's macOS writer and rust-minidump's minidump-writer
    /// on macOS leave the group bits clear while filling every register, and Breakpad's and
    /// rust-minidump's processors read such records in full.
    static func validMask(flags: UInt32) -> UInt64 {
        let all = registerMask(AMD64Register.allCases)
        if flags & contextGroupBits == 0 { return all }
        var mask: UInt64 = 0
        if flags & 0x1 != 0 { mask |= registerMask([AMD64Register.ss, .rsp, .cs, .rip, .eflags]) }
        if flags & 0x2 != 0 {
            mask |= registerMask([AMD64Register.rax, .rcx, .rdx, .rbx, .rbp, .rsi, .rdi,
                                  .r8, .r9, .r10, .r11, .r12, .r13, .r14, .r15])
        }
        if flags & 0x4 != 0 { mask |= registerMask([AMD64Register.ds, .es, .fs, .gs]) }
        return mask
    }

    /// Decodes the `CONTEXT` in `range` (a checked range of the file).
    ///
    /// Throws ``MiniDumpError/Kind/truncated`` when the range is shorter than ``layoutSize``.
    init(reader: ByteReader, range: Range<Int>, stream: StreamType?) throws(MiniDumpError) {
        let record = try ContextRecord(
            reader: reader, range: range, layoutSize: Self.layoutSize, layoutName: "AMD64 CONTEXT", stream: stream)
        self.contextFlags = record.load(UInt32.self, 0x30)
        self.extendedStateSize = record.trailingBytes(after: Self.layoutSize)
        let segments: [(AMD64Register, Int)] = [(.cs, 0x38), (.ds, 0x3A), (.es, 0x3C), (.fs, 0x3E), (.gs, 0x40), (.ss, 0x42)]
        for (register, offset) in segments { storage.store(register.rawValue, record.u16(offset)) }
        storage.store(AMD64Register.eflags.rawValue, record.u32(0x44))
        // Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8-R15 at 0x78, then Rip at 0xF8.
        let integers: [AMD64Register] = [.rax, .rcx, .rdx, .rbx, .rsp, .rbp, .rsi, .rdi,
                                         .r8, .r9, .r10, .r11, .r12, .r13, .r14, .r15, .rip]
        for (index, register) in integers.enumerated() {
            storage.store(register.rawValue, record.u64(0x78 + 8 * index))
        }
        storage.setValidity(Self.validMask(flags: contextFlags))
    }
}
