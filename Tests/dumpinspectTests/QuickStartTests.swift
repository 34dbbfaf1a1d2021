import Foundation
import Testing

/// `dumpinspect [summary] [--json] [--no-mmap] FILE` skips ArgumentParser (QuickStart.swift); `--`
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

    @Test func otherInvocationsStillReachArgumentParser() throws {
        let demo = "TestDumps/amd64-access-violation.dmp"
        #expect(try CLIRunner.run(["--version"]).stdout.hasPrefix("0."))
        #expect(try CLIRunner.run(["summary", "--help"]).stdout.contains("USAGE"))
        #expect(try CLIRunner.run(["summary", "--json", "--json", demo]).stdout == CLIRunner.run(["--json", demo]).stdout)
        #expect(try CLIRunner.run(["summary", "--bogus", demo]).status == 64)
        #expect(try CLIRunner.run(["summary", demo, demo]).status == 64)
        #expect(try CLIRunner.run(["modules"]).status == 64)
        #expect(try CLIRunner.run(["modules", demo]).stdout.contains("payments.dll"))
    }
}
