/// The LinuxCpuInfo stream (0x47670003): a copy of `/proc/cpuinfo`.
///
/// The text is decoded leniently as UTF-8 up to the first NUL; ``blocks`` splits it at blank
/// lines into `key : value` pairs (one block per processor on x86; ARM adds blocks without a
/// `processor` key).
public struct LinuxCpuInfoStream: Sendable {
    /// The whole text.
    public var text: String
    /// The blank-line-separated blocks, each as its `key : value` lines.
    public var blocks: [LinuxKeyValueList]
    /// Always empty: lines without a colon are skipped.
    public var diagnostics: [DumpDiagnostic]

    /// The number of `processor` lines, 0 when the text has none.
    public var processorCount: Int {
        blocks.reduce(0) { $0 + $1.entries.filter { $0.key == "processor" }.count }
    }

    init(parsing cursor: ByteCursor) {
        text = LinuxText.text(of: cursor)
        var blocks = [LinuxKeyValueList]()
        var current = [LinuxKeyValueList.Entry]()
        for line in LinuxText.lines(text) {
            if LinuxText.isBlank(line) {
                if !current.isEmpty { blocks.append(LinuxKeyValueList(entries: current)) }
                current = []
            } else if let entry = LinuxText.keyValue(line, separator: ":") {
                current.append(entry)
            }
        }
        if !current.isEmpty { blocks.append(LinuxKeyValueList(entries: current)) }
        self.blocks = blocks
        self.diagnostics = []
    }
}
