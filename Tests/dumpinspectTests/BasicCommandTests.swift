import Foundation
import Testing

@Suite struct BasicCommandTests {
    static let demo = "TestDumps/amd64-access-violation.dmp"

    @Test func streamsJSONListsTheDirectory() throws {
        let result = try CLIRunner.run(["streams", "--json", Self.demo])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLIRunner.jsonObject(result.stdout)
        let streams = try #require(json["streams"] as? [[String: Any]])
        #expect(!streams.isEmpty)
        for key in ["index", "type", "name", "size", "rva"] { #expect(streams[0][key] != nil, "missing \(key)") }
        #expect(streams.contains { $0["name"] as? String == "Exception" })
        #expect((streams[0]["rva"] as? String)?.hasPrefix("0x") == true)
    }

    @Test func systemJSONHasTheContractKeys() throws {
        let result = try CLIRunner.run(["system", "--json", Self.demo])
        #expect(result.status == 0)
        let json = try CLIRunner.jsonObject(result.stdout)
        #expect(json["arch"] as? String == "amd64")
        #expect(json["os"] as? String == "windows")
        #expect((json["osVersion"] as? String)?.hasPrefix("10.0.") == true)
        #expect(json["cpuCount"] is NSNumber)
    }

    @Test func notADumpIsOneLineAndExitStatus2() throws {
        let result = try CLIRunner.run(["streams", "Package.swift"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("Package.swift"))
        #expect(result.stderr.contains("offset 0x0"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileIsOneLineAndExitStatus2() throws {
        let result = try CLIRunner.run(["system", "no/such/file.dmp"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.dmp"))
    }

    @Test func badAddressIsAUsageError() throws {
        let result = try CLIRunner.run(["memory", Self.demo, "--address", "zzz"])
        #expect(result.status == 64)
    }

    @Test func malformedDumpsNeverTrap() throws {
        let folder = CLIRunner.packageRoot.appendingPathComponent("TestDumps/malformed")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dmp") }
        #expect(!names.isEmpty)
        for name in names {
            for command in ["streams", "system", "memory"] {
                let result = try CLIRunner.run([command, "TestDumps/malformed/" + name])
                #expect(result.status == 0 || result.status == 2, "\(command) \(name): \(result.status) \(result.stderr)")
            }
        }
    }
}
