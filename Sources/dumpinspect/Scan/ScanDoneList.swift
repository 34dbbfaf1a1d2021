/// `--skip-done FILE.ndjson`: the files an earlier (perhaps interrupted) NDJSON run already wrote,
/// so a resumed run appends only the rest.
///
/// Every line that parses as a JSON object with a string `file` counts, whatever its status; a line cut
/// short by an interruption does not parse and its file is scanned again. A missing file is an empty
/// list, so a resumable loop can pass the same name on its first run.
struct ScanDoneList: Sendable {
    var files = Set<String>()
    /// Lines that were not a JSON object with a `file` (a cut-off last line, blank lines).
    var ignoredLines = 0

    /// Reads `path`; fails only when it exists but cannot be read.
    static func read(path: String) -> Result<ScanDoneList, ScanFileSystem.Failure> {
        var list = ScanDoneList()
        let outcome = ScanFileSystem.forEachLine(of: path) { line in
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return }
            if case .object(let members)? = JSON.parse(line),
               let file = members.first(where: { $0.0 == "file" }), case .string(let path) = file.1 {
                list.files.insert(path)
            } else {
                list.ignoredLines += 1
            }
        }
        switch outcome {
        case .success: return .success(list)
        case .failure(let failure) where failure.isMissing: return .success(list)
        case .failure(let failure): return .failure(failure)
        }
    }
}
