/// The commonest invocation, recognised without ArgumentParser: `dumpinspect [summary] [--json]
/// [--no-mmap] FILE`.
///
/// ArgumentParser builds its parser by reflection (`Mirror` and protocol-conformance lookups that
/// scan every conformance in the binary); in a fresh process that costs about 9 M instructions,
/// roughly 2 ms — many times what summarising a 1 MiB dump costs. These arguments run the same
/// rendering directly. Anything else — other commands, `--help`, `--version`, unknown or
/// repeated flags, `--`, a file name without a dot or a slash (it may be a subcommand) — goes to
/// ArgumentParser, which reports errors and prints help exactly as before. See
/// docs/performance.md.
enum QuickStart {
    /// A `summary` request recognised without ArgumentParser.
    struct Summary {
        var file: String
        var json = false
        var noMmap = false

        /// Does what `SummaryCommand.run()` does for the same arguments, without building the
        /// command (its property wrappers cost set and dictionary instantiations on first use).
        func run() throws {
            try DumpCommandRun.run(file: file, noMmap: noMmap, exitWhenDone: true) { dump in
                json ? SummaryCommand.json(for: dump, path: file).serialized(pretty: true)
                    : SummaryCommand.text(for: dump, path: file)
            }
        }
    }

    /// The summary the arguments (without the program name) ask for, or `nil` when they need
    /// ArgumentParser.
    static func summary(_ arguments: ArraySlice<String>) -> Summary? {
        var rest = arguments
        if rest.first == "summary" { rest = rest.dropFirst() }
        var json = false
        var noMmap = false
        var file: String?
        for argument in rest {
            switch argument {
            case "--json" where !json: json = true
            case "--no-mmap" where !noMmap: noMmap = true
            default:
                guard file == nil, let first = argument.utf8.first, first != UInt8(ascii: "-") else { return nil }
                file = argument
            }
        }
        // A plain word may name a subcommand (`dumpinspect modules`); paths have a dot or a slash.
        guard let file, file.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") })
        else { return nil }
        return Summary(file: file, json: json, noMmap: noMmap)
    }
}
