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
        let file = try openOrExit()
        do {
            if dump.json {
                Console.out(try json(for: file).serialized(pretty: true))
            } else {
                Console.out(try text(for: file))
            }
        } catch let error as MiniDumpError {
            Console.error("dumpinspect: \(dump.file): \(error)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
    }

    func openOrExit() throws -> MiniDumpFile {
        do {
            return try dump.open()
        } catch let failure as DumpInspectFailure {
            Console.error("dumpinspect: \(failure)")
            throw ExitCode(ExitStatus.unreadableDump)
        }
    }
}
