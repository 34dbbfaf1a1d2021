import Foundation
import MiniDump
import Testing

/// Opens shared dumps (plain or gzip) once per test run and keeps them for the other tests.
enum DumpCache {
    nonisolated(unsafe) private static var cache: [String: MiniDumpFile] = [:]
    private static let lock = NSLock()

    /// `folder/name` opened with `MiniDumpFile.open` (which inflates `.gz` files), or `nil`.
    static func open(_ folder: String, _ name: String) -> MiniDumpFile? {
        lock.lock()
        defer { lock.unlock() }
        let key = folder + "/" + name
        if let dump = cache[key] { return dump }
        guard let dump = try? MiniDumpFile.open(path: SharedDumps.path(folder, name)) else { return nil }
        cache[key] = dump
        return dump
    }
}

/// The wine dumps' entry in `truth.json` by file name (`wine/x64_...`).
func wineTruthEntry(_ file: String) -> [String: Any]? {
    let dumps = SharedDumps.wineTruth?["dumps"] as? [[String: Any]] ?? []
    return dumps.first { ($0["file"] as? String) == "wine/" + file }
}

@Suite struct ProcessEnvironmentTests {
    static let fullDumps = ["x64_O0_w3wp_oop_fullmem.full.dmp.gz", "x64_O0_mt_worker_oop_fullmem.full.dmp.gz"]

    @Test(arguments: fullDumps)
    func fullDumpMatchesTruth(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let peb = truth["peb_check"] as? [String: Any] else { return }
        let dump = try #require(DumpCache.open("wine", file), "\(file) did not open")
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
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let w3wp = truth["w3wp"] as? [String: Any] else { return }
        let dump = try #require(DumpCache.open("wine", file))
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
    @Test(arguments: SharedDumps.files(in: "wine"))
    func smallDumpsHaveNoEnvironment(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let peb = truth["peb_check"] as? [String: Any] else { return }
        let dump = try MiniDumpFile(path: SharedDumps.path("wine", file))
        if (peb["teb_present"] as? Bool) == false {
            #expect(dump.processEnvironment() == nil, "\(file)")
        }
    }

    @Test(arguments: SharedDumps.files(in: "public"))
    func publicDumpsNeverFail(file: String) throws {
        guard SharedDumps.available(), let dump = try? MiniDumpFile(path: SharedDumps.path("public", file)) else { return }
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
