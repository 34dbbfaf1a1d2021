/// Undecorates the MSVC type names found in RTTI `TypeDescriptor`s (`.?AVruntime_error@std@@` →
/// `std::runtime_error`).
///
/// Handles classes, structs, unions and enums with namespaces, nested names, templates (type and
/// integer arguments, back-references), anonymous namespaces, and the built-in, pointer and reference
/// types thrown directly (`.H` → `int`, `.PEBD` → `const char*`). Anything else returns `nil`, and the
/// caller shows the decorated name. Bounded in depth and length; never traps.
public enum CxxTypeName {
    /// The readable form of a decorated RTTI type name, or `nil` when the form is not understood.
    public static func undecorate(_ decorated: String) -> String? {
        let bytes = Array(decorated.utf8)
        guard bytes.count <= 1024, bytes.first == UInt8(ascii: ".") else { return nil }
        var parser = Parser(bytes: bytes, index: 1)
        guard let text = parser.rttiType(), parser.index == bytes.count else { return nil }
        return text
    }

    struct Parser {
        let bytes: [UInt8]
        var index: Int
        var names: [String] = []
        var types: [String] = []
        var depth = 0

        static let maxDepth = 24

        func peek(_ offset: Int = 0) -> UInt8? {
            let at = index + offset
            return at < bytes.count ? bytes[at] : nil
        }

        mutating func consume(_ text: String) -> Bool {
            let wanted = Array(text.utf8)
            guard index + wanted.count <= bytes.count, Array(bytes[index..<(index + wanted.count)]) == wanted else {
                return false
            }
            index += wanted.count
            return true
        }

        /// `?AV name`, `?AU name`, ... or a plain type.
        mutating func rttiType() -> String? {
            if consume("?A") {
                guard let kind = peek() else { return nil }
                index += 1
                switch kind {
                case UInt8(ascii: "V"), UInt8(ascii: "U"), UInt8(ascii: "T"): return qualifiedName()
                case UInt8(ascii: "W"):
                    guard peek() != nil else { return nil }
                    index += 1 // the enum's underlying-type digit
                    return qualifiedName()
                default: return nil
                }
            }
            return type()
        }

        mutating func remember(_ name: String) {
            if names.count < 10, !names.contains(name) { names.append(name) }
        }

        /// Components innermost first, ending with `@`; returns `outer::inner`.
        mutating func qualifiedName() -> String? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { return nil }
            var parts = [String]()
            while let byte = peek(), byte != UInt8(ascii: "@") {
                guard parts.count < 32, let part = component() else { return nil }
                parts.append(part)
            }
            guard consume("@"), !parts.isEmpty else { return nil }
            return parts.reversed().joined(separator: "::")
        }

        mutating func component() -> String? {
            guard let byte = peek() else { return nil }
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                index += 1
                let slot = Int(byte - UInt8(ascii: "0"))
                return slot < names.count ? names[slot] : nil
            }
            if consume("?$") {
                let savedNames = names
                let savedTypes = types
                names = []
                types = []
                guard let name = simpleName() else { return nil }
                remember(name)
                var arguments = [String]()
                while let next = peek(), next != UInt8(ascii: "@") {
                    guard arguments.count < 32, let argument = templateArgument() else { return nil }
                    if !argument.isEmpty { arguments.append(argument) }
                }
                guard consume("@") else { return nil }
                names = savedNames
                types = savedTypes
                let full = "\(name)<\(arguments.joined(separator: ", "))>"
                remember(full)
                return full
            }
            if consume("?A") {
                // Anonymous namespace: ?A0x1234abcd@ (or ?A@).
                while let next = peek(), next != UInt8(ascii: "@") { index += 1 }
                guard consume("@") else { return nil }
                return "`anonymous namespace'"
            }
            guard byte != UInt8(ascii: "?") else { return nil }
            guard let name = simpleName() else { return nil }
            remember(name)
            return name
        }

        mutating func simpleName() -> String? {
            let start = index
            while let byte = peek(), byte != UInt8(ascii: "@") {
                guard byte >= 0x20, byte < 0x7F else { return nil }
                index += 1
            }
            guard index > start, consume("@") else { return nil }
            return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
        }

        mutating func templateArgument() -> String? {
            if consume("$0") { return number().map(String.init) }
            if consume("$$V") || consume("$$Z") || consume("$S") { return "" }
            let start = index
            guard let text = type() else { return nil }
            if index - start > 1, types.count < 10 { types.append(text) }
            return text
        }

        mutating func number() -> Int64? {
            let negative = consume("?")
            guard let byte = peek() else { return nil }
            var value: Int64 = 0
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                index += 1
                value = Int64(byte - UInt8(ascii: "0")) + 1
            } else {
                var digits = 0
                while let next = peek(), next != UInt8(ascii: "@") {
                    guard next >= UInt8(ascii: "A"), next <= UInt8(ascii: "P"), digits < 16 else { return nil }
                    value = (value << 4) | Int64(next - UInt8(ascii: "A"))
                    digits += 1
                    index += 1
                }
                guard consume("@") else { return nil }
            }
            return negative ? 0 &- value : value
        }

        mutating func type() -> String? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth, let byte = peek() else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "C"): return "signed char"
            case UInt8(ascii: "D"): return "char"
            case UInt8(ascii: "E"): return "unsigned char"
            case UInt8(ascii: "F"): return "short"
            case UInt8(ascii: "G"): return "unsigned short"
            case UInt8(ascii: "H"): return "int"
            case UInt8(ascii: "I"): return "unsigned int"
            case UInt8(ascii: "J"): return "long"
            case UInt8(ascii: "K"): return "unsigned long"
            case UInt8(ascii: "M"): return "float"
            case UInt8(ascii: "N"): return "double"
            case UInt8(ascii: "O"): return "long double"
            case UInt8(ascii: "X"): return "void"
            case UInt8(ascii: "_"):
                guard let next = peek() else { return nil }
                index += 1
                switch next {
                case UInt8(ascii: "J"): return "__int64"
                case UInt8(ascii: "K"): return "unsigned __int64"
                case UInt8(ascii: "N"): return "bool"
                case UInt8(ascii: "W"): return "wchar_t"
                case UInt8(ascii: "S"): return "char16_t"
                case UInt8(ascii: "U"): return "char32_t"
                case UInt8(ascii: "Q"): return "char8_t"
                default: return nil
                }
            case UInt8(ascii: "V"), UInt8(ascii: "U"), UInt8(ascii: "T"):
                return qualifiedName()
            case UInt8(ascii: "W"):
                guard peek() != nil else { return nil }
                index += 1
                return qualifiedName()
            case UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"), UInt8(ascii: "A"):
                return indirection(byte == UInt8(ascii: "A") ? "&" : "*", pointerCV: byte)
            case UInt8(ascii: "$"):
                if consume("$Q") { return indirection("&&", pointerCV: UInt8(ascii: "A")) }
                if consume("$T") { return "std::nullptr_t" }
                return nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let slot = Int(byte - UInt8(ascii: "0"))
                return slot < types.count ? types[slot] : nil
            default:
                return nil
            }
        }

        /// `P`/`Q`/`R`/`S`/`A`, then `E`/`I`/`F` modifiers, a cv letter, and the pointee.
        mutating func indirection(_ symbol: String, pointerCV: UInt8) -> String? {
            while let next = peek(), next == UInt8(ascii: "E") || next == UInt8(ascii: "I") || next == UInt8(ascii: "F") {
                index += 1
            }
            guard let cv = peek() else { return nil }
            index += 1
            let qualifier: String
            switch cv {
            case UInt8(ascii: "A"): qualifier = ""
            case UInt8(ascii: "B"): qualifier = "const "
            case UInt8(ascii: "C"): qualifier = "volatile "
            case UInt8(ascii: "D"): qualifier = "const volatile "
            default: return nil
            }
            guard let pointee = type() else { return nil }
            var text = qualifier + pointee + symbol
            switch pointerCV {
            case UInt8(ascii: "Q"): text += " const"
            case UInt8(ascii: "R"): text += " volatile"
            case UInt8(ascii: "S"): text += " const volatile"
            default: break
            }
            return text
        }
    }
}
