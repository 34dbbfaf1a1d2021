import ArgumentParser
import MiniDump

/// `dumpinspect threads`: every thread with its name, stack and registers.
struct ThreadsCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads",
        abstract: "List the threads: id, name, TEB, stack range and registers.",
        discussion: """
            Registers come from each thread's own context in the thread list (for the crashing
            thread, `dumpinspect stack` uses the exception context instead). The crashing thread is
            marked with '*'. Names come from the ThreadNames stream (SetThreadDescription).

            Examples:
              dumpinspect threads crash.dmp
              dumpinspect threads --json crash.dmp | jq '.threads[] | {id, name}'
            """)

    @OptionGroup var dump: DumpOptions

    @Option(help: "List at most this many threads (0 for all).")
    var limit: Int = 0

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func json(for file: MiniDumpFile) throws -> JSON { try Self.json(for: file, limit: limit) }

    func text(for file: MiniDumpFile) throws -> String { try Self.text(for: file, limit: limit) }

    /// The first `limit` threads (all for 0) as JSON.
    static func json(for file: MiniDumpFile, limit: Int = 0) throws -> JSON {
        let threads = try file.threads()
        let crashing = (try? file.exception())??.threadId
        let shown = limit > 0 ? Array(threads.prefix(limit)) : threads
        return .object([
            ("threads", .array(shown.map { thread in
                .object([
                    ("id", .number(thread.id)),
                    ("name", .string(thread.name)),
                    ("crashed", .bool(thread.id == crashing)),
                    ("teb", .hex(thread.teb)),
                    ("suspendCount", .number(thread.record.suspendCount)),
                    ("priority", .number(thread.record.priority)),
                    ("priorityClass", .number(thread.record.priorityClass)),
                    ("stack", .object([("start", .hex(thread.stackStart)), ("size", .number(thread.stackSize))])),
                    ("startAddress", .hex(thread.info?.startAddress)),
                    ("registers", Render.registers(thread.context)),
                    ("diagnostics", Render.diagnostics(thread.diagnostics)),
                ])
            })),
        ])
    }

    /// The first `limit` threads (all for 0) as a table.
    static func text(for file: MiniDumpFile, limit: Int = 0) throws -> String {
        let threads = try file.threads()
        if threads.isEmpty { return "The dump has no thread list." }
        let crashing = (try? file.exception())??.threadId
        let width = Render.addressWidth(file)
        var table = TextTable(
            ["", "ID", "NAME", "PC", "SP", "STACK", "TEB"],
            alignments: [.left, .right, .left, .left, .left, .left, .left])
        let shown = limit > 0 ? Array(threads.prefix(limit)) : threads
        for thread in shown {
            let pc = thread.context?.instructionPointer.map { Hex.format($0, digits: width) } ?? "-"
            let sp = thread.context?.stackPointer.map { Hex.format($0, digits: width) } ?? "-"
            table.add([
                thread.id == crashing ? "*" : "",
                "\(thread.id) (\(Hex.format(thread.id)))",
                thread.name ?? "",
                pc, sp,
                "\(Hex.format(thread.stackStart, digits: width)) +\(Format.bytes(thread.stackSize))",
                Hex.format(thread.teb, digits: width),
            ])
        }
        var out = table.render()
        out += "\n\(threads.count) threads"
        if shown.count < threads.count { out += " (first \(shown.count) shown; --limit 0 for all)" }
        for thread in shown { for diagnostic in thread.diagnostics { out += "\nwarning: thread \(thread.id): \(diagnostic)" } }
        return out
    }
}
