import ArgumentParser
import MiniDump

/// `dumpinspect streams`: the stream directory.
struct StreamsCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams",
        abstract: "List the dump's streams: type, size and file offset.",
        discussion: """
            Every directory entry is listed, including unused and unknown ones (shown by number).
            Problems with the directory (a stream past the end of the file, a repeated type) follow.

            Example:
              dumpinspect streams crash.dmp
              dumpinspect streams --json crash.dmp | jq '.streams[] | select(.name == "ThreadNames")'
            """)

    @OptionGroup var dump: DumpOptions

    func json(for file: MiniDumpFile) throws -> JSON { Self.json(for: file) }

    func text(for file: MiniDumpFile) throws -> String { Self.text(for: file) }

    /// The directory and its diagnostics as JSON.
    static func json(for file: MiniDumpFile) -> JSON {
        .object([
            ("streams", .array(file.directory.map { entry in
                .object([
                    ("index", .number(entry.index)),
                    ("type", .number(entry.type.rawValue)),
                    ("name", .string(entry.type.name)),
                    ("size", .number(entry.size)),
                    ("rva", .hex(entry.rva)),
                ])
            })),
            ("diagnostics", Render.diagnostics(file.directoryDiagnostics)),
        ])
    }

    /// The directory as a table, then its diagnostics.
    static func text(for file: MiniDumpFile) -> String {
        var table = TextTable(["#", "TYPE", "NAME", "SIZE", "RVA"], alignments: [.right, .right, .left, .right, .right])
        for entry in file.directory {
            table.add([
                String(entry.index), Hex.format(entry.type.rawValue), entry.type.name,
                String(entry.size), Hex.format(entry.rva, digits: 8),
            ])
        }
        var out = table.render()
        for diagnostic in file.directoryDiagnostics { out += "\nwarning: \(diagnostic)" }
        return out
    }
}
