/// Formatting of numbers as `0x…` strings, shared by error messages and renderers.
public enum Hex {
    /// `0x` followed by the value in upper-case hex without leading zeros (`0x0` for zero).
    public static func format<T: BinaryInteger>(_ value: T) -> String {
        guard let value = UInt64(exactly: value) else { return "0x" + String(value, radix: 16, uppercase: true) }
        return string(value)
    }

    /// `0x` followed by the value zero-padded to `digits` hex digits.
    public static func format<T: BinaryInteger>(_ value: T, digits: Int) -> String {
        guard let value = UInt64(exactly: value) else {
            let raw = String(value, radix: 16, uppercase: true)
            let pad = raw.count < digits ? String(repeating: "0", count: digits - raw.count) : ""
            return "0x" + pad + raw
        }
        return string(value, digits: digits)
    }

    /// The hex digits of `value`, at least `digits` of them (zero-padded), upper- or lower-case,
    /// after `0x` when `prefixed`: `string(0x2cef, uppercase: false)` is `0x2cef`,
    /// `string(0x4ca3bb53, digits: 8, prefixed: false)` is `4CA3BB53`.
    ///
    /// Written straight into the string: the standard library's generic `String(_:radix:)`
    /// costs several hundred instructions a number, and a module list or a stack in JSON formats
    /// thousands (docs/performance.md).
    public static func string(_ value: UInt64, digits: Int = 1, uppercase: Bool = true, prefixed: Bool = true) -> String {
        let significant = max(1, (64 - value.leadingZeroBitCount + 3) / 4)
        let count = max(significant, min(digits, 1 << 16))
        let prefix = prefixed ? 2 : 0
        let letters: UInt8 = uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")
        return String(unsafeUninitializedCapacity: count + prefix) { buffer in
            if prefixed {
                buffer[0] = UInt8(ascii: "0")
                buffer[1] = UInt8(ascii: "x")
            }
            var rest = value
            var position = prefix + count
            while position > prefix {
                position -= 1
                let digit = UInt8(truncatingIfNeeded: rest & 0xF)
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : letters + digit - 10
                rest >>= 4
            }
            return prefix + count
        }
    }
}
