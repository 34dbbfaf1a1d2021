/// The LinuxEnviron stream (0x47670007): a copy of `/proc/<pid>/environ`, the crashed
/// process's initial environment.
public struct LinuxEnvironStream: Sendable {
    /// The NUL-separated `NAME=value` strings as stored, each decoded leniently as UTF-8
    /// (trailing NUL padding dropped).
    public var strings: [String]
    /// The same strings split at their first `=` (a string without one has an empty value).
    public var variables: LinuxKeyValueList
    /// Always empty: every byte sequence decodes to some text.
    public var diagnostics: [DumpDiagnostic]

    /// The value of the first variable called `name`, or `nil` when it is not set.
    public func value(of name: String) -> String? { variables[name] }

    init(parsing cursor: ByteCursor) {
        strings = LinuxText.nulSeparated(cursor)
        variables = LinuxKeyValueList(entries: strings.map { string in
            guard let split = string.firstIndex(of: "=") else {
                return LinuxKeyValueList.Entry(key: string, value: "")
            }
            return LinuxKeyValueList.Entry(
                key: String(string[..<split]), value: String(string[string.index(after: split)...]))
        })
        diagnostics = []
    }
}
