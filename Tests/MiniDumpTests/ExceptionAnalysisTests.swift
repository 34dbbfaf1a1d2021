import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// Builds small dumps with SystemInfo, an Exception stream, threads and memory, for analysis tests.
enum SyntheticDump {
    struct Thread {
        var id: UInt32
        var teb: UInt64 = 0
        var stackAddress: UInt64
        var stack: [UInt8]
    }

    static func build(
        architecture: UInt16 = 9, platform: UInt32 = 2, threadId: UInt32 = 1, code: UInt32, flags: UInt32 = 0,
        address: UInt64 = 0, parameters: [UInt64] = [], threads: [Thread] = [], memory: [(UInt64, [UInt8])] = []
    ) throws -> MiniDumpFile {
        var builder = MiniDumpBuilder()
        var system = ByteWriter()
        system.u16(architecture)
        system.u16(6)
        system.u16(0)
        system.u8(1)
        system.u8(1)
        system.u32(10)
        system.u32(0)
        system.u32(19041)
        system.u32(platform)
        system.u32(0)
        system.u16(0)
        system.u16(0)
        system.zeros(24)
        builder.addStream(7, system.bytes)

        var exception = ByteWriter()
        exception.u32(threadId)
        exception.u32(0)
        exception.u32(code)
        exception.u32(flags)
        exception.u64(0)
        exception.u64(address)
        exception.u32(UInt32(parameters.count))
        exception.u32(0)
        for index in 0..<15 { exception.u64(index < parameters.count ? parameters[index] : 0) }
        exception.u32(0)
        exception.u32(0)
        builder.addStream(6, exception.bytes)

        var ranges = memory
        var threadList = ByteWriter()
        threadList.u32(UInt32(threads.count))
        var threadEntries = [(Thread, UInt32)]()
        for thread in threads {
            let rva = builder.append(thread.stack)
            threadEntries.append((thread, rva))
        }
        for (thread, rva) in threadEntries {
            threadList.u32(thread.id)
            threadList.u32(0)
            threadList.u32(0)
            threadList.u32(0)
            threadList.u64(thread.teb)
            threadList.u64(thread.stackAddress)
            threadList.u32(UInt32(thread.stack.count))
            threadList.u32(rva)
            threadList.u32(0)
            threadList.u32(0)
            ranges.append((thread.stackAddress, thread.stack))
        }
        if !threads.isEmpty { builder.addStream(3, threadList.bytes) }

        var list = ByteWriter()
        list.u32(UInt32(ranges.count))
        var placed = [(UInt64, Int, UInt32)]()
        for (start, bytes) in ranges { placed.append((start, bytes.count, builder.append(bytes))) }
        for (start, count, rva) in placed {
            list.u64(start)
            list.u32(UInt32(count))
            list.u32(rva)
        }
        builder.addStream(5, list.bytes)
        return try MiniDumpFile(bytes: builder.build())
    }
}

/// A memory reader over a few byte ranges, for unit tests.
struct FakeMemory: MemoryReading {
    var ranges: [(UInt64, [UInt8])]

    func bytes(at address: UInt64, count: Int) -> [UInt8]? {
        for (start, data) in ranges where address >= start && address - start <= UInt64(data.count) {
            let offset = Int(address - start)
            guard count >= 0, offset + count <= data.count else { return nil }
            return Array(data[offset..<(offset + count)])
        }
        return nil
    }

    func withBytes<R>(at address: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard let data = bytes(at: address, count: count) else { return nil }
        return try data.withUnsafeBytes(body)
    }
}

/// The exception stream of a dump that must have one.
func exceptionOf(_ dump: MiniDumpFile, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExceptionStream {
    try #require(try dump.exception(), sourceLocation: sourceLocation)
}

func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}

@Suite struct ExceptionAnalysisTests {
    // MARK: Catalog

    @Test func requiredWindowsCodesAreNamed() {
        let expected: [UInt32: String] = [
            0xC000_0005: "EXCEPTION_ACCESS_VIOLATION", 0xC000_0006: "EXCEPTION_IN_PAGE_ERROR",
            0xC000_001D: "EXCEPTION_ILLEGAL_INSTRUCTION", 0xC000_0094: "EXCEPTION_INT_DIVIDE_BY_ZERO",
            0xC000_0095: "EXCEPTION_INT_OVERFLOW", 0xC000_00FD: "EXCEPTION_STACK_OVERFLOW",
            0xC000_0374: "STATUS_HEAP_CORRUPTION", 0xC000_0409: "STATUS_STACK_BUFFER_OVERRUN",
            0xC000_0420: "STATUS_ASSERTION_FAILURE", 0xC000_0602: "STATUS_FAIL_FAST_EXCEPTION",
            0x8000_0003: "EXCEPTION_BREAKPOINT", 0x8000_0004: "EXCEPTION_SINGLE_STEP",
            0xC000_0022: "STATUS_ACCESS_DENIED", 0xC000_000D: "STATUS_INVALID_PARAMETER",
            0xC000_0008: "STATUS_INVALID_HANDLE", 0xC000_0417: "STATUS_INVALID_CRUNTIME_PARAMETER",
        ]
        for (code, name) in expected {
            #expect(ExceptionCode(code).name == name)
            #expect(ExceptionCode(code).meaning?.isEmpty == false)
        }
        for code: UInt32 in [0xE043_4352, 0xE06D_7363, 0x4350_6E78, 0x0517_A7ED] {
            #expect(ExceptionCode(code).name != nil && ExceptionCode(code).meaning != nil, "\(Hex.format(code))")
        }
        let unknown = ExceptionCode(0xE000_1234)
        #expect(unknown.name == nil)
        #expect(unknown.isApplicationDefined)
        #expect(unknown.displayName == "0xE0001234")
        #expect(!unknown.generalMeaning.isEmpty)
    }

    @Test func fastFailCodesFromParameterZero() {
        let names: [UInt64: String] = [
            2: "FAST_FAIL_STACK_COOKIE_CHECK_FAILURE", 10: "FAST_FAIL_GUARD_ICALL_CHECK_FAILURE",
            5: "FAST_FAIL_INVALID_ARG", 7: "FAST_FAIL_FATAL_APP_EXIT", 50: "FAST_FAIL_HEAP_METADATA_CORRUPTION",
            0: "FAST_FAIL_LEGACY_GS_VIOLATION", 70: "FAST_FAIL_INVALID_FLS_DATA",
        ]
        for (code, name) in names {
            #expect(FastFailCode(code).name == name)
            let description = ExceptionDescription(code: 0xC000_0409, flags: 1, parameters: [code], platform: .win32NT)
            #expect(description.fastFail == FastFailCode(code))
            #expect(description.subcodeName == name)
        }
        #expect(FastFailCode(15).name == nil)
        #expect(FastFailCode(0xFFFF_FFFF).name == "FAST_FAIL_INVALID_FAST_FAIL_CODE")
        #expect(FastFailCode(.max).name == nil)
    }

    @Test func platformChoosesTheNumbering() {
        let linux = ExceptionDescription(code: 11, flags: 1, parameters: [], platform: .linux)
        #expect(linux.family == .posixSignal)
        #expect(linux.name == "SIGSEGV")
        #expect(linux.subcodeName == "SEGV_MAPERR")
        let android = ExceptionDescription(code: 6, flags: 0xFFFF_FFFA, parameters: [], platform: .android)
        #expect(android.name == "SIGABRT")
        #expect(android.subcodeName == "SI_TKILL")
        let mac = ExceptionDescription(code: 1, flags: 1, parameters: [], platform: .macOS, architecture: .amd64)
        #expect(mac.family == .machException)
        #expect(mac.name == "EXC_BAD_ACCESS")
        #expect(mac.subcodeName == "KERN_INVALID_ADDRESS")
        let armTrap = ExceptionDescription(code: 6, flags: 1, parameters: [], platform: .iOS, architecture: .arm64)
        #expect(armTrap.subcodeName == "EXC_ARM_BREAKPOINT")
        let windows = ExceptionDescription(code: 11, flags: 0, parameters: [], platform: .win32NT)
        #expect(windows.family == .windows && !windows.isKnown)
        let crashpad = ExceptionDescription(code: 0x4350_6E78, flags: 0, parameters: [], platform: .iOS)
        #expect(crashpad.name == "CRASHPAD_NSEXCEPTION")
        let requested = ExceptionDescription(code: 0xFFFF_FFFF, flags: 0, parameters: [], platform: .linux)
        #expect(requested.isSimulated && requested.name == "DUMP_REQUESTED")
    }

    /// Every real dump's exception is named as the manifest (from independent tools) names it.
    @Test(arguments: SharedDumps.files(in: "public"))
    func publicDumpNamesMatchTheManifest(file: String) throws {
        guard SharedDumps.available(), let entry = SharedDumps.manifest[file],
              let expected = entry["exception_name"] as? String,
              let dump = try? MiniDumpFile(path: SharedDumps.path("public", file)),
              let exception = try dump.exception() else { return }
        let description = ExceptionDescription(exception, systemInfo: try dump.systemInfo())
        if expected.contains("CPnx") {
            #expect(ExceptionCode(exception.code) == .crashpadNSException)
        } else {
            #expect(description.name.hasSuffix(expected), "\(file): \(description.name) vs \(expected)")
        }
        #expect(description.isKnown, "\(file)")
    }

    // MARK: Access violations

    static let classifier = AddressClassifier(
        pointerSize: 8,
        images: [.init(name: "app.exe", baseAddress: 0x1_4000_0000, size: 0x5_0000),
                 .init(name: "ntdll.dll", baseAddress: 0x7FF8_0000_0000, size: 0x20_0000)],
        unloadedImages: [.init(name: "plugin.dll", baseAddress: 0x7FF7_0000_0000, size: 0x1_0000)],
        stacks: [.init(threadId: 7, base: 0x20_0000, limit: 0x1F_0000, reservedBottom: 0x10_0000),
                 .init(threadId: 8, base: 0x40_0000, limit: 0x3F_C000)],
        regions: [MemoryRegionFacts(baseAddress: 0x50_0000, size: 0x1000, state: 0x1000, protection: 0x02),
                  MemoryRegionFacts(baseAddress: 0x60_0000, size: 0x1000, state: 0x1000, protection: 0x04),
                  MemoryRegionFacts(baseAddress: 0x70_0000, size: 0x10000, state: 0x10000, protection: 0x01)])

    @Test func addressClasses() {
        let classifier = Self.classifier
        #expect(classifier.classify(0).kind == .nullPage)
        #expect(classifier.classify(0x10).summary == "null + 0x10")
        #expect(classifier.classify(0xFFFF).kind == .nullPage)
        #expect(classifier.classify(0x1_0000).kind == .other)
        #expect(classifier.classify(.max).kind == .unknownNonCanonical)
        #expect(classifier.classify(.max).address == nil)
        #expect(classifier.classify(0xDEAD_BEEF_DEAD_BEEF).kind == .nonCanonical)
        #expect(classifier.classify(0xFFFF_8000_0000_1000).kind == .kernel)
        let module = classifier.classify(0x1_4000_2CEF)
        #expect(module.kind == .module && module.moduleName == "app.exe" && module.moduleOffset == 0x2CEF)
        #expect(classifier.classify(0x1_4005_0000).kind == .other) // one past the image
        #expect(classifier.classify(0x1F_8000).kind == .stack)
        #expect(classifier.classify(0x1F_8000).threadId == 7)
        #expect(classifier.classify(0x1E_FFF0).kind == .stackGuard)  // below StackLimit, above DeallocationStack
        #expect(classifier.classify(0x0F_FFF0).kind == .other)       // below the reservation
        #expect(classifier.classify(0x3F_0000).kind == .stackGuard)  // within 64 KiB of a TEB-less stack
        #expect(classifier.classify(0x3E_0000).kind == .other)
        let unloaded = classifier.classify(0x7FF7_0000_0123)
        #expect(unloaded.kind == .unloadedModule && unloaded.moduleName == "plugin.dll" && unloaded.moduleOffset == 0x123)
        #expect(classifier.classify(0x50_0010).region?.protectionName == "PAGE_READONLY")
        let small = AddressClassifier(pointerSize: 4)
        #expect(small.classify(0xFFFF_FFFF).kind == .unknownNonCanonical)
        #expect(small.classify(0xDEAD_BEEF).kind == .other)
    }

    @Test func accessViolationCauses() throws {
        func violation(_ operation: UInt64, _ address: UInt64, code: UInt32 = 0xC000_0005) throws -> AccessViolation {
            let dump = try SyntheticDump.build(code: code, parameters: [operation, address, 0xC000_0185])
            let exception = try #require(try dump.exception())
            return try #require(AccessViolation(exception: exception, family: .windows, classifier: Self.classifier))
        }
        let write = try violation(1, 0x50_0020)
        #expect(write.operation == .write)
        #expect(write.cause?.contains("read-only") == true)
        let execute = try violation(8, 0x60_0000)
        #expect(execute.operation == .execute)
        #expect(execute.cause?.contains("DEP") == true)
        let free = try violation(0, 0x70_1000)
        #expect(free.cause == "the address is not allocated")
        let null = try violation(1, 0x10)
        #expect(null.summary.hasPrefix("write to null + 0x10"))
        let gp = try violation(0, .max)
        #expect(gp.address == nil && gp.reportedAddress == .max && gp.target.kind == .unknownNonCanonical)
        let inPage = try violation(0, 0x1_4000_1000, code: 0xC000_0006)
        #expect(inPage.ioStatus == ExceptionCode(0xC000_0185))
        #expect(inPage.target.kind == .module)
        // Other codes, or too few parameters, have no access details.
        let breakpoint = try SyntheticDump.build(code: 0x8000_0003, parameters: [0])
        #expect(AccessViolation(exception: try exceptionOf(breakpoint), family: .windows, classifier: Self.classifier) == nil)
        let short = try SyntheticDump.build(code: 0xC000_0005, parameters: [1])
        #expect(AccessViolation(exception: try exceptionOf(short), family: .windows, classifier: Self.classifier) == nil)
    }

    @Test func fillPatternsAndSignExtendedAddresses() throws {
        // A 32-bit dump whose writer sign-extended parameter 1 (0xDDDDDDE1: freed debug-heap memory).
        let dump = try SyntheticDump.build(architecture: 0, code: 0xC000_0005, parameters: [0, 0xFFFF_FFFF_DDDD_DDE1])
        let violation = try #require(AccessViolation(
            exception: try exceptionOf(dump), family: .windows, classifier: AddressClassifier(pointerSize: 4)))
        #expect(violation.reportedAddress == 0xDDDD_DDE1)
        #expect(violation.fillPattern?.contains("use after free") == true)
        #expect(violation.cause?.contains("use after free") == true)
        let wide = AccessViolation(operation: .read, reportedAddress: 0xFEEE_FEEE_FEEE_FEEE,
                                   target: Self.classifier.classify(0xFEEE_FEEE_FEEE_FEEE))
        #expect(wide.fillPattern?.contains("HeapFree") == true)
        let plain = AccessViolation(operation: .read, reportedAddress: 0x1234_5678, target: Self.classifier.classify(0x1234_5678))
        #expect(plain.fillPattern == nil)
        #expect(dump.crashReport().nextStep.actions.contains { $0.contains("gflags /p /enable") })
    }

    @Test func posixAndMachAccessFaults() throws {
        let linux = try SyntheticDump.build(platform: 0x8201, code: 11, flags: 1, address: 0x45)
        let segv = try #require(AccessViolation(
            exception: try exceptionOf(linux), family: .posixSignal, classifier: Self.classifier))
        #expect(segv.operation == nil && segv.address == 0x45 && segv.target.kind == .nullPage)
        // si_addr equal to the instruction pointer: an instruction fetch.
        let fetch = try SyntheticDump.build(platform: 0x8201, code: 11, flags: 2, address: 0x60_0000)
        let execute = try #require(AccessViolation(
            exception: try exceptionOf(fetch), family: .posixSignal, classifier: Self.classifier,
            instructionPointer: 0x60_0000))
        #expect(execute.operation == .execute)
        #expect(execute.cause?.contains("DEP") == true)
        let readOnly = try #require(AccessViolation(
            exception: try exceptionOf(try SyntheticDump.build(platform: 0x8201, code: 11, flags: 2, address: 0x50_0008)),
            family: .posixSignal, classifier: Self.classifier, instructionPointer: 0x1_4000_1000))
        #expect(readOnly.operation == nil)
        #expect(readOnly.cause?.contains("read-only") == true)
        let gp = try SyntheticDump.build(platform: 0x8201, code: 11, flags: 0x80, address: 0)
        let gpFault = try #require(AccessViolation(
            exception: try exceptionOf(gp), family: .posixSignal, classifier: Self.classifier))
        #expect(gpFault.target.kind == .unknownNonCanonical)
        let mac = try SyntheticDump.build(platform: 0x8101, code: 1, flags: 1, address: 0xFFFF_FFFF_8000_0042)
        let bad = try #require(AccessViolation(
            exception: try exceptionOf(mac), family: .machException, classifier: Self.classifier))
        #expect(bad.target.kind == .kernel)
    }

    /// The AV operation and address of every wine dump, against the ground truth.
    @Test(arguments: SharedDumps.files(in: "wine", includeCompressed: true))
    func wineAccessViolations(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file) else { return }
        let dump = try #require(DumpCache.open("wine", file))
        let exception = try #require(try dump.exception())
        let access = AccessViolation(exception: exception, family: .windows, classifier: AddressClassifier(pointerSize: 8))
        guard let expected = truth["access_violation"] as? [String: Any] else {
            if ExceptionCode(exception.code) != .stackOverflow { #expect(access == nil, "\(file)") }
            return
        }
        let violation = try #require(access, "\(file)")
        #expect(violation.operation?.name == expected["kind"] as? String, "\(file)")
        #expect(violation.reportedAddress == jsonUInt64(expected["address"]), "\(file)")
        #expect((violation.target.kind == .nullPage) == (expected["null_pointer"] as? Bool), "\(file)")
        #expect((violation.target.kind == .unknownNonCanonical) == (expected["address_unknown_noncanonical"] as? Bool), "\(file)")
        if let scenario = truth["scenario"] as? String,
           let facts = (SharedDumps.wineTruth?["scenarios"] as? [String: Any])?[scenario] as? [String: Any] {
            #expect(violation.operation?.name == facts["av"] as? String, "\(file)")
            if let address = jsonUInt64(facts["av_address"]) { #expect(violation.reportedAddress == address, "\(file)") }
        }
    }

    // MARK: .NET

    @Test func dotNetHResults() {
        #expect(HResult(0x8000_4003).dotNetExceptionTypes == ["System.NullReferenceException", "System.ArgumentNullException"])
        #expect(HResult(0x8013_1509).dotNetExceptionType == "System.InvalidOperationException")
        #expect(HResult(0x8007_0057).dotNetExceptionType == "System.ArgumentException")
        #expect(HResult(0x8013_1502).dotNetExceptionType == "System.ArgumentOutOfRangeException")
        #expect(HResult(0x8013_1500).name == "COR_E_EXCEPTION")
        #expect(HResult(0x8013_1622).dotNetExceptionType == "System.ObjectDisposedException")
        #expect(HResult(0x1234_5678).dotNetExceptionType == nil)
        #expect(HResult(0x8013_1500).facility == 0x13)
    }

    /// The CLR-shaped wine dump: HRESULT from parameter 0, runtime named from the module at parameter 4
    /// (modules from the ground truth, as the module list is another layer's job).
    @Test func dotNetFromTheWineDump() throws {
        let file = "x64_O0_clr_inthread.small.dmp"
        guard SharedDumps.available(), let truth = wineTruthEntry(file) else { return }
        let dump = try MiniDumpFile(path: SharedDumps.path("wine", file))
        let exception = try exceptionOf(dump)
        let modules = (truth["modules"] as? [[String: Any]] ?? []).compactMap { module -> AddressClassifier.Image? in
            guard let name = module["name"] as? String, let base = jsonUInt64(module["base"]),
                  let size = jsonUInt64(module["size"]) else { return nil }
            return AddressClassifier.Image(name: name, baseAddress: base, size: size)
        }
        let classifier = AddressClassifier(pointerSize: 8, images: modules)
        let dotNet = try #require(DotNetException(code: exception.code, parameters: exception.parameters, classifier: classifier))
        let parameters = (truth["exception"] as? [String: Any])?["parameters"] as? [String] ?? []
        #expect(UInt64(dotNet.hresult.rawValue) == jsonUInt64(parameters.first))
        #expect(dotNet.exceptionType == "System.Exception")
        #expect(dotNet.runtimeBaseAddress == jsonUInt64(parameters.last))
        #expect(dotNet.runtimeModuleName == "clr.dll")
        #expect(dotNet.runtime == .netFramework4)
        // Without modules the runtime stays unknown, but the type is still decoded.
        let bare = try #require(DotNetException(code: exception.code, parameters: exception.parameters, classifier: AddressClassifier(pointerSize: 8)))
        #expect(bare.runtimeModuleName == nil && bare.exceptionType == "System.Exception")
        #expect(DotNetException(code: 0xC000_0005, parameters: [1, 2], classifier: classifier) == nil)
        #expect(DotNetException.runtime(forModuleName: "CoreCLR.dll") == .netCore)
    }

    // MARK: C++

    /// A ThrowInfo chain laid out as MSVC does on x64 (RVAs from the image base) or x86 (addresses).
    static func throwInfoMemory(pointerSize: Int, base: UInt64) -> (memory: [(UInt64, [UInt8])], throwInfo: UInt64) {
        func field(_ address: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: pointerSize == 8 ? address - base : address) }
        let throwInfo = base + 0x1000
        let array = base + 0x1100
        let catchable = [base + 0x1200, base + 0x1240]
        let descriptors = [base + 0x1300, base + 0x1400]
        var memory: [(UInt64, [UInt8])] = []
        memory.append((throwInfo, littleEndian([UInt32(0), 0, 0, field(array)])))
        memory.append((array, littleEndian([UInt32(2), field(catchable[0]), field(catchable[1])])))
        for (index, address) in catchable.enumerated() {
            memory.append((address, littleEndian([UInt32(0), field(descriptors[index]), 0, UInt32.max, 0, 8, 0])))
        }
        let names = [".?AVruntime_error@std@@", ".?AVexception@std@@"]
        for (index, address) in descriptors.enumerated() {
            memory.append((address, Array(repeating: 0, count: pointerSize * 2) + Array(names[index].utf8) + [0]))
        }
        return (memory, throwInfo)
    }

    @Test(arguments: [8, 4])
    func cxxTypeFromThrowInfo(pointerSize: Int) throws {
        let base: UInt64 = pointerSize == 8 ? 0x1_4000_0000 : 0x40_0000
        let layout = Self.throwInfoMemory(pointerSize: pointerSize, base: base)
        var parameters: [UInt64] = [0x1993_0520, 0x21_FC20, layout.throwInfo]
        if pointerSize == 8 { parameters.append(base) }
        let cxx = try #require(CxxException(
            code: 0xE06D_7363, parameters: parameters, memory: FakeMemory(ranges: layout.memory), pointerSize: pointerSize))
        #expect(cxx.hasKnownMagic)
        #expect(cxx.decoratedTypeNames == [".?AVruntime_error@std@@", ".?AVexception@std@@"])
        #expect(cxx.typeName == "std::runtime_error")
        #expect(cxx.typeNames == ["std::runtime_error", "std::exception"])
        #expect(cxx.unresolvedReason == nil)
        // Through a dump's address space, end to end.
        let dump = try SyntheticDump.build(
            architecture: pointerSize == 8 ? 9 : 0, code: 0xE06D_7363, flags: 1, address: 0x7B01_3D7E,
            parameters: parameters, memory: layout.memory)
        let report = dump.crashReport()
        #expect(report.kind == .cxxException)
        #expect(report.exception?.cxx?.typeName == "std::runtime_error")
        #expect(report.bucket?.subBucket == "std::runtime_error")
    }

    @Test func cxxWithoutThrowInfoInTheDump() throws {
        let file = "x64_O0_cxx_msvc_inthread.small.dmp"
        guard SharedDumps.available(), let truth = wineTruthEntry(file) else { return }
        let dump = try MiniDumpFile(path: SharedDumps.path("wine", file))
        let exception = try exceptionOf(dump)
        let cxx = try #require(CxxException(
            code: exception.code, parameters: exception.parameters, memory: dump.addressSpace(), pointerSize: 8))
        let parameters = (truth["exception"] as? [String: Any])?["parameters"] as? [String] ?? []
        #expect(cxx.magic == 0x1993_0520 && cxx.hasKnownMagic)
        #expect(cxx.objectAddress == jsonUInt64(parameters[1]))
        #expect(cxx.throwInfoAddress == jsonUInt64(parameters[2]))
        #expect(cxx.imageBase == jsonUInt64(parameters[3]))
        // A small dump holds no module data, so the ThrowInfo chain is not there.
        #expect(cxx.typeName == nil)
        #expect(cxx.unresolvedReason?.contains("not in the dump") == true)
    }

    @Test func undecoratedTypeNames() {
        let cases: [(String, String?)] = [
            (".?AVruntime_error@std@@", "std::runtime_error"),
            (".?AVbad_alloc@std@@", "std::bad_alloc"),
            (".?AUMyError@@", "MyError"),
            (".?AVInner@Outer@app@@", "app::Outer::Inner"),
            (".?AW4Code@net@@", "net::Code"),
            (".?AV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@std@@",
             "std::basic_string<char, std::char_traits<char>, std::allocator<char>>"),
            (".?AV?$Box@H$0BA@@@", "Box<int, 16>"),
            (".?AVError@?A0x1b2c3d4e@app@@", "app::`anonymous namespace'::Error"),
            (".H", "int"),
            (".PEBD", "const char*"),
            (".PEAVWidget@@", "Widget*"),
            (".PB_W", "const wchar_t*"),
            (".?AV", nil),
            ("?AVx@@", nil),
            (".?AVunterminated@std", nil),
            (".?AV?$T@Z@@", nil),
            (".?AV?$Box@$0?IAAAAAAAAAAAAAAA@@@", "Box<-9223372036854775808>"),
            ("", nil),
        ]
        for (decorated, readable) in cases {
            #expect(CxxTypeName.undecorate(decorated) == readable, "\(decorated)")
        }
    }

    /// Random bytes as ThrowInfo chains, parameters and decorated names never trap or hang.
    @Test func hostileInputsNeverTrap() {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("ExceptionAnalysisTests.hostileInputsNeverTrap seed: \(seed)")
        var generator = SplitMix64(seed: seed)
        let alphabet = Array(".?@$AVUWPQEB0123456789HDz_".utf8)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 40)
            let name = String(decoding: (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            _ = CxxTypeName.undecorate(name)
            let base = generator.next() & 0xFFFF_F000
            let bytes = (0..<256).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let memory = FakeMemory(ranges: [(base, bytes)])
            let parameters = (0..<Int(generator.next() % 6)).map { _ in generator.next() % 2 == 0 ? base &+ generator.next() % 300 : generator.next() }
            _ = CxxException(code: 0xE06D_7363, parameters: parameters, memory: memory, pointerSize: generator.next() % 2 == 0 ? 4 : 8)
            _ = DotNetException(code: 0xE043_4352, parameters: parameters, classifier: Self.classifier)
            for address in parameters { _ = Self.classifier.classify(address).summary }
        }
    }
}
