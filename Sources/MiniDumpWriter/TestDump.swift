import MiniDump

/// One file of `TestDumps/`: where it goes, what it shows, the streams it declares and its bytes.
///
/// Produced by ``TestDumpCatalog``; `make-testdumps` writes ``bytes`` to ``path`` and the tests
/// regenerate them to check that the committed files never drift from the generator.
public struct TestDump: Sendable {
    /// What opening the file is expected to do.
    public enum Expectation: Sendable, Hashable {
        /// `MiniDumpFile` opens it (its streams may still be broken).
        case opens
        /// `MiniDumpFile` throws `MiniDumpError` while reading the header or directory.
        case throwsOnOpen
    }

    /// Path relative to `TestDumps/` (`amd64-access-violation.dmp`, `malformed/truncated.dmp`).
    public var path: String
    /// A paragraph saying why the file exists and what to look at in it.
    public var summary: String
    /// The scene it was built from, or `nil` for a hand-built file.
    public var scene: DumpScene?
    /// The stream types of its directory, in order (empty when opening is expected to fail).
    public var declaredStreams: [StreamType]
    /// Whether it is expected to open.
    public var expectation: Expectation
    /// Markdown lines describing the contents (from the scene when there is one).
    public var details: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates an entry built from `scene` (its bytes, streams and details come from it).
    public init(path: String, summary: String, scene: DumpScene) {
        self.path = path
        self.summary = summary
        self.scene = scene
        self.declaredStreams = scene.streamTypes
        self.expectation = .opens
        self.details = scene.markdownDescription
        self.bytes = scene.build()
    }

    /// Creates a hand-built entry.
    public init(path: String, summary: String, declaredStreams: [StreamType], expectation: Expectation, details: String, bytes: [UInt8]) {
        self.path = path
        self.summary = summary
        self.scene = nil
        self.declaredStreams = declaredStreams
        self.expectation = expectation
        self.details = details
        self.bytes = bytes
    }
}
