import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A mapped file truncated underneath raises `SIGBUS`; `dumpinspect` must then say what happened
/// and how to avoid it instead of dying with "Bus error".
@Suite("SIGBUS")
struct BusErrorTests {
    #if os(Linux)
    @Test("SIGBUS ends dumpinspect with one line naming --no-mmap and exit status 2")
    func busErrorMessage() throws {
        // The process blocks opening a FIFO (no writer ever comes), so the signal arrives while it
        // is inside a command, as a truncation's SIGBUS would.
        let fifo = FileManager.default.temporaryDirectory
            .appendingPathComponent("bus-error-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).dmp").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["summary", fifo]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let pid = process.processIdentifier
        // Wait until the child sleeps in open(2): its handler is installed by then.
        for _ in 0..<1_000 where Self.state(of: pid) != "S" { usleep(5_000) }
        #expect(Self.state(of: pid) == "S", "the child should be blocked opening the FIFO")
        kill(pid, SIGBUS)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "the handler exits; no death by signal")
        #expect(process.terminationStatus == 2)
        #expect(errText.contains("SIGBUS") && errText.contains("--no-mmap"))
        #expect(errText.split(separator: "\n").count == 1, "one line: \(errText)")
    }

    /// The state letter of `/proc/PID/stat` (R running, S sleeping, …), or "?".
    private static func state(of pid: Int32) -> String {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return "?" }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init) ?? "?"
    }
    #endif
}
