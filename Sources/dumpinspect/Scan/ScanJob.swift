import MiniDump

/// The output formats of `dumpinspect scan`.
enum ScanFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv
}

/// One run of `dumpinspect scan`, configured from the command line: walk, filter (shard, done list),
/// read in parallel, write the output, and return the exit status.
struct ScanJob: Sendable {
    var paths: [String]
    var format: ScanFormat = .table
    var jobs: Int = ScanFileSystem.processorCount
    var limit: Int = 25
    var shard: ScanShard?
    var skipDone: String?
    var verbose = false
    var access: MiniDumpFile.Access = .mapped
    var progress = true
    var color = false

    /// Runs the scan and returns the exit status: 0 when every file was read or skipped, 1 when some
    /// failed (all are still reported), 2 when no input path exists or the done list cannot be read.
    func execute() async -> Int32 {
        var done = ScanDoneList()
        if let skipDone {
            switch ScanDoneList.read(path: skipDone) {
            case .success(let list): done = list
            case .failure(let failure):
                Console.error("dumpinspect scan: \(skipDone): cannot read the done list: \(failure)")
                return ExitStatus.unreadableDump
            }
        }
        let showProgress = progress && Console.stderrIsTerminal
        if showProgress { Console.write(fd: 2, "finding files…") }
        let walk = ScanWalker.walk(paths)
        if showProgress { Console.write(fd: 2, "\r\u{1B}[K") }
        for missing in walk.missingRoots {
            Console.error("dumpinspect scan: \(missing.path): \(missing.reason)")
        }
        guard !walk.existingRoots.isEmpty else { return ExitStatus.unreadableDump }

        var output = ScanOutput(format: format, verbose: verbose)
        for missing in walk.missingRoots where !done.files.contains(missing.path) {
            let input = ScanInput(path: missing.path, relativePath: missing.path)
            output.add([.failed(input, .error, "cannot scan: \(missing.reason)")], alreadyDone: 0)
        }
        let units = walk.units.filter { unit in
            (shard?.contains(unit.shardKey) ?? true) && !unit.files.allSatisfy { done.files.contains($0.path) }
        }
        if !done.files.isEmpty {
            // Units left out whole still count as done in the summary.
            let kept = Set(units.flatMap { $0.files.map(\.path) })
            output.tally.alreadyDone = walk.units.filter { shard?.contains($0.shardKey) ?? true }
                .flatMap(\.files).filter { !kept.contains($0.path) }.count
        }
        let total = units.reduce(0) { $0 + $1.files.count }
        var bar = ScanProgress(total: total, enabled: showProgress)
        var finishedFiles = 0
        let runner = ScanRunner(reader: ScanFileReader(access: access), jobs: jobs)
        await runner.run(units) { _, records in
            let fresh = records.filter { !done.files.contains($0.file) }
            output.add(fresh, alreadyDone: records.count - fresh.count)
            finishedFiles += records.count
            bar.update(done: finishedFiles)
        }
        bar.finish()
        output.finish(table: { tally, failures, skipped in
            ScanTableReport(
                tally: tally, failures: failures, skipped: skipped, verbose: verbose, limit: limit,
                skippedFolderLinks: walk.skippedFolderLinks, color: color)
        }, header: header)
        if format != .table, Console.stderrIsTerminal {
            let report = ScanTableReport(
                tally: output.tally, failures: [], skipped: [], verbose: verbose, limit: limit,
                skippedFolderLinks: [], color: false)
            Console.error(report.summary)
        }
        return output.tally.failed > 0 ? ExitStatus.someFilesFailed : ExitStatus.success
    }

    /// The JSON document's top-level facts about the run.
    private var header: [(String, JSON)] {
        [
            ("version", .int(1)),
            ("roots", .array(paths.map(JSON.string))),
            ("shard", .string(shard?.description)),
        ]
    }
}
