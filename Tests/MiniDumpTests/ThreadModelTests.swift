import Foundation
import MiniDump
import Testing

/// `MiniDumpFile.threads()` joins the thread list, ThreadNames, ThreadInfoList and contexts.
@Suite struct ThreadModelTests {
    @Test(arguments: CoreStreamTests.realDumps)
    func everyThreadHasItsNameAndContext(name: String) throws {
        guard SharedDumps.available(), let (dump, expected) = CoreStreamTests.open(name),
              let reference = expected["threads"] as? [[String: Any]] else { return }
        let threads = try dump.threads()
        #expect(threads.count == reference.count, "\(name)")
        let names = (expected["threadNames"] as? [[String: Any]]) ?? []
        for (thread, ref) in zip(threads, reference) {
            // A thread whose context location is empty (LLVM's yaml2obj test dumps) has no context.
            if thread.record.contextLocation.isEmpty { #expect(thread.context == nil, "\(name)") }
            #expect(UInt64(thread.id) == jsonUInt64(ref["id"]), "\(name)")
            if !CoreStreamTests.isMalformed(name), !thread.record.contextLocation.isEmpty {
                #expect(thread.context != nil, "\(name) thread \(thread.id): \(thread.diagnostics)")
            }
            if let registers = ref["registers"] as? [String: Any], let context = thread.context,
               let sp = jsonUInt64(registers["rsp"] ?? registers["esp"] ?? registers["sp"]), sp != 0 {
                #expect(context.stackPointer == sp, "\(name) thread \(thread.id)")
            }
            let expectedName = names.first { jsonUInt64($0["threadId"] ?? $0["id"]) == UInt64(thread.id) }
            if let expectedName, let text = expectedName["name"] as? String {
                #expect(thread.name == text, "\(name) thread \(thread.id)")
            }
        }
    }

    @Test func demoDumpThreadsCarryNamesInfoAndExceptionContext() throws {
        let path = SharedDumps.packageRoot.appendingPathComponent("TestDumps/amd64-access-violation.dmp").path
        let dump = try MiniDumpFile(path: path)
        let threads = try dump.threads()
        #expect(threads.map(\.id) == [0x1A2C, 0x2F10, 0x3B04, 0xE58])
        #expect(threads.map(\.name) == ["ServiceControl", "PaymentWorker", nil, "LogFlusher"])
        #expect(threads.allSatisfy { $0.info != nil && $0.context != nil })
        let fault = try #require(dump.exceptionContext())
        #expect(fault.instructionPointer == 0x7FFD_C8B5_1A3F)
        #expect(dump.thread(id: 0x2F10)?.stackStart == 0xA1_7E5F_FA58)
    }
}
