import Foundation
import MiniDump
import Testing

/// The shared dumps for the analysis tests: `SharedDumps` when it finds them, otherwise the first
/// `shared/dumps` in a folder above the package (a worktree under `wt/` sits one level deeper than
/// the main checkout).
enum AnalysisDumps {
    static let directory: URL? = {
        if let found = SharedDumps.directory { return found }
        var folder = SharedDumps.packageRoot.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("shared/dumps")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("wine/truth.json").path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// True when the dumps are present (see `SharedDumps.available`).
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        directory != nil || SharedDumps.available(sourceLocation: sourceLocation)
    }

    static func files(in folder: String, includeCompressed: Bool = false) -> [String] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".dmp") || (includeCompressed && $0.hasSuffix(".dmp.gz")) }.sorted()
    }

    static func path(_ folder: String, _ name: String) -> String {
        (directory ?? SharedDumps.packageRoot).appendingPathComponent(folder).appendingPathComponent(name).path
    }

    static func json(_ relativePath: String) -> Any? {
        guard let directory, let data = try? Data(contentsOf: directory.appendingPathComponent(relativePath)) else {
            return nil
        }
        return try? JSONSerialization.jsonObject(with: data)
    }

    nonisolated(unsafe) static let wineTruth: [String: Any]? = json("wine/truth.json") as? [String: Any]

    nonisolated(unsafe) static let manifest: [String: [String: Any]] = {
        var table = [String: [String: Any]]()
        for item in json("public/manifest.json") as? [[String: Any]] ?? [] {
            if let file = item["file"] as? String { table[file] = item }
        }
        return table
    }()
}

/// Decompresses the shared `*.dmp.gz` dumps once per test run into a temporary folder.
enum GzipFixture {
    nonisolated(unsafe) private static var cache: [String: String] = [:]
    private static let lock = NSLock()

    /// The path of the decompressed copy of `wine/<name>` (a `.dmp.gz`), or `nil` when it cannot be made.
    static func path(_ folder: String, _ name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let done = cache[name] { return done }
        let source = AnalysisDumps.path(folder, name)
        guard FileManager.default.fileExists(atPath: source) else { return nil }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("minidump-analysis-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent(String(name.dropLast(3)))
        guard FileManager.default.createFile(atPath: target.path, contents: nil),
              let output = try? FileHandle(forWritingTo: target) else { return nil }
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", source]
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        cache[name] = target.path
        return target.path
    }

    /// Opens `wine/<name>`, decompressing `.gz` files first.
    static func open(_ folder: String, _ name: String) -> MiniDumpFile? {
        let file = name.hasSuffix(".gz") ? path(folder, name) : AnalysisDumps.path(folder, name)
        return file.flatMap { try? MiniDumpFile(path: $0) }
    }
}

/// The wine dumps' entry in `truth.json` by file name (`wine/x64_...`).
func wineTruthEntry(_ file: String) -> [String: Any]? {
    let dumps = AnalysisDumps.wineTruth?["dumps"] as? [[String: Any]] ?? []
    return dumps.first { ($0["file"] as? String) == "wine/" + file }
}

@Suite struct ProcessEnvironmentTests {
    static let fullDumps = ["x64_O0_w3wp_oop_fullmem.full.dmp.gz", "x64_O0_mt_worker_oop_fullmem.full.dmp.gz"]

    @Test(arguments: fullDumps)
    func fullDumpMatchesTruth(file: String) throws {
        guard AnalysisDumps.available(), let truth = wineTruthEntry(file),
              let peb = truth["peb_check"] as? [String: Any] else { return }
        let dump = try #require(GzipFixture.open("wine", file), "\(file) did not open")
        let environment = try #require(dump.processEnvironment(), "\(file): no process environment")
        #expect(environment.pebAddress == jsonUInt64(peb["peb_0x60"]))
        #expect(environment.imageBaseAddress == jsonUInt64(peb["peb_image_base_0x10"]))
        #expect(environment.processParametersAddress == jsonUInt64(peb["process_parameters_0x20"]))
        let commandLine = (peb["command_line"] as? [String: Any])?["value"] as? String
        let imagePath = (peb["image_path_name"] as? [String: Any])?["value"] as? String
        let currentDirectory = (peb["current_directory"] as? [String: Any])?["value"] as? String
        #expect(environment.commandLine == commandLine)
        #expect(environment.imagePath == imagePath)
        #expect(environment.currentDirectory == currentDirectory)
        let names = (peb["environment_variable_names"] as? [String]) ?? []
        let found = (environment.environment ?? []).map { String($0.prefix { $0 != "=" }) }
        #expect(found == names, "\(file): environment variable names")

        // The faulting thread's TEB.
        let tebAddress = jsonUInt64(peb["teb"])
        let exception = try #require(try dump.exception())
        let thread = try #require(environment.thread(exception.threadId))
        #expect(thread.tebAddress == tebAddress)
        #expect(UInt64(thread.lastErrorValue) == jsonUInt64(peb["last_error_value_0x68"]))
        #expect(thread.pebAddress == environment.pebAddress)
        #expect(thread.stackBase > thread.stackLimit)
        #expect(environment.threads.count == ((truth["threads"] as? [String: Any])?["count"] as? Int))
    }

    @Test func w3wpAppPoolAndLastError() throws {
        let file = "x64_O0_w3wp_oop_fullmem.full.dmp.gz"
        guard AnalysisDumps.available(), let truth = wineTruthEntry(file),
              let w3wp = truth["w3wp"] as? [String: Any] else { return }
        let dump = try #require(GzipFixture.open("wine", file))
        let environment = try #require(dump.processEnvironment())
        #expect(environment.iisAppPoolName == w3wp["app_pool"] as? String)
        #expect(environment.commandLine == w3wp["command_line"] as? String)
        #expect(environment.imagePath == w3wp["image_path"] as? String)
        #expect(environment.currentDirectory == w3wp["current_directory"] as? String)
        let threadId = try #require(w3wp["faulting_thread_id"] as? Int)
        let thread = try #require(environment.thread(UInt32(threadId)))
        #expect(UInt64(thread.lastErrorValue) == jsonUInt64(w3wp["expected_last_error"]))
        #expect(thread.lastErrorName == w3wp["expected_last_error_name"] as? String)
        #expect(thread.tebAddress == jsonUInt64(w3wp["faulting_thread_teb"]))
    }

    /// Small dumps hold no TEB or PEB: the environment is absent, and asking never fails.
    @Test(arguments: AnalysisDumps.files(in: "wine"))
    func smallDumpsHaveNoEnvironment(file: String) throws {
        guard AnalysisDumps.available(), let truth = wineTruthEntry(file),
              let peb = truth["peb_check"] as? [String: Any] else { return }
        let dump = try MiniDumpFile(path: AnalysisDumps.path("wine", file))
        if (peb["teb_present"] as? Bool) == false {
            #expect(dump.processEnvironment() == nil, "\(file)")
        }
    }

    @Test(arguments: AnalysisDumps.files(in: "public"))
    func publicDumpsNeverFail(file: String) throws {
        guard AnalysisDumps.available(), let dump = try? MiniDumpFile(path: AnalysisDumps.path("public", file)) else { return }
        let environment = dump.processEnvironment()
        // Whatever was found must be self-consistent.
        for thread in environment?.threads ?? [] { #expect(thread.tebAddress != 0, "\(file)") }
    }

    @Test func commandLineSplitting() {
        let line = #"C:\x\w3wp.exe -ap "Contoso Pool" -v "v4.0" -a \\.\pipe\iis -w "" -q a\"b "c\\" d"e""f" -t 20"#
        #expect(WindowsCommandLine.arguments(line) == [
            #"C:\x\w3wp.exe"#, "-ap", "Contoso Pool", "-v", "v4.0", "-a", #"\\.\pipe\iis"#, "-w", "", "-q",
            #"a"b"#, #"c\"#, #"de"f"#, "-t", "20",
        ])
        #expect(WindowsCommandLine.arguments(#""C:\Program Files\app.exe" x"#) == [#"C:\Program Files\app.exe"#, "x"])
        #expect(WindowsCommandLine.arguments("") == [])
        #expect(WindowsCommandLine.iisAppPoolName(line) == "Contoso Pool")
        #expect(WindowsCommandLine.iisAppPoolName(#"C:\x\app.exe -ap "Pool""#) == nil)
        #expect(WindowsCommandLine.iisAppPoolName(#"W3WP.EXE -AP DefaultAppPool"#) == "DefaultAppPool")
    }
}
