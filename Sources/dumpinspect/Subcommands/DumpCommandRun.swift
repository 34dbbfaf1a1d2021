import ArgumentParser
import MiniDump

/// What every one-dump command does around its rendering: open the file (one line and exit
/// status 2 when it cannot be read), render, print. Shared with ``QuickStart``, which runs
/// `summary` without building the command.
enum DumpCommandRun {
    /// With `exitWhenDone`, the process ends as soon as the output is written: the decoded dump
    /// is not torn down object by object and its mapping is not unmapped page by page, work the
    /// kernel does at exit anyway (a tenth of `summary`'s time on a 1 MiB dump;
    /// docs/performance.md).
    static func run(
        file path: String, noMmap: Bool, exitWhenDone: Bool = false, render: (MiniDumpFile) throws -> String
    ) throws {
        let file: MiniDumpFile
        do {
            file = try DumpOptions.open(path: path, noMmap: noMmap)
        } catch let failure as DumpInspectFailure {
            Console.error("dumpinspect: \(failure)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
        do {
            Console.out(try render(file))
            if exitWhenDone { ProcessExit.with(ExitStatus.success) }
        } catch let error as MiniDumpError {
            Console.error("dumpinspect: \(path): \(error)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
    }
}
