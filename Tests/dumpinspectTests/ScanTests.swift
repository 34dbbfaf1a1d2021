import Foundation
import Testing

/// `dumpinspect scan` run as a user runs it, over a temporary folder of real dumps, TestDumps, junk,
/// truncated, compressed and unreadable files (``ScanFixture``).
@Suite(.serialized) struct ScanTests {
    /// Runs the scan and parses its NDJSON lines, checking each is one valid JSON object.
    static func ndjson(_ arguments: [String]) throws -> (result: CLIRunner.Result, records: [[String: Any]]) {
        let result = try CLIRunner.run(["scan", "--format", "ndjson"] + arguments)
        var records = [[String: Any]]()
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            records.append(try #require(object as? [String: Any], "not an object: \(line)"))
        }
        #expect(result.stdout.isEmpty || result.stdout.hasSuffix("\n"))
        return (result, records)
    }

    static func files(_ records: [[String: Any]]) -> [String] { records.compactMap { $0["file"] as? String } }

    @Test func everyFileIsAccountedForExactlyOnce() throws {
        let fixture = try ScanFixture()
        let (result, records) = try Self.ndjson(["--verbose", fixture.root.path])
        #expect(result.status == 1, "some files fail, so the status is 1: \(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress or colours when stderr is not a terminal: \(result.stderr)")
        let listed = Self.files(records)
        #expect(Set(listed).count == listed.count, "a file listed twice: \(Dictionary(grouping: listed) { $0 }.filter { $0.value.count > 1 }.keys)")
        let expectedFiles = Set(fixture.expected.keys.map(fixture.shown))
        #expect(Set(listed) == expectedFiles, """
            missing: \(expectedFiles.subtracting(listed).sorted())
            extra: \(Set(listed).subtracting(expectedFiles).sorted())
            """)
        for record in records {
            let file = try #require(record["file"] as? String)
            let relative = String(file.dropFirst(fixture.root.path.count + 1))
            guard let expectation = fixture.expected[relative] else { continue }
            let status = record["status"] as? String
            let exception = record["exception"] as? [String: Any]
            let code = (exception?["code"] as? String).flatMap { UInt32($0.dropFirst(2), radix: 16) }
            switch expectation {
            case .ok(let expectedCode):
                #expect(status == "ok", "\(relative): \(record["error"] ?? "")")
                #expect(code == expectedCode, "\(relative): exception \(String(describing: code)), expected \(String(describing: expectedCode))")
            case .okAny: #expect(status == "ok", "\(relative): \(record["error"] ?? "")")
            case .error: #expect(status == "error", "\(relative) should fail")
            case .skipped: #expect(status == "skipped", "\(relative) should be skipped: \(status ?? "?")")
            case .readOrError: #expect(status == "ok" || status == "error")
            }
            if status == "error" || status == "skipped" {
                #expect((record["error"] as? String)?.isEmpty == false, "\(relative) has no reason")
            } else {
                #expect(record["error"] is NSNull)
                #expect(record["bucket"] is String)
            }
            for key in ["file", "status", "error", "bucket", "exception", "fault", "application", "timestamp", "sizeBytes"] {
                #expect(record[key] != nil, "\(relative): missing \(key)")
            }
        }
        // Sizes are the files' sizes on disk.
        let violation = try #require(records.first { ($0["file"] as? String)?.hasSuffix("testdumps/amd64-access-violation.dmp") == true })
        #expect((violation["sizeBytes"] as? NSNumber)?.intValue == (try ScanFixture.testDump("amd64-access-violation.dmp")).count)
        #expect(violation["timestamp"] as? String == "2024-03-14T09:26:53Z", "TestDumps/README.md gives 0x65F2C2DD")
        // Without --verbose, skipped files are not written but everything else is.
        let (_, quiet) = try Self.ndjson([fixture.root.path])
        let skipped = Set(records.filter { $0["status"] as? String == "skipped" }.compactMap { $0["file"] as? String })
        #expect(Set(Self.files(quiet)) == Set(listed).subtracting(skipped))
    }

    /// The wine dumps' exception code and faulting module+offset against `wine/truth.json` (recorded
    /// when the programs crashed, independently of this project).
    @Test func faultsMatchWineGroundTruth() throws {
        guard ScanSharedDumps.available(), let directory = ScanSharedDumps.directory else { return }
        let data = try Data(contentsOf: directory.appendingPathComponent("wine/truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let dumps = try #require(truth["dumps"] as? [[String: Any]])
        let folder = directory.appendingPathComponent("wine").path
        let (result, records) = try Self.ndjson([folder])
        #expect(result.status == 0, "\(result.stderr)")
        var checked = 0
        var overflows = 0
        for dump in dumps {
            let name = try #require((dump["file"] as? String)?.split(separator: "/").last.map(String.init))
            let record = try #require(records.first { $0["file"] as? String == folder + "/" + name }, "\(name) not listed")
            #expect(record["status"] as? String == "ok", "\(name): \(record["error"] ?? "")")
            let exception = try #require(dump["exception"] as? [String: Any])
            let expectedCode = (exception["code"] as? String).flatMap { UInt32($0.dropFirst(2), radix: 16) }
            let code = ((record["exception"] as? [String: Any])?["code"] as? String).flatMap { UInt32($0.dropFirst(2), radix: 16) }
            #expect(code == expectedCode, "\(name)")
            if let fault = dump["fault"] as? [String: Any], let module = fault["module"] as? String,
               let rva = (fault["rva"] as? String).flatMap({ UInt64($0.dropFirst(2), radix: 16) }) {
                let expected = "\(module)+0x\(String(rva, radix: 16))".lowercased()
                #expect((record["fault"] as? String)?.lowercased() == expected, "\(name)")
                checked += 1
            }
            #expect((record["application"] as? String)?.lowercased().hasSuffix(".exe") == true, "\(name)")
            if let overflow = dump["stack_overflow"] as? [String: Any] {
                try Self.checkRecursion(record, overflow, name)
                overflows += 1
            } else {
                #expect(record["recursion"] == nil, "\(name): no recursion expected")
            }
        }
        #expect(overflows >= 3)
        #expect(checked >= 20, "expected the truth to name the faulting module of most dumps")
    }

    /// The recursion cycle's frames (`module+0xoffset`) fall in the truth's cycle functions, in call
    /// order (from any starting point of the cycle).
    static func checkRecursion(_ record: [String: Any], _ overflow: [String: Any], _ name: String) throws {
        let expected = try #require(overflow["cycle_functions_call_order"] as? [String])
        let ranges = try #require(overflow["cycle_function_rva_ranges"] as? [String: [String]])
        let cycle = try #require(record["recursion"] as? [String], "\(name): no recursion")
        let functions = cycle.map { frame -> String? in
            guard let plus = frame.lastIndex(of: "+"), let rva = UInt64(frame[frame.index(plus, offsetBy: 3)...], radix: 16) else { return nil }
            return ranges.first { _, range in
                guard range.count == 2, let low = UInt64(range[0].dropFirst(2), radix: 16),
                      let high = UInt64(range[1].dropFirst(2), radix: 16) else { return false }
                return rva >= low && rva < high
            }?.key
        }
        let rotations = expected.indices.map { Array(expected[$0...] + expected[..<$0]) }
        #expect(rotations.contains(functions.compactMap { $0 }) && !functions.contains(nil),
                "\(name): cycle \(cycle) is \(functions), expected \(expected)")
    }

    @Test func bucketsAgreeAcrossRunsAndJobCounts() throws {
        let fixture = try ScanFixture()
        var documents = [String]()
        for jobs in ["1", "4", "4", "2"] {
            let result = try CLIRunner.run(["scan", "--format", "json", "--jobs", jobs, fixture.root.path])
            #expect(result.status == 1)
            let json = try CLIRunner.jsonObject(result.stdout)
            let buckets = try #require(json["buckets"] as? [[String: Any]])
            #expect(!buckets.isEmpty)
            let counts = buckets.compactMap { ($0["count"] as? NSNumber)?.intValue }
            #expect(counts == counts.sorted(by: >), "most frequent first")
            documents.append(result.stdout)
        }
        #expect(Set(documents).count == 1, "the JSON document is identical for --jobs 1, 2 and 4 and from run to run")
        // The table too.
        let first = try CLIRunner.run(["scan", "--jobs", "1", "--limit", "0", fixture.root.path])
        let second = try CLIRunner.run(["scan", "--jobs", "4", "--limit", "0", fixture.root.path])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.contains("\u{1B}"), "no colours when stdout is not a terminal")
    }

    @Test func shardsPartitionTheFiles() throws {
        let fixture = try ScanFixture()
        let (_, whole) = try Self.ndjson(["--verbose", fixture.root.path])
        var union = [String]()
        for index in 1...3 {
            let (result, part) = try Self.ndjson(["--verbose", "--shard", "\(index)/3", fixture.root.path])
            #expect(result.status == 0 || result.status == 1)
            union += Self.files(part)
            // The .mdmp/.hdmp pair stays in one shard.
            let names = Set(Self.files(part))
            #expect(names.contains(fixture.shown(fixture.werMini)) == names.contains(fixture.shown(fixture.werHeap)))
        }
        #expect(union.count == Set(union).count, "shards overlap")
        #expect(Set(union) == Set(Self.files(whole)))
        // The shard depends on the path below the root only: scanning through a link agrees.
        let alias = fixture.root.deletingLastPathComponent().appendingPathComponent("alias-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: fixture.root.path)
        defer { try? FileManager.default.removeItem(at: alias) }
        let (_, direct) = try Self.ndjson(["--verbose", "--shard", "2/3", fixture.root.path])
        let (_, linked) = try Self.ndjson(["--verbose", "--shard", "2/3", alias.path])
        #expect(Set(Self.files(direct).map { $0.dropFirst(fixture.root.path.count) })
            == Set(Self.files(linked).map { $0.dropFirst(alias.path.count) }))
    }

    @Test func werReportAndHeapDumpCountOnce() throws {
        let fixture = try ScanFixture(realDumps: false)
        let (_, records) = try Self.ndjson([fixture.root.path])
        let mini = try #require(records.first { $0["file"] as? String == fixture.shown(fixture.werMini) })
        let heap = try #require(records.first { $0["file"] as? String == fixture.shown(fixture.werHeap) })
        #expect(heap["duplicateOf"] as? String == fixture.shown(fixture.werMini))
        #expect(heap["status"] as? String == "ok")
        #expect(mini["duplicateOf"] == nil)
        let attached = try #require(mini["heapDump"] as? [String: Any])
        #expect(attached["file"] as? String == fixture.shown(fixture.werHeap))
        #expect(attached["status"] as? String == "ok")
        let wer = try #require(mini["wer"] as? [String: Any])
        #expect(wer["eventType"] as? String == "APPCRASH")
        #expect(wer["bucketId"] as? String == "5d7bb6f2e0fa4c3a8a1f2b3c4d5e6f70")
        let parameters = try #require(wer["parameters"] as? [[String: Any]])
        #expect(parameters.count == 8)
        #expect(parameters.first?["name"] as? String == "Application Name")
        #expect(parameters.first?["value"] as? String == "MyService.exe")
        #expect(wer["signature"] as? String
            == "MyService.exe!3.2.1.0!65e0c1c2!payments.dll!2.4.7.1!65d48b10!c0000005!0000000000001a3f")
        // Our bucket's P1…P8 are what WER itself filed the crash under.
        let signature = try #require(wer["signature"] as? String)
        #expect((mini["bucket"] as? String)?.hasPrefix(signature) == true, "ours \(mini["bucket"] ?? ""), WER's \(signature)")
        // Dumps elsewhere have no Report.wer beside them.
        let other = try #require(records.first { ($0["file"] as? String)?.hasSuffix("testdumps/x86-breakpoint.dmp") == true })
        #expect(other["wer"] == nil)
        // The JSON summary counts the pair once.
        let json = try CLIRunner.jsonObject(try CLIRunner.run(["scan", "--format", "json", fixture.root.path]).stdout)
        let summary = try #require(json["summary"] as? [String: Any])
        let ok = try #require((summary["ok"] as? NSNumber)?.intValue)
        #expect((summary["heapDumpsCountedWithMiniDump"] as? NSNumber)?.intValue == 1)
        #expect((summary["crashes"] as? NSNumber)?.intValue == ok - 1)
        let buckets = try #require(json["buckets"] as? [[String: Any]])
        #expect(buckets.reduce(0) { $0 + (($1["count"] as? NSNumber)?.intValue ?? 0) } == ok - 1)
        #expect(buckets.contains { ($0["werSignatures"] as? [String])?.first?.hasPrefix("APPCRASH MyService.exe!") == true })
        // The table shows WER's parameters beside ours.
        let table = try CLIRunner.run(["scan", fixture.root.path]).stdout
        #expect(table.contains("APPCRASH MyService.exe!3.2.1.0!"))
        #expect(table.contains("1 .hdmp counted with its .mdmp"))
    }

    @Test func csvHasOneQuotedRowPerFile() throws {
        let fixture = try ScanFixture(realDumps: false)
        let result = try CLIRunner.run(["scan", "--format", "csv", "--verbose", fixture.root.path])
        #expect(result.status == 1)
        let rows = try Self.parseCSV(result.stdout)
        let header = try #require(rows.first)
        #expect(Array(header.prefix(10)) == ["file", "status", "error", "bucket", "exceptionCode", "exceptionName", "fault", "application", "timestamp", "sizeBytes"])
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let files = rows.dropFirst().map { $0[0] }
        #expect(Set(files) == Set(fixture.expected.keys.map(fixture.shown)))
        #expect(files.count == Set(files).count)
        #expect(files == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "sorted by path")
        #expect(files.contains(fixture.shown("junk/we,ird \"name\".dmp")), "a name with a comma and quotes survives quoting")
        #expect(result.stdout.contains("\"\(fixture.root.path)/junk/we,ird \"\"name\"\".dmp\""))
    }

    /// RFC 4180: CRLF records, quoted fields with doubled quotes.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows = [[String]]()
        var row = [String]()
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r" {
                #expect(characters.first == "\n", "records end in CRLF")
                characters = characters.dropFirst()
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(character)
            }
        }
        #expect(field.isEmpty && row.isEmpty, "the last record ends in CRLF")
        return rows
    }

    @Test func exitStatuses() throws {
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("dumpinspect-clean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: clean) }
        try Data(try ScanFixture.testDump("x86-breakpoint.dmp")).write(to: clean.appendingPathComponent("a.dmp"))
        try Data("notes".utf8).write(to: clean.appendingPathComponent("notes.txt"))
        let ok = try CLIRunner.run(["scan", clean.path])
        #expect(ok.status == 0, "read and skipped files only: \(ok.stdout)")
        #expect(ok.stderr.isEmpty)
        #expect(ok.stdout.contains("0 failed"))

        let missing = try CLIRunner.run(["scan", "no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/folder"))
        #expect(missing.stdout.isEmpty)

        let (partly, records) = try Self.ndjson([clean.path, "no/such/folder"])
        #expect(partly.status == 1, "a missing input among existing ones is a failure")
        #expect(records.contains { $0["file"] as? String == "no/such/folder" && $0["status"] as? String == "error" })

        #expect(try CLIRunner.run(["scan", "--shard", "0/3", clean.path]).status == 64)
        #expect(try CLIRunner.run(["scan", "--shard", "4/3", clean.path]).status == 64)
        #expect(try CLIRunner.run(["scan", "--jobs", "0", clean.path]).status == 64)
        let help = try CLIRunner.run(["scan", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("--skip-done"))
    }

    @Test func resumeSkipsFilesAlreadyDone() throws {
        let fixture = try ScanFixture(realDumps: false)
        let (_, whole) = try Self.ndjson(["--verbose", fixture.root.path])
        // A first run that stopped after shard 1 of 2, its last line cut in half by the interruption.
        let first = try CLIRunner.run(["scan", "--format", "ndjson", "--verbose", "--shard", "1/2", fixture.root.path])
        var lines = first.stdout.split(separator: "\n").map(String.init)
        let last = lines.popLast()
        let cut = try #require(last)
        let done = fixture.root.deletingLastPathComponent().appendingPathComponent("done-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: done) }
        try Data((lines.joined(separator: "\n") + "\n" + cut.prefix(cut.count / 2)).utf8).write(to: done)
        let (_, rest) = try Self.ndjson(["--verbose", "--skip-done", done.path, fixture.root.path])
        let firstFiles = lines.compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
        let resumed = Self.files(rest)
        #expect(Set(firstFiles).isDisjoint(with: resumed), "nothing done is redone")
        #expect(Set(firstFiles).union(resumed) == Set(Self.files(whole)))
        #expect(firstFiles.count + resumed.count == whole.count)
        // A done list that does not exist yet is empty.
        let (fresh, again) = try Self.ndjson(["--verbose", "--skip-done", done.path + ".missing", fixture.root.path])
        #expect(fresh.status == 1)
        #expect(again.count == whole.count)
    }

    @Test func tableGoldenOverTestDumps() throws {
        try Self.compareGolden(["scan", "TestDumps"], "testdumps-table.txt")
        try Self.compareGolden(["scan", "--verbose", "--limit", "2", "TestDumps"], "testdumps-table-verbose-limit2.txt")
    }

    /// Compares the output with `Snapshots/scan/<name>`; `DUMPINSPECT_UPDATE_SNAPSHOTS=1` rewrites it.
    /// Paths are relative to the package root (the runner's working directory), so nothing depends on
    /// where the checkout lives; any absolute package path is replaced by `<root>` all the same.
    static func compareGolden(_ arguments: [String], _ name: String) throws {
        let result = try CLIRunner.run(arguments)
        let output = result.stdout.replacingOccurrences(of: CLIRunner.packageRoot.path, with: "<root>")
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/dumpinspectTests/Snapshots/scan/\(name)")
        if ProcessInfo.processInfo.environment["DUMPINSPECT_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(output == golden, "dumpinspect \(arguments.joined(separator: " ")) differs from \(name)")
    }
}
