import ArgumentParser
import MiniDump

/// A command that reads one dump and renders it as text or JSON.
protocol DumpCommand: ParsableCommand {
    var dump: DumpOptions { get }
    /// Builds the JSON document for `file`.
    func json(for file: MiniDumpFile) throws -> JSON
    /// Builds the human report for `file`.
    func text(for file: MiniDumpFile) throws -> String
}

extension DumpCommand {
    mutating func run() throws {
        let options = dump
        try DumpCommandRun.run(file: options.file, noMmap: options.noMmap) { file in
            options.json ? try json(for: file).serialized(pretty: true) : try text(for: file)
        }
    }
}

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
