/// One dump found inside an input file by ``MiniDumpFile/openAll(path:access:limits:)``: its name in
/// the container and either the opened dump or why it could not be opened.
public struct DumpMember: Sendable {
    /// The member's name inside a cabinet, as recorded there (data only, never a path on disk);
    /// `nil` for a plain or gzip-compressed dump.
    public var name: String?
    /// The opened dump, or the error that stopped it (damaged compressed data, an unsupported
    /// compression method, an unusable header, ...).
    public var result: Result<MiniDumpFile, MiniDumpError>

    /// Creates a member.
    public init(name: String?, result: Result<MiniDumpFile, MiniDumpError>) {
        self.name = name
        self.result = result
    }
}
