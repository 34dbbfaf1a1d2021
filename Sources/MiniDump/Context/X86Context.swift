/// The integer registers of a 32-bit x86 thread, decoded from the Windows `CONTEXT` for x86 (which
/// Breakpad's `MDRawContextX86` copies byte for byte).
///
/// Each register is either valid or `nil`: a decoded context marks valid what its `ContextFlags`
/// say was captured, and an unwinder builds caller contexts by ``set(_:_:)``-ing only the
/// registers it recovered. The floating-point save area, the 512 bytes of `ExtendedRegisters` and
/// any XSAVE data are not decoded; bytes after the fixed layout are counted in
/// ``extendedStateSize``.
public struct X86Context: Sendable, Hashable {
    /// `ContextFlags` values for x86 (winnt.h `CONTEXT_i386`, `CONTEXT_CONTROL`, ...).
    public enum Flags {
        /// The architecture tag, `CONTEXT_i386`.
        public static let x86: UInt32 = 0x0001_0000
        /// `CONTEXT_CONTROL`: `ebp`, `eip`, `cs`, `eflags`, `esp`, `ss`.
        public static let control: UInt32 = 0x0001_0001
        /// `CONTEXT_INTEGER`: `edi`, `esi`, `ebx`, `edx`, `ecx`, `eax`.
        public static let integer: UInt32 = 0x0001_0002
        /// `CONTEXT_SEGMENTS`: `gs`, `fs`, `es`, `ds`.
        public static let segments: UInt32 = 0x0001_0004
        /// `CONTEXT_FLOATING_POINT` (not decoded here).
        public static let floatingPoint: UInt32 = 0x0001_0008
        /// `CONTEXT_DEBUG_REGISTERS` (not decoded here).
        public static let debugRegisters: UInt32 = 0x0001_0010
        /// `CONTEXT_EXTENDED_REGISTERS`: the FXSAVE area (not decoded here).
        public static let extendedRegisters: UInt32 = 0x0001_0020
        /// `CONTEXT_FULL`: control, integer and segments.
        public static let full: UInt32 = 0x0001_0007
        /// `CONTEXT_XSTATE`: XSAVE state follows the record.
        public static let xstate: UInt32 = 0x0001_0040
    }

    /// The size of the fixed `CONTEXT` record; longer records carry XSAVE data after it.
    public static let layoutSize = 716

    /// The record's `ContextFlags` as written (for a built context, as given to ``init(contextFlags:)``).
    public let contextFlags: UInt32
    /// Bytes the record holds after the fixed layout (`CONTEXT_EX` and XSAVE state), 0 when none.
    public var extendedStateSize: Int

    private var storage = RegisterStorage(count: X86Register.allCases.count)

    /// An empty context in which no register is valid, for unwinders to fill with ``set(_:_:)``.
    public init(contextFlags: UInt32 = Flags.x86) {
        self.contextFlags = contextFlags
        self.extendedStateSize = 0
    }

    /// The register's value, or `nil` when the context does not hold it (the flags say it was not
    /// captured, or an unwinder could not recover it). Setting `nil` marks the register invalid.
    public subscript(register: X86Register) -> UInt64? {
        get { storage.value(at: register.rawValue) }
        set { set(register, newValue) }
    }

    /// Stores `value` truncated to 32 bits and marks the register valid, or marks it invalid when
    /// `value` is `nil`.
    public mutating func set(_ register: X86Register, _ value: UInt64?) {
        storage.set(register.rawValue, value, bitWidth: register.bitWidth)
    }

    /// True when the context holds a value for `register`.
    public func isValid(_ register: X86Register) -> Bool { storage.isValid(register.rawValue) }

    /// The registers the context holds, in ``X86Register`` order (empty when none).
    public var validRegisters: [X86Register] { X86Register.allCases.filter(isValid) }

    /// The registers `ContextFlags` marks as captured; a flags word with no register-group bit at
    /// all is read as "everything captured" (see ``AMD64Context``).
    static func validMask(flags: UInt32) -> UInt64 {
        let all = registerMask(X86Register.allCases)
        if flags & contextGroupBits == 0 { return all }
        var mask: UInt64 = 0
        if flags & 0x1 != 0 { mask |= registerMask([X86Register.ebp, .eip, .cs, .eflags, .esp, .ss]) }
        if flags & 0x2 != 0 { mask |= registerMask([X86Register.edi, .esi, .ebx, .edx, .ecx, .eax]) }
        if flags & 0x4 != 0 { mask |= registerMask([X86Register.gs, .fs, .es, .ds]) }
        return mask
    }

    /// Decodes the `CONTEXT` in `range` (a checked range of the file).
    ///
    /// Throws ``MiniDumpError/Kind/truncated`` when the range is shorter than ``layoutSize``.
    init(reader: ByteReader, range: Range<Int>, stream: StreamType?) throws(MiniDumpError) {
        let record = try ContextRecord(
            reader: reader, range: range, layoutSize: Self.layoutSize, layoutName: "x86 CONTEXT", stream: stream)
        self.contextFlags = record.load(UInt32.self, 0)
        self.extendedStateSize = record.trailingBytes(after: Self.layoutSize)
        // SegGs at 0x8C after ContextFlags, Dr0-Dr7 and the 112-byte FLOATING_SAVE_AREA; then
        // SegFs, SegEs, SegDs, Edi, Esi, Ebx, Edx, Ecx, Eax, Ebp, Eip, SegCs, EFlags, Esp, SegSs.
        let fields: [X86Register] = [.gs, .fs, .es, .ds, .edi, .esi, .ebx, .edx, .ecx, .eax,
                                     .ebp, .eip, .cs, .eflags, .esp, .ss]
        for (index, register) in fields.enumerated() {
            storage.store(register.rawValue, record.u32(0x8C + 4 * index))
        }
        storage.setValidity(Self.validMask(flags: contextFlags))
    }
}
