import ArgumentParser
import MiniDump

/// The dump file argument and how to open it, shared by every command that reads one dump.
struct DumpOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The dump to read: a minidump (.dmp, .mdmp, .hdmp), or one inside a gzip file or a Windows .cab.",
        valueName: "file"))
    var file: String

    @Flag(name: .customLong("no-mmap"), help: "Read the file into memory instead of mapping it (safe if the file may change while it is read).")
    var noMmap = false

    @Flag(help: "Print JSON (the schema is in docs/json-schema.md) instead of text.")
    var json = false

    /// Opens the dump at `path`, mapped or (`noMmap`) read into memory; a failure names the file.
    static func open(path: String, noMmap: Bool) throws -> MiniDumpFile {
        do {
            return try MiniDumpFile.open(path: path, access: noMmap ? .read : .mapped)
        } catch {
            throw DumpInspectFailure(file: path, error: error)
        }
    }
}

/// A dump that could not be read: printed as one line, exit status 2.
struct DumpInspectFailure: Error, CustomStringConvertible {
    var file: String
    var error: MiniDumpError

    var description: String { "\(file): \(error)" }
}
