import Foundation
import Testing
@testable import MiniDump
import MiniDumpWriter

/// The hostile files of `TestDumps/malformed/` (including every input the fuzzer found that once
/// broke the library, `fuzz-*.dmp`), and reading a file that shrinks while it is open.
@Suite("Robustness: malformed files")
struct RobustnessMalformedTests {
    @Test("Every file in TestDumps/malformed opens or throws, then decodes or throws", arguments: RobustnessCorpus.malformed)
    func malformed(_ dump: RobustnessCorpus.Dump) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dump.path)))
        // Through every way in: bytes, a mapped file, a file read into memory.
        let fromBytes = Result { () throws(MiniDumpError) in try DumpExerciser().exercise(bytes: bytes) }
        for access in [MiniDumpFile.Access.mapped, .read] {
            let fromPath = Result { () throws(MiniDumpError) in
                DumpExerciser().exercise(try MiniDumpFile.open(path: dump.path, access: access))
            }
            switch (fromBytes, fromPath) {
            case (.success(let lhs), .success(let rhs)):
                #expect(lhs.frames == rhs.frames && lhs.threads == rhs.threads && lhs.modules == rhs.modules)
            case (.failure(let lhs), .failure(let rhs)):
                #expect(lhs.kind == rhs.kind)
            default:
                Issue.record("\(dump.label): opening from bytes and from the path (\(access)) disagree")
            }
        }
        switch fromBytes {
        case .success(let summary):
            print("malformed: \(dump.label): \(summary.values) values, \(summary.errors) errors \(summary.errorKinds), \(summary.diagnostics) diagnostics")
        case .failure(let error):
            print("malformed: \(dump.label): does not open: \(error)")
        }
    }

    @Test("A file read with access .read survives being truncated on disk after opening")
    func truncatedAfterOpening() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath:
            SharedDumps.packageRoot.appendingPathComponent("TestDumps/amd64-access-violation.dmp").path)))
        let expected = DumpExerciser().exercise(try MiniDumpFile(bytes: bytes))
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("robustness-shrink-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).dmp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for opener in ["init", "open"] {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let file = opener == "init"
                ? try MiniDumpFile(path: path, access: .read)
                : try MiniDumpFile.open(path: path, access: .read)
            // Another process cuts the file to its header; a mapping would now raise SIGBUS on
            // the pages past the new end, the copy read at opening does not care.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: 32)
            try handle.close()
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.size] as? NSNumber)?.intValue == 32)
            let summary = DumpExerciser().exercise(file)
            #expect(file.fileSize == bytes.count)
            #expect(summary == expected, "decoding after the truncation sees the bytes read at opening")
            #expect(summary.threads > 0 && summary.frames > 0)
        }
    }
}
