/// The values of up to 64 registers with one validity bit each: the storage behind every context.
///
/// Indices are the raw values of the architecture's register enum. A register set to `nil` reads
/// as `nil` and stores zero, so two contexts that agree on every valid register compare equal.
struct RegisterStorage: Sendable, Hashable {
    private(set) var values: [UInt64]
    private(set) var validMask: UInt64

    /// Storage for `count` registers (at most 64), none of them valid.
    init(count: Int) {
        values = Array(repeating: 0, count: max(0, min(count, 64)))
        validMask = 0
    }

    /// The value at `index` when valid, `nil` otherwise (also for an index out of range).
    func value(at index: Int) -> UInt64? {
        guard index >= 0, index < values.count, validMask & (1 << UInt64(index)) != 0 else { return nil }
        return values[index]
    }

    /// True when the register at `index` holds a captured or recovered value.
    func isValid(_ index: Int) -> Bool {
        index >= 0 && index < values.count && validMask & (1 << UInt64(index)) != 0
    }

    /// Stores `value` (truncated to `bitWidth` bits) at `index` and marks it valid, or clears it
    /// when `value` is `nil`. An index out of range is ignored.
    mutating func set(_ index: Int, _ value: UInt64?, bitWidth: Int) {
        guard index >= 0, index < values.count else { return }
        let bit: UInt64 = 1 << UInt64(index)
        if let value {
            values[index] = bitWidth >= 64 ? value : value & ((1 << UInt64(bitWidth)) - 1)
            validMask |= bit
        } else {
            values[index] = 0
            validMask &= ~bit
        }
    }

    /// Stores a decoded value without touching its validity bit (used while decoding a record).
    mutating func store(_ index: Int, _ value: UInt64) {
        guard index >= 0, index < values.count else { return }
        values[index] = value
    }

    /// Marks exactly the registers in `mask` valid; values of registers that become invalid are
    /// zeroed, so equality only depends on what a context can report.
    mutating func setValidity(_ mask: UInt64) {
        validMask = mask & (values.count >= 64 ? ~0 : (1 << UInt64(values.count)) - 1)
        for index in values.indices where validMask & (1 << UInt64(index)) == 0 {
            values[index] = 0
        }
    }
}

/// A validity mask with one bit per register raw value.
func registerMask<R: RawRepresentable>(_ registers: [R]) -> UInt64 where R.RawValue == Int {
    registers.reduce(0) { mask, register in
        register.rawValue >= 0 && register.rawValue < 64 ? mask | (1 << UInt64(register.rawValue)) : mask
    }
}

/// The low byte of a context-flags word holds the register-group bits on every architecture
/// (CONTROL 0x1, INTEGER 0x2, SEGMENTS 0x4, FLOATING_POINT, DEBUG, ...); the architecture tag sits
/// above it.
let contextGroupBits: UInt32 = 0xFF
