import MiniDump

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
    static func hex<T: BinaryInteger>(_ value: T) -> JSON { .string(Hex.format(value)) }

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
        // Built as UTF-8 bytes and decoded once: appending to a `String` piece by piece cost
        // ~200 instructions per output byte, most of `summary --json`'s rendering
        // (docs/performance.md).
        var out = [UInt8]()
        out.reserveCapacity(4096)
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value):
            if value < 0 { out.append(UInt8(ascii: "-")) }
            JSON.appendDecimal(value.magnitude, to: &out)
        case .uint(let value): JSON.appendDecimal(value, to: &out)
        case .double(let value): out.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .string(let value): JSON.escape(value, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(&out, indent: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent: indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(&out, indent: indent + 1) }
                JSON.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent: indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The decimal digits of `value`.
    private static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        var count = 1
        var scale = value
        while scale >= 10 {
            scale /= 10
            count += 1
        }
        let start = out.count
        for _ in 0..<count { out.append(UInt8(ascii: "0")) }
        var rest = value
        var position = start + count
        while position > start {
            position -= 1
            out[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// A line break and `indent` levels of two spaces.
    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<max(0, 2 * indent) { out.append(UInt8(ascii: " ")) }
    }

    /// True for the bytes a JSON string cannot hold as they are: `"`, `\\`, the C0 controls and
    /// DEL.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// True when one of the eight bytes of `word` needs an escape (and only then): the classic
    /// tests for a byte below `n` and for a zero byte, on all eight at once.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
        let below = (word &- ones &* 0x20) & ~word & high != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0x7F))
    }

    /// `text` as a JSON string. Every byte that needs an escape is ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is, so the string is escaped byte by byte; runs without an
    /// escape are found eight bytes at a time and copied whole (docs/performance.md).
    private static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let count = bytes.count
            var clean = 0  // the first byte not copied yet
            var index = 0
            while index < count {
                if count &- index >= 8,
                   !mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index &+= 8
                    continue
                }
                let byte = bytes[index]
                index &+= 1
                guard needsEscape(byte) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<(index - 1)]))
                clean = index
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                default:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Lower-case hex digits, as `\u00xx` escapes are written.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
