import Foundation
import Testing

/// Locates the real dumps in `../shared/dumps` (relative to the package root).
///
/// A user's clone has no `../shared`: tests over it then skip with a message. Under `CI=true` a
/// missing folder is a failure, never a silent skip.
enum SharedDumps {
    /// The package root, derived from this source file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/dumps` beside the package (or beside one of its parent folders, so that git
    /// worktrees nested deeper find it too), `MINIDUMP_SHARED_DUMPS` when set, or `nil`.
    static let directory: URL? = {
        if let override = ProcessInfo.processInfo.environment["MINIDUMP_SHARED_DUMPS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var folder = packageRoot
        for _ in 0..<3 {
            let url = folder.deletingLastPathComponent().appendingPathComponent("shared/dumps")
            if FileManager.default.fileExists(atPath: url.path) { return url }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// True when the shared dumps are present. When they are missing, records an issue under CI
    /// and prints a skip message otherwise.
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if directory != nil { return true }
        if isCI {
            Issue.record("../shared/dumps is missing, and CI=true: the real-dump tests must run", sourceLocation: sourceLocation)
        } else {
            print("note: ../shared/dumps not found; skipping tests over the real dumps")
        }
        return false
    }

    /// File names (sorted) of the dumps in `public/` or `wine/`; empty when the folder is missing.
    static func files(in folder: String, includeCompressed: Bool = false) -> [String] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".dmp") || (includeCompressed && $0.hasSuffix(".dmp.gz")) }.sorted()
    }

    /// The full path of a dump, e.g. `path("public", "lldb__linux-i386.dmp")`.
    static func path(_ folder: String, _ name: String) -> String {
        (directory ?? packageRoot).appendingPathComponent(folder).appendingPathComponent(name).path
    }

    /// The parsed `expected/<folder>/<name>.json`, or `nil` when missing.
    static func expected(_ folder: String, _ name: String) -> [String: Any]? {
        guard let directory else { return nil }
        let url = directory.appendingPathComponent("expected").appendingPathComponent(folder)
            .appendingPathComponent(name + ".json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The manifest entries of `public/manifest.json`, keyed by file name.
    nonisolated(unsafe) static let manifest: [String: [String: Any]] = {
        guard let directory,
              let data = try? Data(contentsOf: directory.appendingPathComponent("public/manifest.json")),
              let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]
        else { return [:] }
        var table = [String: [String: Any]]()
        for item in list { if let file = item["file"] as? String { table[file] = item } }
        return table
    }()

    /// `wine/truth.json`, parsed.
    nonisolated(unsafe) static let wineTruth: [String: Any]? = {
        guard let directory,
              let data = try? Data(contentsOf: directory.appendingPathComponent("wine/truth.json"))
        else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }()
}

/// Reads a JSON integer (which may exceed 2^53) as UInt64.
func jsonUInt64(_ value: Any?) -> UInt64? {
    if let number = value as? NSNumber { return number.uint64Value }
    if let text = value as? String {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
    return nil
}
