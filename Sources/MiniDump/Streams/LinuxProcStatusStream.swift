/// The LinuxProcStatus stream (0x47670004): a copy of `/proc/<pid>/status` for the crashed
/// process.
///
/// The text is decoded leniently as UTF-8 up to the first NUL and split into `Key:\tvalue`
/// pairs (`Name`, `State`, `Tgid`, `Pid`, `PPid`, `VmRSS`, ...).
public struct LinuxProcStatusStream: Sendable {
    /// The whole text.
    public var text: String
    /// The `Key: value` lines, in file order.
    public var fields: LinuxKeyValueList
    /// Always empty: lines without a colon are skipped.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: ByteCursor) {
        text = LinuxText.text(of: cursor)
        fields = LinuxKeyValueList(entries: LinuxText.lines(text).compactMap {
            LinuxText.keyValue($0, separator: ":")
        })
        diagnostics = []
    }
}
