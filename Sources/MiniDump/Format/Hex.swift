/// Formatting of numbers as `0x…` strings, shared by error messages and renderers.
public enum Hex {
    /// `0x` followed by the value in upper-case hex without leading zeros (`0x0` for zero).
    public static func format<T: BinaryInteger>(_ value: T) -> String {
        "0x" + String(value, radix: 16, uppercase: true)
    }

    /// `0x` followed by the value zero-padded to `digits` hex digits.
    public static func format<T: BinaryInteger>(_ value: T, digits: Int) -> String {
        let raw = String(value, radix: 16, uppercase: true)
        let pad = raw.count < digits ? String(repeating: "0", count: digits - raw.count) : ""
        return "0x" + pad + raw
    }
}
