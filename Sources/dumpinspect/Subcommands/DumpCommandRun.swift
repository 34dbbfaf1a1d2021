import ArgumentParser
import MiniDump

/// What every one-dump command does around its rendering: open the file (one line and exit
/// status 2 when it cannot be read), render, print. Shared with ``QuickStart``, which runs
/// `summary` without building the command.
enum DumpCommandRun {
    static func run(file path: String, noMmap: Bool, render: (MiniDumpFile) throws -> String) throws {
        let file: MiniDumpFile
        do {
            file = try DumpOptions.open(path: path, noMmap: noMmap)
        } catch let failure as DumpInspectFailure {
            Console.error("dumpinspect: \(failure)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
        do {
            Console.out(try render(file))
        } catch let error as MiniDumpError {
            Console.error("dumpinspect: \(path): \(error)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
    }
}
