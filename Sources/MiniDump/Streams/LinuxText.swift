/// Lenient text handling shared by the Linux `/proc` and `/etc` streams Breakpad copies into
/// dumps.
enum LinuxText {
    /// The window's bytes as UTF-8 (invalid sequences become U+FFFD), up to the first NUL.
    static func text(of cursor: ByteCursor) -> String {
        cursor.reader.utf8String(in: cursor.position..<cursor.end)
    }

    /// The window's NUL-separated items, each decoded leniently as UTF-8, with the empty items
    /// after the last non-empty one dropped (writers pad `cmdline` with NULs).
    static func nulSeparated(_ cursor: ByteCursor) -> [String] {
        cursor.reader.withBytes(in: cursor.position..<cursor.end) { raw in
            var items = raw.split(separator: 0, omittingEmptySubsequences: false).map {
                String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self)
            }
            while let last = items.last, last.isEmpty { items.removeLast() }
            return items
        }
    }

    /// The text's lines, without their `\n` (and a `\r` before it).
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// `line` split at the first `separator`, both sides trimmed of spaces and tabs; `nil` when
    /// the separator is missing.
    static func keyValue(_ line: Substring, separator: Character) -> LinuxKeyValueList.Entry? {
        guard let split = line.firstIndex(of: separator) else { return nil }
        return LinuxKeyValueList.Entry(
            key: trimmed(line[..<split]), value: trimmed(line[line.index(after: split)...]))
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
              let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }
}
