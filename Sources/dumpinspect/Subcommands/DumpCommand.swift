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
