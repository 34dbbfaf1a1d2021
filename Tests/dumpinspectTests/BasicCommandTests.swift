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

@Suite struct ModulesAndThreadsCommandTests {
    @Test func modulesJSONHasTheContractKeys() throws {
        let result = try CLIRunner.run(["modules", "--json", "--unloaded", BasicCommandTests.demo])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLIRunner.jsonObject(result.stdout)
        let modules = try #require(json["modules"] as? [[String: Any]])
        #expect(modules.count == 5)
        for key in ["name", "path", "base", "size", "timestamp", "version", "debugFile", "debugId", "codeId"] {
            #expect(modules.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
        let payments = try #require(modules.first { $0["name"] as? String == "payments.dll" })
        #expect(payments["base"] as? String == "0x7FFDC8B50000")
        #expect(payments["version"] as? String == "2.4.7.1")
        #expect((payments["path"] as? String)?.hasSuffix("\\payments.dll") == true)
        let unloaded = try #require(json["unloadedModules"] as? [[String: Any]])
        #expect(unloaded.first?["name"] as? String == "legacyauth.dll")
    }

    @Test func threadsJSONHasRegistersByArchitecture() throws {
        let result = try CLIRunner.run(["threads", "--json", BasicCommandTests.demo])
        #expect(result.status == 0, "\(result.stderr)")
        let threads = try #require(try CLIRunner.jsonObject(result.stdout)["threads"] as? [[String: Any]])
        #expect(threads.count == 4)
        let worker = try #require(threads.first { ($0["id"] as? NSNumber)?.intValue == 0x2F10 })
        #expect(worker["name"] as? String == "PaymentWorker")
        let registers = try #require(worker["registers"] as? [String: Any])
        #expect(registers["rip"] as? String == "0x7FFDC8B51A3F")
        #expect(registers["rsp"] != nil && registers["rbp"] != nil)
        let stack = try #require(worker["stack"] as? [String: Any])
        #expect(stack["start"] as? String == "0xA17E5FFA58")
        #expect(worker["teb"] as? String == "0xA17DE33000")

        let arm = try CLIRunner.run(["threads", "--json", "TestDumps/arm64-linux-segv.dmp"])
        let armThreads = try #require(try CLIRunner.jsonObject(arm.stdout)["threads"] as? [[String: Any]])
        let armRegisters = try #require(armThreads.first?["registers"] as? [String: Any])
        for key in ["pc", "sp", "fp", "lr"] { #expect(armRegisters[key] != nil, "arm64 missing \(key)") }
    }
}
