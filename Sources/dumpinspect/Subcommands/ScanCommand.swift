import ArgumentParser
import Dispatch
import MiniDump

extension ScanFormat: ExpressibleByArgument {}

/// `dumpinspect scan DIR...`: reads every dump under some folders and groups the crashes into buckets.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read every dump under some folders and group the crashes into buckets.",
        discussion: """
            Folders are walked recursively in a stable order; symbolic links are followed, but never
            back into a folder already walked. Files are taken by content, not by name: a file starting
            with MDMP, or a gzip file or cabinet holding a dump, is read. A file named like a dump
            (.dmp, .mdmp, .hdmp, .dmp.gz) that is not one is an error; other files are skipped and
            counted (--verbose lists them). An .mdmp and an .hdmp of one WER report count as one crash,
            and a Report.wer beside a dump is read and shown next to our bucket.

            Every file appears once in the output, read or failed with its reason. The scan always
            finishes; the exit status is then 0 when every file was read or skipped, 1 when some failed,
            2 when no input path exists. docs/scan.md has the formats, sharding and resuming.

            Examples:
              dumpinspect scan /srv/crashes
              dumpinspect scan --format ndjson --jobs 8 /srv/crashes > crashes.ndjson
              dumpinspect scan --format ndjson --skip-done crashes.ndjson /srv/crashes >> crashes.ndjson
              dumpinspect scan --shard 2/4 --format ndjson /mnt/share/dumps > shard2.ndjson
              dumpinspect scan --format csv ReportArchive ReportQueue > crashes.csv
              dumpinspect scan --format json /srv/crashes | jq '.buckets[:5]'
            """)

    @Argument(help: ArgumentHelp("Folders (or single files) to scan.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output: table (buckets, then failures), json (one document), ndjson (one line per file as it is done), csv (one row per file).")
    var format: ScanFormat = .table

    @Option(help: ArgumentHelp("How many files to read at once (default: the number of processors).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("List at most this many buckets and failed files in the table (0 for all).", valueName: "n"))
    var limit: Int = 25

    @Option(help: ArgumentHelp("Scan only shard I of N: a stable 1/N of the files, the same on every machine.", valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("skip-done"), help: ArgumentHelp("Skip files already written to this NDJSON file by an earlier run (resume).", valueName: "file.ndjson"))
    var skipDone: String?

    @Flag(name: .shortAndLong, help: "Also list the files that are not dumps (table) or write them with status \"skipped\" (json, ndjson, csv).")
    var verbose = false

    @Flag(name: .customLong("no-mmap"), help: "Read every file into memory; by default only files up to 4 MiB are, larger ones are mapped (reading is safe when files may be truncated while they are read).")
    var noMmap = false

    @Flag(name: .customLong("no-progress"), help: "Never draw the progress line (it is drawn only when standard error is a terminal).")
    var noProgress = false

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        if let shard, ScanShard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, such as 2/4, not '\(shard)'")
        }
    }

    func run() throws {
        var job = ScanJob(paths: paths)
        job.format = format
        job.jobs = jobs ?? ScanFileSystem.processorCount
        job.limit = limit
        job.shard = shard.flatMap(ScanShard.init(parsing:))
        job.skipDone = skipDone
        job.verbose = verbose
        job.access = noMmap ? .read : .mapped
        job.progress = !noProgress
        job.color = Console.useColor
        let configured = job
        let status = Self.wait { await configured.execute() }
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// Runs `work` on the concurrency pool and blocks this (main) thread until it returns. The root
    /// command is synchronous, so the scan's task group is started from here.
    static func wait(_ work: @escaping @Sendable () async -> Int32) -> Int32 {
        final class Box: @unchecked Sendable {
            var value: Int32 = ExitStatus.success
        }
        let box = Box()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            semaphore.signal()
        }
        semaphore.wait()
        return box.value
    }
}
