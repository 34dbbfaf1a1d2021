import Foundation
import Testing

/// `summary --json` and `stack --json` keep their documented contract keys and carry the verdict.
@Suite struct SummaryCommandTests {
    @Test func demoSummaryHasTheVerdictKeys() throws {
        let result = try CLIRunner.run(["summary", "--json", BasicCommandTests.demo])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLIRunner.jsonObject(result.stdout)
        let exception = try #require(json["exception"] as? [String: Any])
        #expect(exception["code"] as? String == "0xC0000005")
        #expect(exception["threadId"] as? NSNumber == 0x2F10)
        #expect(exception["address"] as? String == "0x7FFDC8B51A3F")
        #expect(exception["flags"] as? String == "0x0")
        #expect(exception["parameters"] as? [String] == ["0x1", "0x10"])
        #expect(exception["name"] as? String == "EXCEPTION_ACCESS_VIOLATION")
        let access = try #require(exception["accessViolation"] as? [String: Any])
        #expect(access["operation"] as? String == "write")
        #expect(access["address"] as? String == "0x10")
        let fault = try #require(json["fault"] as? [String: Any])
        #expect(fault["module"] as? String == "payments.dll")
        #expect(fault["moduleOffset"] as? String == "0x1A3F")
        #expect(fault.keys.contains("function"))
        let event = try #require(json["event1000"] as? [String: Any])
        #expect(event["applicationName"] as? String == "MyService.exe")
        #expect(event["moduleName"] as? String == "payments.dll")
        #expect(event["faultOffset"] as? String == "0x0000000000001a3f")
        #expect(json["bucket"] is [String: Any])
        #expect(json["recursion"] is NSNull)
        let process = try #require(json["process"] as? [String: Any])
        #expect(process["pid"] as? NSNumber == 4321)
    }

    @Test func noExceptionIsNull() throws {
        let result = try CLIRunner.run(["summary", "--json", "TestDumps/padded-lists.dmp"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLIRunner.jsonObject(result.stdout)
        if json["kind"] as? String == "no-exception" { #expect(json["exception"] is NSNull) }
    }

    @Test func summaryIsTheDefaultCommand() throws {
        let explicit = try CLIRunner.run(["summary", BasicCommandTests.demo])
        let implicit = try CLIRunner.run([BasicCommandTests.demo])
        #expect(implicit.status == 0)
        #expect(implicit.stdout == explicit.stdout)
        #expect(implicit.stdout.contains("Faulting module name: payments.dll"))
    }

    @Test func stackOverflowReportsTheCycle() throws {
        guard let shared = CLIRunner.sharedDumps else { return }
        let path = shared.appendingPathComponent("wine/x64_O0_so_cycle3_oop.small.dmp").path
        let result = try CLIRunner.run(["summary", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLIRunner.jsonObject(result.stdout)
        #expect((json["exception"] as? [String: Any])?["code"] as? String == "0xC00000FD")
        let recursion = try #require(json["recursion"] as? [String: Any])
        #expect(recursion["period"] as? NSNumber == 3)
        #expect(((recursion["repetitions"] as? NSNumber)?.intValue ?? 0) > 3000)
        let frames = try #require(recursion["frames"] as? [[String: Any]])
        #expect(frames.count == 3)
        #expect(frames.allSatisfy { $0["module"] as? String == "crash.exe" })

        let stack = try CLIRunner.run(["stack", "--json", path])
        let threads = try #require(try CLIRunner.jsonObject(stack.stdout)["threads"] as? [[String: Any]])
        let first = try #require(threads.first)
        #expect(((first["frames"] as? [Any])?.count ?? 0) > 9000)
        #expect((first["recursion"] as? [String: Any])?["period"] as? NSNumber == 3)
        let frame = try #require((first["frames"] as? [[String: Any]])?.first)
        for key in ["index", "address", "module", "moduleOffset", "function", "trust"] {
            #expect(frame.keys.contains(key), "frame missing \(key)")
        }
        let text = try CLIRunner.run(["stack", path])
        #expect(text.stdout.contains("repeat 3,107 times") || text.stdout.contains("repeat "))
    }

    @Test func w3wpFullDumpNamesTheAppPool() throws {
        guard let shared = CLIRunner.sharedDumps else { return }
        let path = shared.appendingPathComponent("wine/x64_O0_w3wp_oop_fullmem.full.dmp.gz").path
        let result = try CLIRunner.run(["summary", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        let process = try #require(try CLIRunner.jsonObject(result.stdout)["process"] as? [String: Any])
        #expect(process["iisAppPool"] as? String == "ContosoAppPool")
        #expect(process["lastError"] as? String == "0x57")
    }
}
