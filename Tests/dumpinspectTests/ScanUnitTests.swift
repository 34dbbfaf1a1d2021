import Foundation
import MiniDumpWriter
import Testing
@testable import dumpinspect

/// The pure pieces of `dumpinspect scan`: WER parsing, shards, CSV and JSON text, pairing, tallies.
@Suite struct ScanUnitTests {
    // MARK: Report.wer

    @Test func werReportInUTF16LEWithBOM() {
        let report = WERReport.parse(ScanFixture.reportWER, file: "Report.wer")
        #expect(report.error == nil)
        #expect(report.eventType == "APPCRASH")
        #expect(report.bucketId == "5d7bb6f2e0fa4c3a8a1f2b3c4d5e6f70")
        #expect(report.parameters.map(\.name) == [
            "Application Name", "Application Version", "Application Timestamp", "Fault Module Name",
            "Fault Module Version", "Fault Module Timestamp", "Exception Code", "Exception Offset",
        ])
        #expect(report.parameters.first?.value == "MyService.exe")
        #expect(report.signature == "MyService.exe!3.2.1.0!65e0c1c2!payments.dll!2.4.7.1!65d48b10!c0000005!0000000000001a3f")
    }

    @Test func werReportInUTF8AndUTF16WithoutBOM() {
        let text = "EventType=BEX64\nSig[1].Name=Version\nSig[1].Value=1.0\nSig[0].Name=Application Name\nSig[0].Value=app.exe\n"
        let utf8 = WERReport.parse(Array(text.utf8), file: "r")
        #expect(utf8.eventType == "BEX64")
        #expect(utf8.parameters.map(\.value) == ["app.exe", "1.0"], "ordered by index, not by line")
        var utf16 = [UInt8]()
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(WERReport.parse(utf16, file: "r") == WERReport(file: "r", eventType: "BEX64", parameters: utf8.parameters))
        var utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        utf8BOM += Array(text.utf8)
        #expect(WERReport.parse(utf8BOM, file: "r").parameters == utf8.parameters)
    }

    @Test func werReportWithoutKeysIsAnError() {
        #expect(WERReport.parse(Array("hello\nworld".utf8), file: "r").error != nil)
        #expect(WERReport.parse([], file: "r").error != nil)
        #expect(WERReport.parse(Array("Sig[x].Value=1\nSig[99999999999].Value=2".utf8), file: "r").error != nil)
        #expect(WERReport.read(path: "/no/such/Report.wer").error != nil)
    }

    // MARK: Shards

    @Test func shardParsing() {
        #expect(ScanShard(parsing: "2/4") == ScanShard(parsing: "2/4"))
        #expect(ScanShard(parsing: "2/4")?.index == 2)
        #expect(ScanShard(parsing: "1/1") != nil)
        for bad in ["0/3", "4/3", "1/0", "-1/3", "1", "a/b", "1/2/3", "", "/"] {
            #expect(ScanShard(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func fnv1aKnownValues() {
        // The published 64-bit FNV-1a test vectors.
        #expect(ScanShard.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(ScanShard.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(ScanShard.fnv1a("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func shardsPartitionAnySetOfPaths() {
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var random = SplitMix64(seed: seed)
        let paths = (0..<2000).map { _ in "dir\(random.next() % 50)/file\(random.next()).dmp" }
        for count in [1, 2, 3, 7] {
            let shards = (1...count).compactMap { ScanShard(parsing: "\($0)/\(count)") }
            for path in paths {
                #expect(shards.filter { $0.contains(path) }.count == 1, "seed \(seed): \(path) in \(count) shards")
            }
            if count > 1 {
                let sizes = shards.map { shard in paths.filter(shard.contains).count }
                #expect(sizes.allSatisfy { $0 > paths.count / count / 2 }, "seed \(seed): uneven shards \(sizes)")
            }
        }
    }

    // MARK: Text formats

    @Test func csvQuotingFollowsRFC4180() {
        #expect(CSV.line(["a", "b c", ""]) == "a,b c,\r\n")
        #expect(CSV.field("x,y") == "\"x,y\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("cr\r\nlf") == "\"cr\r\nlf\"")
    }

    /// JSON strings escape `"`, `\`, the C0 controls and DEL, wherever they fall in the eight-byte
    /// blocks the writer tests at once, and copy everything else (UTF-8 included) unchanged.
    @Test func jsonStringsEscapeExactlyTheBytesThatNeedIt() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0..<0x20, 0x7F:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u00" + (hex.count < 2 ? "0" : "") + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "Z", "~", " ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "ü", "😀", "0123456"]
        var random = SplitMix64(seed: 0x4A53_4F4E)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 40) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(JSON.string(text).serialized() == reference(text), "\(text.debugDescription)")
        }
        #expect(JSON.string("12345678\"").serialized() == #""12345678\"""#)
        #expect(JSON.string("1234567\u{7F}abcdefgh").serialized() == #""1234567\u007fabcdefgh""#)
    }

    @Test func jsonParsingRoundTrips() {
        let value: JSON = .object([
            ("file", .string("a \"quoted\"\\path\n\t\u{01}ü😀")),
            ("n", .int(-42)), ("big", .uint(UInt64.max)), ("d", .double(1.5)),
            ("list", .array([.null, .bool(true), .bool(false), .object([]), .array([])])),
        ])
        #expect(JSON.parse(Substring(value.serialized())) == value)
        #expect(JSON.parse(Substring(value.serialized(pretty: true))) == value)
        #expect(JSON.parse("\"\\ud83d\\ude00\"") == .string("😀"))
        #expect(JSON.parse("{\"a\":1}")?.member("a") == .int(1))
        for bad in ["", "{", "{\"file\":\"x\"", "{\"a\" 1}", "[1,]", "tru", "\"a", "{} x", "\"\u{01}\"", "{\"a\":1,}"] {
            #expect(JSON.parse(Substring(bad)) == nil, "\(bad)")
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSON.parse(Substring(deep)) == nil, "deep nesting is refused, not a stack overflow")
    }

    @Test func recordJSONShape() throws {
        var record = ScanRecord(file: "d/a.dmp", relativePath: "a.dmp", status: .ok, sizeBytes: 10)
        record.exceptionCode = 0xC000_0005
        record.exceptionName = "EXCEPTION_ACCESS_VIOLATION"
        record.timestamp = 0x65F2_C2DD
        record.bucket = "b"
        let json = record.json
        let keys: [String] = {
            guard case .object(let members) = json else { return [] }
            return members.map(\.0)
        }()
        #expect(keys == ["file", "status", "error", "bucket", "exception", "fault", "application", "timestamp", "sizeBytes"])
        #expect(json.member("timestamp") == .string("2024-03-14T09:26:53Z"))
        #expect(json.member("exception")?.member("code") == .string("0xC0000005"))
        #expect(record.csvFields.count == ScanRecord.csvHeader.count)
    }

    @Test func doneListKeepsWholeLinesOnly() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("done-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "{\"file\":\"a.dmp\",\"status\":\"ok\"}\n\n{\"status\":\"error\",\"file\":\"b \\\"q\\\".dmp\"}\r\n[1]\n{\"file\":\"c.d"
        try Data(text.utf8).write(to: url)
        let list = try ScanDoneList.read(path: url.path).get()
        #expect(list.files == ["a.dmp", "b \"q\".dmp"])
        #expect(list.ignoredLines == 2, "the array and the cut-off last line")
        #expect(try ScanDoneList.read(path: url.path + ".missing").get().files.isEmpty)
    }

    // MARK: Walking and pairing

    static func input(_ name: String) -> ScanInput { ScanInput(path: "r/" + name, relativePath: name) }

    @Test func pairsBySameStem() {
        let units = ScanWalker.units(of: ["a.hdmp", "a.mdmp", "b.mdmp", "c.txt"].map(Self.input), werReport: nil)
        #expect(units.map { $0.files.map(\.relativePath) } == [["a.mdmp", "a.hdmp"], ["b.mdmp"], ["c.txt"]])
    }

    @Test func pairsTheOnlyMiniAndHeapDumpOfAReportFolder() {
        let units = ScanWalker.units(of: ["Report.wer", "WER1.tmp.mdmp", "WER2.tmp.hdmp"].map(Self.input), werReport: "r/Report.wer")
        #expect(units.map { $0.files.map(\.relativePath) } == [["Report.wer"], ["WER1.tmp.mdmp", "WER2.tmp.hdmp"]])
        #expect(units.allSatisfy { $0.werReport == "r/Report.wer" })
        // Two of each with no common stem: nothing to pair them by.
        let ambiguous = ScanWalker.units(of: ["1.mdmp", "2.mdmp", "3.hdmp", "4.hdmp"].map(Self.input), werReport: nil)
        #expect(ambiguous.allSatisfy { $0.files.count == 1 })
        #expect(ambiguous.count == 4)
    }

    @Test func pairFoldsOnlyTheSameCrash() {
        func record(_ name: String, pid: UInt32, status: ScanRecord.Status = .ok) -> ScanRecord {
            var record = ScanRecord(file: name, relativePath: name, status: status)
            record.identity = CrashIdentity(processId: pid, threadId: 7, exceptionCode: 5, exceptionAddress: 0x10)
            return record
        }
        var same = [record("a.mdmp", pid: 1), record("a.hdmp", pid: 1)]
        ScanFileReader.pair(&same)
        #expect(same[1].duplicateOf == "a.mdmp")
        #expect(same[0].heapDump?.file == "a.hdmp")
        var different = [record("a.mdmp", pid: 1), record("a.hdmp", pid: 2)]
        ScanFileReader.pair(&different)
        #expect(different[1].duplicateOf == nil, "different processes are two crashes")
        var failed = [record("a.mdmp", pid: 1, status: .error), record("a.hdmp", pid: 1)]
        ScanFileReader.pair(&failed)
        #expect(failed[1].duplicateOf == nil, "the .hdmp counts when its .mdmp could not be read")
        #expect(CrashIdentity(processId: 1).matches(CrashIdentity(processId: 1, threadId: 3)))
    }

    @Test func smallFilesAreReadWholeLargeOnesMapped() {
        let limit = ScanFileReader.readWholeLimit
        #expect(ScanFileReader.access(forSize: 0, allowed: .mapped) == .read)
        #expect(ScanFileReader.access(forSize: limit, allowed: .mapped) == .read)
        #expect(ScanFileReader.access(forSize: limit + 1, allowed: .mapped) == .mapped)
        #expect(ScanFileReader.access(forSize: 16 << 30, allowed: .mapped) == .mapped)
        // --no-mmap reads every file.
        #expect(ScanFileReader.access(forSize: limit + 1, allowed: .read) == .read)
        #expect(ScanFileReader.access(forSize: 16 << 30, allowed: .read) == .read)
    }

    @Test func vanishedAndSpecialFilesAreRecordsNotCrashes() {
        let reader = ScanFileReader()
        let gone = reader.record(for: ScanInput(path: "/no/such/dir/x.dmp", relativePath: "x.dmp"))
        #expect(gone.status == .error)
        #expect(gone.error?.contains("vanished") == true)
        let known = reader.record(for: ScanInput(path: "p", relativePath: "p", problem: "dangling symbolic link"))
        #expect(known.status == .error && known.error == "dangling symbolic link")
        let named = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).dmp")
        #expect((try? FileManager.default.createDirectory(at: named, withIntermediateDirectories: true)) != nil)
        defer { try? FileManager.default.removeItem(at: named) }
        let folder = reader.record(for: ScanInput(path: named.path, relativePath: "x.dmp"))
        #expect(folder.status == .error, "a folder named like a dump, if handed over as a file, is an error")
    }

    @Test func walkerFollowsLinksOnceAndPrefersRealPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scan-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("b/deep/deeper"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("b/deep/deeper/f.txt"))
        try Data("y".utf8).write(to: root.appendingPathComponent("b/g.txt"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("a-link").path, withDestinationPath: "b")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("b/deep/up").path, withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        let walk = ScanWalker.walk([root.path + "/"])
        let files = walk.units.flatMap(\.files)
        #expect(files.map(\.relativePath) == ["dangling", "b/g.txt", "b/deep/deeper/f.txt"])
        #expect(files.first?.problem?.contains("dangling") == true)
        #expect(Set(walk.skippedFolderLinks.map { String($0.dropFirst(root.path.count)) }) == ["/a-link", "/b/deep/up"])
        #expect(files.allSatisfy { $0.path == root.path + "/" + $0.relativePath }, "the trailing slash of the root is dropped")
    }

    // MARK: Tally

    @Test func tallyIsIndependentOfOrder() {
        var records = [ScanRecord]()
        for index in 0..<60 {
            var record = ScanRecord(file: "f\(index)", relativePath: "f\(index)", status: index % 7 == 0 ? .error : .ok)
            record.bucket = "bucket\(index % 5)"
            record.timestamp = UInt32(1000 + index)
            record.fault = "fault\(index % 5)"
            records.append(record)
        }
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var random = SplitMix64(seed: seed)
        var ordered = ScanTally()
        records.forEach { ordered.add($0) }
        for _ in 0..<5 {
            var shuffled = ScanTally()
            records.shuffled(using: &random).forEach { shuffled.add($0) }
            #expect(shuffled.sortedBuckets == ordered.sortedBuckets, "seed \(seed)")
        }
        #expect(ordered.failed == 9 && ordered.ok == 51 && ordered.crashes == 51)
        #expect(ordered.sortedBuckets.map(\.count) == ordered.sortedBuckets.map(\.count).sorted(by: >))
    }

    @Test func progressLine() {
        #expect(ScanProgress.line(done: 0, total: 0, elapsed: .zero).contains("0/0 files"))
        let line = ScanProgress.line(done: 50, total: 100, elapsed: .seconds(10))
        #expect(line.contains("50/100 files") && line.contains("50%") && line.contains("5.0 files/s") && line.contains("ETA 0:10"))
        #expect(ScanProgress.clock(3725) == "1:02:05")
        #expect(ScanProgress.clock(.infinity) == "?")
    }
}

