import MiniDump

/// The commonest invocations, recognised without ArgumentParser: `dumpinspect [COMMAND] [--json]
/// [--no-mmap] FILE`, where COMMAND is `summary` (the default), `stack`, `threads`, `modules`,
/// `streams` or `system` with all its other options at their defaults.
///
/// ArgumentParser builds its parser by reflection (`Mirror` and protocol-conformance lookups that
/// scan every conformance in the binary); in a fresh process that costs about 8 M instructions,
/// roughly 2 ms — many times what summarising a 1 MiB dump or listing its modules costs. These
/// arguments run the same rendering directly. Anything else — other commands or options, `--help`,
/// `--version`, unknown or repeated flags, `--`, a file name without a dot or a slash (it may be a
/// subcommand) — goes to ArgumentParser, which reports errors and prints help exactly as before;
/// so does a request that fails with anything but an unreadable dump, so that its error reads as
/// ArgumentParser words it. See docs/performance.md.
enum QuickStart {
    /// The commands the quick path runs.
    enum Command: String, CaseIterable {
        case summary, stack, threads, modules, streams, system
    }

    /// A request recognised without ArgumentParser.
    struct Request {
        var command = Command.summary
        var file: String
        var json = false
        var noMmap = false

        /// Does what the command's `run()` does for the same arguments, without building the
        /// command (its property wrappers cost set and dictionary instantiations on first use).
        /// The process ends when the output is written.
        func run() throws {
            try DumpCommandRun.run(file: file, noMmap: noMmap, exitWhenDone: true) { dump in
                guard json else { return try text(dump) }
                let document = try document(dump)
                // The process ends once the output is written, so the document is left for the
                // kernel to discard instead of being freed node by node (a 466-module list's tree
                // took 1.7 M instructions to free; docs/performance.md).
                _ = Unmanaged.passRetained(KeptUntilExit(document))
                return document.serialized(pretty: true)
            }
        }

        func document(_ dump: MiniDumpFile) throws -> JSON {
            switch command {
            case .summary: SummaryCommand.json(for: dump, path: file)
            case .stack: try StackCommand.json(for: dump)
            case .threads: try ThreadsCommand.json(for: dump)
            case .modules: try ModulesCommand.json(for: dump)
            case .streams: StreamsCommand.json(for: dump)
            case .system: try SystemCommand.json(for: dump)
            }
        }

        func text(_ dump: MiniDumpFile) throws -> String {
            switch command {
            case .summary: SummaryCommand.text(for: dump, path: file)
            case .stack: try StackCommand.text(for: dump)
            case .threads: try ThreadsCommand.text(for: dump)
            case .modules: try ModulesCommand.text(for: dump)
            case .streams: StreamsCommand.text(for: dump)
            case .system: try SystemCommand.text(for: dump)
            }
        }
    }

    /// A value deliberately never released: the process exits before it could matter.
    final class KeptUntilExit {
        let value: JSON
        init(_ value: JSON) { self.value = value }
    }

    /// The request the arguments (without the program name) make, or `nil` when they need
    /// ArgumentParser.
    static func request(_ arguments: ArraySlice<String>) -> Request? {
        var rest = arguments
        var command = Command.summary
        if let first = rest.first, let named = Command(rawValue: first) {
            command = named
            rest = rest.dropFirst()
        }
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
        return Request(command: command, file: file, json: json, noMmap: noMmap)
    }
}
