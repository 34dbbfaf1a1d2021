import ArgumentParser
import MiniDump

/// `dumpinspect modules`: loaded (and unloaded) modules.
struct ModulesCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List the loaded modules: base, size, version, timestamp and debug ids.",
        discussion: """
            Modules are listed in the order the dump records them. `debugFile` and `debugId` identify
            the PDB (RSDS CodeView record) or ELF build id a symbol server would need; `codeId` the
            binary itself. With --unloaded, modules unloaded before the crash follow (a crash at an
            address in no module may point into one of them).

            Examples:
              dumpinspect modules crash.dmp
              dumpinspect modules --json crash.dmp | jq -r '.modules[] | "\\(.name) \\(.version)"'
            """)

    @OptionGroup var dump: DumpOptions

    @Flag(help: "Also list unloaded modules.")
    var unloaded = false

    @Option(help: "List at most this many modules (0 for all).")
    var limit: Int = 0

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func json(for file: MiniDumpFile) throws -> JSON { try Self.json(for: file, unloaded: unloaded, limit: limit) }

    func text(for file: MiniDumpFile) throws -> String { try Self.text(for: file, unloaded: unloaded, limit: limit) }

    /// The first `limit` modules (all for 0), and the unloaded ones when asked, as JSON.
    static func json(for file: MiniDumpFile, unloaded: Bool = false, limit: Int = 0) throws -> JSON {
        let list = try file.moduleList()
        let modules = list?.modules ?? []
        let shown = limit > 0 ? Array(modules.prefix(limit)) : modules
        var members: [(String, JSON)] = [
            ("modules", .array(shown.map(Self.json))),
        ]
        if unloaded {
            let gone = (try? file.unloadedModuleList())??.modules ?? []
            members.append(("unloadedModules", .array(gone.map { module in
                .object([
                    ("name", .string(module.name)),
                    ("path", .string(module.path)),
                    ("base", .hex(module.baseAddress)),
                    ("size", .number(module.size)),
                    ("timestamp", .number(module.timestamp)),
                ])
            })))
        }
        members.append(("diagnostics", Render.diagnostics(list?.diagnostics ?? [])))
        return .object(members)
    }

    static func json(_ module: DumpModule) -> JSON {
        .object([
            ("name", .string(module.name)),
            ("path", .string(module.path)),
            ("base", .hex(module.baseAddress)),
            ("size", .number(module.size)),
            ("timestamp", .number(module.timestamp)),
            ("version", .string(module.fileVersion?.description)),
            ("productVersion", .string(module.productVersion?.description)),
            ("checksum", .hex(module.checksum)),
            ("debugFile", .string(module.debugFile)),
            ("debugId", .string(module.debugId)),
            ("codeId", .string(module.codeId)),
        ])
    }

    /// The first `limit` modules (all for 0), and the unloaded ones when asked, as a table.
    static func text(for file: MiniDumpFile, unloaded: Bool = false, limit: Int = 0) throws -> String {
        guard let list = try file.moduleList() else { return "The dump has no module list." }
        let width = Render.addressWidth(file)
        var table = TextTable(
            ["BASE", "SIZE", "NAME", "VERSION", "TIMESTAMP", "DEBUG ID"],
            alignments: [.left, .right, .left, .left, .left, .left])
        let shown = limit > 0 ? Array(list.modules.prefix(limit)) : list.modules
        for module in shown {
            table.add([
                Hex.format(module.baseAddress, digits: width), Hex.format(module.size),
                module.name, module.fileVersion?.description ?? "-",
                module.timestamp == 0 ? "-" : Format.time(module.timestamp),
                module.debugId ?? "-",
            ])
        }
        var out = table.render()
        out += "\n\(list.modules.count) modules"
        if shown.count < list.modules.count { out += " (first \(shown.count) shown; --limit 0 for all)" }
        if unloaded {
            let gone = (try? file.unloadedModuleList())??.modules ?? []
            out += "\n\nUnloaded modules (\(gone.count)):"
            for module in gone {
                out += "\n  \(Hex.format(module.baseAddress, digits: width))  \(Hex.format(module.size))  \(module.name)"
            }
        }
        for diagnostic in list.diagnostics { out += "\nwarning: \(diagnostic)" }
        return out
    }
}
