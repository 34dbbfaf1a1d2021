import ArgumentParser
import MiniDump

/// `dumpinspect stack`: call stacks, the crashing thread's by default.
struct StackCommand: DumpCommand {
    static let configuration = CommandConfiguration(
        commandName: "stack",
        abstract: "Print call stacks: the crashing thread by default, or --thread ID, or --all.",
        discussion: """
            Each frame shows module+offset (and an exported function name when the image's export
            table is in the dump) and how it was found:
              context        the register context itself (frame 0)
              cfi            x64 unwind data (.pdata/.xdata) read from the dump's memory
              frame-pointer  the RBP/EBP/FP chain
              scan           a word on the stack that points into module code (least certain)
            The crashing thread starts from the exception context (the state at the fault).
            A repeating cycle of frames (recursion, e.g. a stack overflow) is collapsed in text
            output; --json lists every frame.

            Examples:
              dumpinspect stack crash.dmp
              dumpinspect stack --thread 0x2F10 crash.dmp
              dumpinspect stack --all --json crash.dmp | jq '.threads[].frames[0]'
            """)

    @OptionGroup var dump: DumpOptions

    @Option(help: ArgumentHelp("The thread to walk (decimal or 0x…).", valueName: "id"))
    var thread: String?

    @Flag(help: "Walk every thread.")
    var all = false

    @Option(help: "Show at most this many frames per thread in text output (0 for all).")
    var limit: Int = StackCommand.defaultLimit

    /// Frames shown per thread in text output unless `--limit` says otherwise.
    static let defaultLimit = 64

    func validate() throws {
        if let thread, MemoryCommand.parse(thread).flatMap({ UInt32(exactly: $0) }) == nil {
            throw ValidationError("--thread must be a thread id such as 0x2F10 or 12048, not '\(thread)'")
        }
        if thread != nil && all { throw ValidationError("use either --thread or --all, not both") }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    /// The thread `--thread` names, when it does.
    var threadId: UInt32? { thread.flatMap { MemoryCommand.parse($0).flatMap { UInt32(exactly: $0) } } }

    func json(for file: MiniDumpFile) throws -> JSON { try Self.json(for: file, thread: threadId, all: all) }

    func text(for file: MiniDumpFile) throws -> String { try Self.text(for: file, thread: threadId, all: all, limit: limit) }

    /// The stacks of every thread (`all`), of `thread`, or of the crashing (else the first) thread.
    static func stacks(_ file: MiniDumpFile, thread: UInt32?, all: Bool) throws -> [CallStack] {
        if all { return file.callStacks() }
        let id: UInt32
        if let thread {
            id = thread
        } else if let exception = try file.exception() {
            id = exception.threadId
        } else if let first = try file.threadList()?.threads.first {
            id = first.threadId
        } else {
            return []
        }
        guard let stack = file.callStack(threadId: id) else {
            throw ValidationError("thread \(id) (\(Hex.format(id))) is not in the dump or has no usable context")
        }
        return [stack]
    }

    static func json(for file: MiniDumpFile, thread: UInt32? = nil, all: Bool = false) throws -> JSON {
        .object([("threads", .array(try stacks(file, thread: thread, all: all).map { StackRender.json($0, file: file) }))])
    }

    static func text(for file: MiniDumpFile, thread: UInt32? = nil, all: Bool = false, limit: Int = defaultLimit) throws -> String {
        let stacks = try stacks(file, thread: thread, all: all)
        if stacks.isEmpty { return "The dump has no threads to walk." }
        let width = Render.addressWidth(file)
        return stacks.map { StackRender.text($0, file: file, width: width, limit: limit) }
            .joined(separator: "\n\n")
    }
}
