import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// SystemInfo, MiscInfo, Exception, ThreadList and the memory lists, checked against the reference
/// values independent tools extracted from every real dump.
@Suite struct CoreStreamTests {
    static let realDumps: [String] =
        SharedDumps.files(in: "public").map { "public/" + $0 } + SharedDumps.files(in: "wine").map { "wine/" + $0 }

    static func open(_ name: String) -> (MiniDumpFile, [String: Any])? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let expected = SharedDumps.expected(parts[0], parts[1]),
              let dump = try? MiniDumpFile(path: SharedDumps.path(parts[0], parts[1]))
        else { return nil }
        return (dump, expected)
    }

    static func isMalformed(_ name: String) -> Bool {
        let file = String(name.split(separator: "/").last ?? "")
        return (SharedDumps.manifest[file]?["malformed"] as? Bool) ?? false
    }

    @Test(arguments: realDumps)
    func systemInfoMatchesReference(name: String) throws {
        guard SharedDumps.available(), let (dump, expected) = Self.open(name),
              let reference = expected["systemInfo"] as? [String: Any] else { return }
        guard let info = try dump.systemInfo() else {
            Issue.record("\(name): no SystemInfo, but the reference has one")
            return
        }
        #expect(UInt64(info.architecture.rawValue) == jsonUInt64(reference["arch"]), "\(name)")
        #expect(UInt64(info.cpuCount) == jsonUInt64(reference["cpuCount"]), "\(name)")
        #expect(UInt64(info.majorVersion) == jsonUInt64(reference["osMajor"]), "\(name)")
        #expect(UInt64(info.minorVersion) == jsonUInt64(reference["osMinor"]), "\(name)")
        #expect(UInt64(info.buildNumber) == jsonUInt64(reference["osBuild"]), "\(name)")
        #expect(UInt64(info.platform.rawValue) == jsonUInt64(reference["platform"]), "\(name)")
        #expect(UInt64(info.processorLevel) == jsonUInt64(reference["processorLevel"]), "\(name)")
        #expect(UInt64(info.processorRevision) == jsonUInt64(reference["processorRevision"]), "\(name)")
        #expect(UInt64(info.productType) == jsonUInt64(reference["productType"]), "\(name)")
        #expect(UInt64(info.suiteMask) == jsonUInt64(reference["suiteMask"]), "\(name)")
        if let csd = reference["csdVersion"] as? String, !Self.isMalformed(name) {
            #expect(info.servicePack == csd, "\(name)")
        }
        if let cpu = reference["cpu"] as? [String: Any], let vendor = cpu["vendorId"] as? String,
           vendor.count == 12, vendor.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            #expect(info.cpuVendor == vendor, "\(name)")
        } else {
            // The reference decodes the x86 vendor union even where the writer stored ProcessorFeatures;
            // only printable vendor strings are meaningful.
            #expect(info.cpuVendor == nil || info.cpuVendor?.count == 12, "\(name)")
        }
    }

    @Test(arguments: realDumps)
    func miscInfoMatchesReference(name: String) throws {
        guard SharedDumps.available(), let (dump, expected) = Self.open(name),
              let reference = expected["miscInfo"] as? [String: Any] else { return }
        guard let misc = try dump.miscInfo() else {
            // Linux dumps: the reference took the pid from LinuxProcStatus (see the file's notes).
            #expect(reference["sizeOfInfo"] is NSNull || reference["sizeOfInfo"] == nil, "\(name)")
            return
        }
        #expect(UInt64(misc.sizeOfInfo) == jsonUInt64(reference["sizeOfInfo"]), "\(name)")
        #expect(UInt64(misc.flags1) == jsonUInt64(reference["flags1"]), "\(name)")
        let pairs: [(UInt32?, String)] = [
            (misc.processId, "processId"), (misc.processCreateTime, "processCreateTime"),
            (misc.processUserTime, "processUserTime"), (misc.processKernelTime, "processKernelTime"),
            (misc.processorMaxMhz, "processorMaxMhz"), (misc.processorCurrentMhz, "processorCurrentMhz"),
        ]
        for (value, key) in pairs {
            #expect(value.map(UInt64.init) == jsonUInt64(reference[key]), "\(name) \(key)")
        }
    }

    @Test(arguments: realDumps)
    func exceptionMatchesReference(name: String) throws {
        guard SharedDumps.available(), let (dump, expected) = Self.open(name) else { return }
        guard let reference = expected["exception"] as? [String: Any] else {
            if !Self.isMalformed(name) { #expect(try dump.exception() == nil, "\(name)") }
            return
        }
        let exception = try #require(try dump.exception(), "\(name)")
        #expect(UInt64(exception.code) == jsonUInt64(reference["code"]), "\(name)")
        #expect(UInt64(exception.flags) == jsonUInt64(reference["flags"]), "\(name)")
        #expect(exception.address == jsonUInt64(reference["address"]), "\(name)")
        #expect(exception.nestedRecord == jsonUInt64(reference["record"]), "\(name)")
        #expect(UInt64(exception.threadId) == jsonUInt64(reference["threadId"]), "\(name)")
        #expect(UInt64(exception.declaredParameterCount) == jsonUInt64(reference["numberParameters"]), "\(name)")
        if let parameters = reference["parameters"] as? [Any] {
            #expect(exception.parameters == parameters.compactMap(jsonUInt64), "\(name)")
        }
        if let size = jsonUInt64(reference["contextSize"]) { #expect(exception.contextLocation.size == size, "\(name)") }
        if let rva = jsonUInt64(reference["contextRva"]) { #expect(exception.contextLocation.rva == rva, "\(name)") }
    }

    @Test(arguments: realDumps)
    func threadsMatchReference(name: String) throws {
        guard SharedDumps.available(), let (dump, expected) = Self.open(name),
              let reference = expected["threads"] as? [[String: Any]] else { return }
        let list = try #require(try dump.threadList(), "\(name)")
        #expect(list.threads.count == reference.count, "\(name)")
        for (thread, ref) in zip(list.threads, reference) {
            #expect(UInt64(thread.threadId) == jsonUInt64(ref["id"]), "\(name)")
            #expect(UInt64(thread.suspendCount) == jsonUInt64(ref["suspendCount"]), "\(name)")
            #expect(UInt64(thread.priority) == jsonUInt64(ref["priority"]), "\(name)")
            #expect(UInt64(thread.priorityClass) == jsonUInt64(ref["priorityClass"]), "\(name)")
            #expect(thread.teb == jsonUInt64(ref["teb"]), "\(name)")
            #expect(thread.stack.address == jsonUInt64(ref["stackStart"]), "\(name)")
            #expect(thread.stack.size == jsonUInt64(ref["stackSize"]), "\(name)")
            #expect(thread.contextLocation.size == jsonUInt64(ref["contextSize"]), "\(name)")
            if let rva = jsonUInt64(ref["stackRva"]) { #expect(thread.stack.rva == rva, "\(name)") }
            if let rva = jsonUInt64(ref["contextRva"]) { #expect(thread.contextLocation.rva == rva, "\(name)") }
        }
    }

    @Test(arguments: realDumps + SharedDumps.files(in: "wine", includeCompressed: true)
        .filter { $0.hasSuffix(".gz") }.map { "wine/" + $0 })
    func memoryListsMatchReference(name: String) throws {
        guard SharedDumps.available(), !name.hasSuffix(".gz"), let (dump, expected) = Self.open(name),
              let memory = expected["memory"] as? [String: Any] else { return }
        for (key, decoded) in [("memoryList", try dump.memoryList()), ("memory64List", try dump.memory64List())] {
            guard let reference = memory[key] as? [String: Any] else { continue }
            let list = try #require(decoded, "\(name) \(key)")
            #expect(UInt64(list.ranges.count) == jsonUInt64(reference["count"]), "\(name) \(key)")
            if let total = jsonUInt64(reference["totalBytes"]) { #expect(list.totalBytes == total, "\(name) \(key)") }
            if let ranges = reference["ranges"] as? [[Any]] {
                let pairs = ranges.map { (jsonUInt64($0.first) ?? 0, jsonUInt64($0.last) ?? 0) }
                #expect(list.ranges.map(\.address) == pairs.map(\.0), "\(name) \(key)")
                #expect(list.ranges.map(\.size) == pairs.map(\.1), "\(name) \(key)")
            }
        }
    }

    @Test(arguments: realDumps)
    func everyRangeIsReadableByAddress(name: String) throws {
        guard SharedDumps.available(), let (dump, _) = Self.open(name) else { return }
        let space = dump.addressSpace()
        for segment in space.segments.prefix(500) {
            let first = space.bytes(at: segment.address, count: Int(min(segment.size, 64)))
            #expect(first != nil, "\(name) \(Hex.format(segment.address))")
            #expect(space.value(UInt8.self, at: segment.endAddress &- 1) != nil, "\(name)")
        }
    }
}
