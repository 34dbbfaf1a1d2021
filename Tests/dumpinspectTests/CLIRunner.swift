import Foundation
import Testing

/// Runs the built `dumpinspect` binary and captures its output, for tests that check what a user
/// sees (text, JSON, exit status).
enum CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `dumpinspect` binary next to the test bundle.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("dumpinspect")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/dumpinspect")
    }

    /// Runs `dumpinspect arguments…` with `NO_COLOR` set and the package root as working directory.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses `text` as a JSON object.
    static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}

extension CLIRunner {
    /// `shared/dumps` beside the package (or a parent), or nil; under `CI=true` a missing folder is
    /// recorded as a failure.
    static var sharedDumps: URL? {
        var folder = packageRoot
        for _ in 0..<3 {
            let url = folder.deletingLastPathComponent().appendingPathComponent("shared/dumps")
            if FileManager.default.fileExists(atPath: url.path) { return url }
            folder = folder.deletingLastPathComponent()
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("../shared/dumps is missing, and CI=true: the real-dump tests must run")
        } else {
            print("note: ../shared/dumps not found; skipping CLI tests over the real dumps")
        }
        return nil
    }
}
