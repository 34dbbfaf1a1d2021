import MiniDump

/// Small formatting helpers shared by the human renderers.
enum Format {
    /// An address padded to the pointer width: 16 hex digits on 64-bit, 8 on 32-bit.
    static func address(_ value: UInt64, width: Int = 16) -> String { Hex.format(value, digits: width) }

    /// A byte count with a binary unit: `968 B`, `1.5 KiB`, `43.2 MiB`.
    static func bytes(_ value: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        if unit == 0 { return "\(value) B" }
        let tenths = (amount * 10).rounded() / 10
        return "\(tenths) \(units[unit])"
    }

    /// A UTC time from seconds since 1970: `2026-11-21 03:38:16 UTC`.
    static func time(_ seconds: UInt32) -> String {
        let days = Int(seconds / 86_400)
        let rest = Int(seconds % 86_400)
        // Civil-from-days (Howard Hinnant), valid for the whole UInt32 range.
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) UTC"
    }

    /// ISO 8601 UTC (`2026-11-21T03:38:16Z`) for JSON.
    static func isoTime(_ seconds: UInt32) -> String {
        let text = time(seconds)
        return String(text.prefix(10)) + "T" + String(text.dropFirst(11).prefix(8)) + "Z"
    }
}
