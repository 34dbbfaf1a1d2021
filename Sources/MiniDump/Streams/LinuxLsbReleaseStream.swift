/// The LinuxLsbRelease stream (0x47670005): a copy of `/etc/lsb-release` (or, from newer
/// writers, `/etc/os-release`).
///
/// The text is decoded leniently as UTF-8 up to the first NUL and split into `KEY=value` pairs;
/// `#` comments are skipped and one level of surrounding quotes is removed from values.
public struct LinuxLsbReleaseStream: Sendable {
    /// The whole text.
    public var text: String
    /// The `KEY=value` lines, in file order.
    public var fields: LinuxKeyValueList
    /// Always empty: lines without `=` are skipped.
    public var diagnostics: [DumpDiagnostic]

    /// `DISTRIB_ID` (lsb-release) or `ID` (os-release), `nil` when neither is present.
    public var distributionID: String? { fields["DISTRIB_ID"] ?? fields["ID"] }
    /// `DISTRIB_RELEASE` or `VERSION_ID`, `nil` when neither is present.
    public var release: String? { fields["DISTRIB_RELEASE"] ?? fields["VERSION_ID"] }
    /// `DISTRIB_CODENAME` or `VERSION_CODENAME`, `nil` when neither is present.
    public var codename: String? { fields["DISTRIB_CODENAME"] ?? fields["VERSION_CODENAME"] }
    /// `DISTRIB_DESCRIPTION` or `PRETTY_NAME`, `nil` when neither is present.
    public var distributionDescription: String? { fields["DISTRIB_DESCRIPTION"] ?? fields["PRETTY_NAME"] }

    init(parsing cursor: ByteCursor) {
        text = LinuxText.text(of: cursor)
        var entries = [LinuxKeyValueList.Entry]()
        for line in LinuxText.lines(text) {
            if LinuxText.trimmed(line).hasPrefix("#") { continue }
            guard var entry = LinuxText.keyValue(line, separator: "=") else { continue }
            entry.value = Self.unquoted(entry.value)
            entries.append(entry)
        }
        fields = LinuxKeyValueList(entries: entries)
        diagnostics = []
    }

    /// `value` without one pair of matching surrounding `"` or `'` quotes.
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'",
              value.last == first
        else { return value }
        return String(value.dropFirst().dropLast())
    }
}
