/// A JSON value with object keys kept in insertion order, so output is stable and readable.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An address or other machine word as a `"0x…"` string (upper-case hex).
    static func hex<T: BinaryInteger>(_ value: T) -> JSON { .string("0x" + String(value, radix: 16, uppercase: true)) }

    /// `.hex(value)` or `null`.
    static func hex<T: BinaryInteger>(_ value: T?) -> JSON { value.map { hex($0) } ?? .null }

    static func number<T: BinaryInteger>(_ value: T) -> JSON {
        if let signed = Int64(exactly: value) { return .int(signed) }
        return .uint(UInt64(truncatingIfNeeded: value))
    }

    static func number<T: BinaryInteger>(_ value: T?) -> JSON { value.map { number($0) } ?? .null }

    static func string(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }

    /// Serializes compactly (`pretty == false`, one line) or indented by two spaces.
    func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .uint(let value): out += String(value)
        case .double(let value): out += value.isFinite ? String(value) : "null"
        case .string(let value): JSON.escape(value, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { JSON.newline(&out, indent: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { JSON.newline(&out, indent: indent + 1) }
                JSON.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent: indent) }
            out += "}"
        }
    }

    /// Bytes a JSON string cannot hold as they are: `"`, `\\`, the C0 controls and DEL.
    private static let escapedBytes: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }

    /// True when `text` holds a byte of ``escapedBytes``: one table look-up per byte (four
    /// comparisons per byte made the check a tenth of the fuzz target's time).
    private static func needsEscape(_ text: String) -> Bool {
        let table = escapedBytes
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            table.withUnsafeBufferPointer { table in
                for byte in bytes where table[Int(byte)] { return true }
                return false
            }
        }
        return found ?? text.utf8.contains { table[Int($0)] }
    }

    /// Indentation strings for the first levels, built once.
    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    /// A line break and `indent` levels of two spaces.
    private static func newline(_ out: inout String, indent: Int) {
        out += "\n"
        out += indent < indents.count ? indents[indent] : String(repeating: "  ", count: indent)
    }

    private static func escape(_ text: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole (scalar by scalar, 10,000 frames of
        // `stack --json` took most of a second; docs/performance.md).
        guard JSON.needsEscape(text) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
