import Foundation
import MiniDumpWriter

/// `swift run make-testdumps [folder]`: writes every dump of `TestDumpCatalog` and its README into
/// `folder` (default `TestDumps`), creating `malformed/` as needed.
@main
struct MakeTestDumps {
    static let sizeLimit = 200 * 1024

    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.contains("-h") || arguments.contains("--help") || arguments.count > 1 {
            print("usage: make-testdumps [folder]   (default: \(TestDumpCatalog.folder))")
            exit(arguments.count > 1 ? 2 : 0)
        }
        let folder = URL(fileURLWithPath: arguments.first ?? TestDumpCatalog.folder, isDirectory: true)
        let dumps = TestDumpCatalog.all()
        var oversized = false
        for dump in dumps {
            let url = folder.appendingPathComponent(dump.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(dump.bytes).write(to: url)
            let note = dump.bytes.count > sizeLimit ? "  (over the \(sizeLimit / 1024) KiB limit)" : ""
            oversized = oversized || !note.isEmpty
            print("\(dump.path): \(dump.bytes.count) bytes\(note)")
        }
        try Data(TestDumpCatalog.readme(for: dumps).utf8).write(to: folder.appendingPathComponent("README.md"))
        print("README.md")
        if oversized { exit(1) }
    }
}
