import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Locates the real dumps in `shared/dumps` beside the package (or beside a parent folder, for nested
/// worktrees), or `MINIDUMP_SHARED_DUMPS`. Under `CI=true` a missing folder is a failure.
enum ScanSharedDumps {
    static let directory: URL? = {
        if let override = ProcessInfo.processInfo.environment["MINIDUMP_SHARED_DUMPS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var folder = CLIRunner.packageRoot
        for _ in 0..<3 {
            let url = folder.deletingLastPathComponent().appendingPathComponent("shared/dumps")
            if FileManager.default.fileExists(atPath: url.path) { return url }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// True when present; records an issue under `CI=true` when missing.
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if directory != nil { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("shared/dumps is missing, and CI=true: the scan tests over real dumps must run", sourceLocation: sourceLocation)
        }
        return false
    }

    /// `public/manifest.json`, keyed by file name.
    static let manifest: [String: [String: any Sendable]] = {
        guard let directory,
              let data = try? Data(contentsOf: directory.appendingPathComponent("public/manifest.json")),
              let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]
        else { return [:] }
        var table = [String: [String: any Sendable]]()
        for item in list {
            guard let file = item["file"] as? String else { continue }
            var entry = [String: any Sendable]()
            if let code = item["exception_code"] as? String { entry["exception_code"] = code }
            entry["malformed"] = (item["malformed"] as? Bool) ?? false
            table[file] = entry
        }
        return table
    }()
}

/// What a fixture file should come out as.
enum ScanExpectation: Equatable {
    /// Read, with this exception code (`nil`: no exception).
    case ok(UInt32?)
    /// Read, exception not checked.
    case okAny
    case error
    case skipped
    /// Read or failed (a malformed or truncated dump the library may or may not accept).
    case readOrError
}

/// A temporary folder mixing real dumps (copies and symlinks), TestDumps, junk, empty and truncated
/// files, gzip and cabinet inputs, a WER report folder with an .mdmp/.hdmp pair, links that dangle or
/// loop, and FIFOs; with the expected outcome of every file, keyed by its path below the root.
final class ScanFixture {
    let root: URL
    private(set) var expected = [String: ScanExpectation]()
    /// The relative paths of the WER pair.
    let werMini = "wer/AppCrash_MyService.exe_1234/WER7A61.tmp.mdmp"
    let werHeap = "wer/AppCrash_MyService.exe_1234/WER7B2C.tmp.hdmp"
    /// Whether real dumps from shared/dumps are part of it.
    let hasRealDumps: Bool

    init(realDumps: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dumpinspect-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        hasRealDumps = realDumps && ScanSharedDumps.available()
        try build()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The display path the scan prints for `relative` when the root is given as `root.path`.
    func shown(_ relative: String) -> String { root.path + "/" + relative }

    private func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    private func write(_ relative: String, _ bytes: [UInt8], _ expectation: ScanExpectation?) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        if let expectation { expected[relative] = expectation }
    }

    private func link(_ relative: String, to destination: String, _ expectation: ScanExpectation?) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
        if let expectation { expected[relative] = expectation }
    }

    static func testDump(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("TestDumps").appendingPathComponent(name)))
    }

    private func build() throws {
        let violation = try Self.testDump("amd64-access-violation.dmp")
        // TestDumps: good ones (exception codes from TestDumps/README.md) and the malformed ones.
        try write("testdumps/amd64-access-violation.dmp", violation, .ok(0xC000_0005))
        try write("testdumps/x86-breakpoint.dmp", try Self.testDump("x86-breakpoint.dmp"), .ok(0x8000_0003))
        try write("testdumps/arm64-linux-segv.dmp", try Self.testDump("arm64-linux-segv.dmp"), .ok(11))
        try write("testdumps/renamed.bin", try Self.testDump("padded-lists.dmp"), .okAny)  // by content, not name
        try write("testdumps/malformed/directory-count-ffffffff.dmp", try Self.testDump("malformed/directory-count-ffffffff.dmp"), .error)
        try write("testdumps/malformed/truncated.dmp", try Self.testDump("malformed/truncated.dmp"), .readOrError)
        try write("testdumps/crash-ü 1.dmp", violation, .ok(0xC000_0005))
        // Compressed: a gzip of a dump, gzip junk, damaged gzip, a cabinet.
        try write("compressed/violation.dmp.gz", GzipStored.wrap(violation), .ok(0xC000_0005))
        try write("compressed/violation.data", GzipStored.wrap(violation), .ok(0xC000_0005))
        try write("compressed/logs.gz", GzipStored.wrap(Array("just a log\n".utf8)), .skipped)
        try write("compressed/not-a-dump.dmp.gz", GzipStored.wrap(Array("just a log\n".utf8)), .error)
        try write("compressed/cut.dmp.gz", Array(GzipStored.wrap(violation).prefix(4000)), .error)
        try write("compressed/mszip.cab", try Self.testDump("compressed/mszip.cab"), .okAny)
        // Junk, empty and truncated files.
        try write("junk/notes.txt", Array("not a dump\n".utf8), .skipped)
        try write("junk/empty.bin", [], .skipped)
        try write("junk/empty.dmp", [], .error)
        try write("junk/fake.dmp", Array("<html>not a dump</html>".utf8), .error)
        try write("junk/we,ird \"name\".dmp", Array("text".utf8), .error)
        try write("junk/MDM", Array("MDM".utf8), .skipped)
        try write("truncated/header-only.dmp", Array(violation.prefix(20)), .error)
        try write("truncated/directory-cut.dmp", Array(violation.prefix(40)), .error)
        try write("truncated/half.dmp", Array(violation.prefix(violation.count / 2)), .readOrError)
        // A WER report folder: Report.wer (UTF-16LE), and an .mdmp/.hdmp pair of one crash.
        try write("wer/AppCrash_MyService.exe_1234/Report.wer", Self.reportWER, .skipped)
        try write(werMini, violation, .ok(0xC000_0005))
        try write(werHeap, violation, .ok(0xC000_0005))
        // Links and special files: dangling, a loop back to the root, a second route, FIFOs, a folder
        // named like a dump.
        try link("links/gone.dmp", to: root.appendingPathComponent("nowhere/missing.dmp").path, .error)
        try link("links/loop", to: "..", nil)
        try link("links/again", to: "../testdumps", nil)
        try link("links/violation-link.dmp", to: "../testdumps/amd64-access-violation.dmp", .ok(0xC000_0005))
        for (name, expectation) in [("links/pipe.dmp", ScanExpectation.error), ("links/pipe", .skipped)] {
            guard mkfifo(url(name).path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            expected[name] = expectation
        }
        try write("folder.dmp/inner.dmp", try Self.testDump("x86-breakpoint.dmp"), .ok(0x8000_0003))
        if hasRealDumps { try addRealDumps() }
    }

    /// Every public dump, alternately copied and symlinked; exception codes from the manifest.
    private func addRealDumps() throws {
        guard let directory = ScanSharedDumps.directory else { return }
        let folder = directory.appendingPathComponent("public")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dmp") }.sorted()
        #expect(names.count >= 50, "expected the public corpus, found \(names.count) dumps")
        for (index, name) in names.enumerated() {
            let entry = ScanSharedDumps.manifest[name]
            let malformed = (entry?["malformed"] as? Bool) ?? true
            let code = (entry?["exception_code"] as? String).flatMap { UInt32($0.dropFirst(2), radix: 16) }
            let expectation: ScanExpectation = malformed ? .readOrError : .ok(code)
            let relative = "real/" + (index % 2 == 0 ? "copies/" : "links/") + name
            if index % 2 == 0 {
                try write(relative, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))), expectation)
            } else {
                try link(relative, to: folder.appendingPathComponent(name).path, expectation)
            }
        }
    }

    /// A Report.wer as Windows writes it (UTF-16LE with a byte-order mark, CRLF lines) for the crash of
    /// `amd64-access-violation.dmp`: the values are TestDumps/README.md's (MyService.exe 3.2.1.0 linked
    /// 0x65E0C1C2, payments.dll 2.4.7.1 linked 0x65D48B10, 0xC0000005 at payments.dll+0x1A3F).
    static let reportWERText = """
        Version=1\r
        EventType=APPCRASH\r
        EventTime=133450000000000000\r
        Sig[0].Name=Application Name\r
        Sig[0].Value=MyService.exe\r
        Sig[1].Name=Application Version\r
        Sig[1].Value=3.2.1.0\r
        Sig[2].Name=Application Timestamp\r
        Sig[2].Value=65e0c1c2\r
        Sig[3].Name=Fault Module Name\r
        Sig[3].Value=payments.dll\r
        Sig[4].Name=Fault Module Version\r
        Sig[4].Value=2.4.7.1\r
        Sig[5].Name=Fault Module Timestamp\r
        Sig[5].Value=65d48b10\r
        Sig[6].Name=Exception Code\r
        Sig[6].Value=c0000005\r
        Sig[7].Name=Exception Offset\r
        Sig[7].Value=0000000000001a3f\r
        DynamicSig[1].Name=OS Version\r
        DynamicSig[1].Value=10.0.17763.2.0.0.272.7\r
        Response.BucketId=5d7bb6f2e0fa4c3a8a1f2b3c4d5e6f70\r

        """

    static var reportWER: [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in reportWERText.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }
}

/// Writes gzip files with stored (uncompressed) deflate blocks, so the tests need no gzip tool.
enum GzipStored {
    static func wrap(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let last: UInt8 = offset + count == data.count ? 1 : 0
            out.append(last)
            out += le16(UInt16(count)) + le16(~UInt16(count))
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        out += le32(crc32(data)) + le32(UInt32(truncatingIfNeeded: data.count))
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
