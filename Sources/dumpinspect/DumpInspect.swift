import ArgumentParser

/// `dumpinspect`: why did this process crash? The root command only configures.
@main
struct DumpInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dumpinspect",
        abstract: "Read Windows minidumps (.dmp, .mdmp, .hdmp) and say why the process crashed.",
        discussion: """
            Examples:
              dumpinspect crash.dmp                 the verdict: exception, faulting module, stack
              dumpinspect modules --json crash.dmp  machine-readable module list
              dumpinspect memory crash.dmp --address 0x21fa80 --length 64

            Exit status: 0 success; 2 the dump could not be read (one line on stderr names the
            file, the file offset and the problem) or a mapped file was truncated while it was
            read (then use --no-mmap); 64 bad arguments.
            """,
        version: "0.1.0",
        subcommands: [SummaryCommand.self, StreamsCommand.self, SystemCommand.self, StackCommand.self, ThreadsCommand.self, ModulesCommand.self, MemoryCommand.self, ScanCommand.self],
        defaultSubcommand: SummaryCommand.self
    )

    /// Runs the commonest requests directly (see ``QuickStart``), everything else through
    /// ArgumentParser.
    static func main() {
        BusErrorGuard.install()
        guard let request = QuickStart.request(CommandLine.arguments.dropFirst()) else {
            main(nil)
            return
        }
        do {
            try request.run()
        } catch let code as ExitCode {
            ProcessExit.with(code.rawValue)
        } catch {
            // A request ArgumentParser must word (`stack` on a thread without a context): nothing
            // has been printed, so it runs again there and fails the same way, with its usage.
            main(nil)
        }
    }
}
