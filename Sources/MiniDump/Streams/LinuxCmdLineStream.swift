/// The LinuxCmdLine stream (0x47670006): a copy of `/proc/<pid>/cmdline`, the crashed
/// process's arguments.
public struct LinuxCmdLineStream: Sendable {
    /// The NUL-separated arguments, each decoded leniently as UTF-8; trailing NUL padding is
    /// dropped, empty arguments in between are kept.
    public var arguments: [String]
    /// Always empty: every byte sequence decodes to some text.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: ByteCursor) {
        arguments = LinuxText.nulSeparated(cursor)
        diagnostics = []
    }
}
