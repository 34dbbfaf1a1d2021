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
    ///
    /// Lines, fields and blanks are found on the UTF-8 bytes: the separators are ASCII, and
    /// walking `Character`s (grapheme breaking) made a 5,000-line maps stream cost ~40 ms.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    /// True for a space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// True when `line` holds only spaces and tabs.
    static func isBlank(_ line: Substring) -> Bool { line.utf8.allSatisfy(isBlank) }

    /// `line` split at the first `separator`, both sides trimmed of spaces and tabs; `nil` when
    /// the separator is missing.
    static func keyValue(_ line: Substring, separator: Unicode.Scalar) -> LinuxKeyValueList.Entry? {
        guard separator.isASCII, let split = line.utf8.firstIndex(of: UInt8(ascii: separator)) else { return nil }
        return LinuxKeyValueList.Entry(
            key: trimmed(line[..<split]), value: trimmed(line[line.utf8.index(after: split)...]))
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
              let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(Substring(bytes[first...last]))
    }
}
