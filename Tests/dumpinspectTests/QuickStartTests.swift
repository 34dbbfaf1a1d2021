import Foundation
import Testing

/// `dumpinspect [COMMAND] [--json] [--no-mmap] FILE` skips ArgumentParser (QuickStart.swift); `--`
/// before the file sends the same request through ArgumentParser. Both must print the same bytes
/// and exit the same way, and everything else must still reach ArgumentParser.
@Suite struct QuickStartTests {
    static let dumps = [
        "TestDumps/amd64-access-violation.dmp", "TestDumps/x86-breakpoint.dmp", "TestDumps/arm64-linux-segv.dmp",
        "TestDumps/malformed/truncated.dmp", "TestDumps/malformed/directory-count-ffffffff.dmp", "Package.swift",
        "no/such/file.dmp",
    ]

    @Test(arguments: dumps)
    func quickPathPrintsWhatArgumentParserPrints(_ dump: String) throws {
        for flags in [[], ["--json"], ["--no-mmap"], ["--json", "--no-mmap"]] {
            for prefix in [["summary"], []] {
                let quick = try CLIRunner.run(prefix + flags + [dump])
                let parsed = try CLIRunner.run(prefix + flags + ["--", dump])
                #expect(quick.status == parsed.status, "\(prefix + flags) \(dump)")
                #expect(quick.stdout == parsed.stdout, "\(prefix + flags) \(dump)")
                #expect(quick.stderr == parsed.stderr, "\(prefix + flags) \(dump)")
            }
        }
    }

    /// Every other command the quick path runs, with and without `--json`.
    @Test(arguments: ["stack", "threads", "modules", "streams", "system"])
    func quickCommandsPrintWhatArgumentParserPrints(_ command: String) throws {
        for dump in Self.dumps {
            for flags in [[], ["--json"], ["--json", "--no-mmap"]] {
                let quick = try CLIRunner.run([command] + flags + [dump])
                let parsed = try CLIRunner.run([command] + flags + ["--", dump])
                #expect(quick.status == parsed.status, "\(command) \(flags) \(dump)")
                #expect(quick.stdout == parsed.stdout, "\(command) \(flags) \(dump)")
                #expect(quick.stderr == parsed.stderr, "\(command) \(flags) \(dump)")
            }
        }
    }

    /// A quick request that fails with anything but an unreadable dump runs again through
    /// ArgumentParser: `stack` of a dump whose crashing thread is not in its thread list.
    @Test func quickRequestsThatFailAreWordedByArgumentParser() throws {
        guard let shared = CLIRunner.sharedDumps else { return }
        let dump = shared.appendingPathComponent("public/lldb__thread-list-padded.dmp").path
        let quick = try CLIRunner.run(["stack", dump])
        let parsed = try CLIRunner.run(["stack", "--", dump])
        #expect(quick.status == 64)
        #expect(quick.stderr.contains("is not in the dump or has no usable context"))
        #expect(quick.stdout == parsed.stdout && quick.stderr == parsed.stderr && quick.status == parsed.status)
    }

    @Test func otherInvocationsStillReachArgumentParser() throws {
        let demo = "TestDumps/amd64-access-violation.dmp"
        #expect(try CLIRunner.run(["--version"]).stdout.hasPrefix("0."))
        #expect(try CLIRunner.run(["summary", "--help"]).stdout.contains("USAGE"))
        #expect(try CLIRunner.run(["summary", "--json", "--json", demo]).stdout == CLIRunner.run(["--json", demo]).stdout)
        #expect(try CLIRunner.run(["summary", "--bogus", demo]).status == 64)
        #expect(try CLIRunner.run(["summary", demo, demo]).status == 64)
        #expect(try CLIRunner.run(["modules"]).status == 64)
        #expect(try CLIRunner.run(["modules", demo]).stdout.contains("payments.dll"))
        // Options beyond --json and --no-mmap go to ArgumentParser, with their defaults honoured.
        #expect(try CLIRunner.run(["modules", "--limit", "1", demo]).stdout.contains("first 1 shown"))
        #expect(try CLIRunner.run(["stack", "--limit", "-1", demo]).status == 64)
        #expect(try CLIRunner.run(["stack", "--all", demo]).stdout == CLIRunner.run(["stack", "--all", "--", demo]).stdout)
        #expect(try CLIRunner.run(["threads", "--help"]).stdout.contains("USAGE"))
    }
}
