import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// Crash reports over every wine dump (against `truth.json`), every public dump, and built dumps.
@Suite struct CrashReportTests {
    static let wineDumps = SharedDumps.files(in: "wine", includeCompressed: true)

    /// Names functions from the ground truth's per-binary RVA ranges (the dumps carry no symbols).
    static func truthNamer(build: String) -> CrashAnalyzer.FunctionNamer {
        var table: [String: [(start: UInt64, end: UInt64, name: String)]] = [:]
        let binaries = SharedDumps.wineTruth?["binaries"] as? [String: Any] ?? [:]
        for (key, value) in binaries {
            let parts = key.split(separator: "/")
            guard parts.count == 2, String(parts[0]) == build,
                  let functions = (value as? [String: Any])?["functions"] as? [String: [String]] else { continue }
            var ranges = [(start: UInt64, end: UInt64, name: String)]()
            for (name, range) in functions where range.count == 2 {
                if let start = jsonUInt64(range[0]), let end = jsonUInt64(range[1]) { ranges.append((start, end, name)) }
            }
            table[String(parts[1]).lowercased()] = ranges
        }
        let frozen = table
        return { module, offset in
            guard let ranges = frozen[module.lowercased()],
                  let hit = ranges.first(where: { offset >= $0.start && offset < $0.end }) else { return nil }
            return (hit.name, offset - hit.start)
        }
    }

    static func report(_ file: String, truth: [String: Any]) -> CrashReport? {
        guard let dump = DumpCache.open("wine", file) else { return nil }
        let build = truth["build"] as? String ?? "x64_O0"
        return CrashAnalyzer(functionNamer: truthNamer(build: build)).analyze(dump)
    }

    @Test(arguments: wineDumps)
    func wineExceptionAndFault(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file) else { return }
        let report = try #require(Self.report(file, truth: truth), "\(file) did not open")
        let expected = try #require(truth["exception"] as? [String: Any])
        let exception = try #require(report.exception, "\(file): no exception in the report")
        #expect(UInt64(exception.code) == jsonUInt64(expected["code"]), "\(file)")
        #expect(exception.description.isKnown, "\(file)")
        #expect(ExceptionCode(exception.code).name == exception.name, "\(file)")
        #expect(UInt64(exception.threadId) == jsonUInt64(expected["thread_id"]), "\(file)")

        // Access violations: operation and address.
        if let av = truth["access_violation"] as? [String: Any] {
            #expect(report.kind == .accessViolation, "\(file)")
            #expect(exception.access?.operation?.name == av["kind"] as? String, "\(file)")
            #expect(exception.access?.reportedAddress == jsonUInt64(av["address"]), "\(file)")
        }

        // The faulting module and offset.
        let fault = try #require(truth["fault"] as? [String: Any])
        let location = try #require(report.fault, "\(file)")
        if let module = fault["module"] as? String {
            #expect(location.module?.name.lowercased() == module.lowercased(), "\(file)")
            #expect(location.moduleOffset == jsonUInt64(fault["rva"]), "\(file)")
            #expect(location.module?.baseAddress == jsonUInt64(fault["module_base"]), "\(file)")
            #expect(report.event?.moduleName.lowercased() == module.lowercased(), "\(file)")
            #expect(report.event?.faultOffset == jsonUInt64(fault["rva"]), "\(file)")
            #expect(report.bucket?.moduleName.lowercased() == module.lowercased(), "\(file)")
            if let function = fault["function"] as? String, fault["function_rva_range"] != nil {
                #expect(location.function == function, "\(file)")
                #expect(location.functionOffset == jsonUInt64(fault["function_offset"]), "\(file)")
            }
        } else {
            // In no module: said so, with the address itself as the offset.
            #expect(location.module == nil, "\(file)")
            #expect(location.address == jsonUInt64(fault["address"]), "\(file)")
            #expect(location.symbolText.contains("in no loaded module"), "\(file)")
            #expect(report.event?.moduleName == "unknown", "\(file)")
        }
        #expect(report.event?.exceptionCode == exception.code, "\(file)")
        #expect(report.bucket?.exceptionCode == Hex.format(exception.code, digits: 8).dropFirst(2).lowercased(), "\(file)")
        #expect(!report.headline.isEmpty && !report.nextStep.actions.isEmpty, "\(file)")
    }

    /// The main module, the Event 1000 block and the bucket parameters against the truth's modules.
    @Test(arguments: wineDumps)
    func wineEventAndBucket(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let report = Self.report(file, truth: truth) else { return }
        let modules = truth["modules"] as? [[String: Any]] ?? []
        let first = try #require(modules.first?["name"] as? String)
        #expect(report.mainModule?.name.lowercased() == first.lowercased(), "\(file)")
        let event = try #require(report.event)
        #expect(event.applicationName.lowercased() == first.lowercased(), "\(file)")
        #expect(event.applicationTimestamp == report.mainModule?.timestamp, "\(file)")
        let dump = try #require(DumpCache.open("wine", file))
        let misc = try dump.miscInfo()
        #expect(event.processId == misc?.processId, "\(file)")
        #expect(event.processStartTime == misc?.processCreateTime, "\(file)")
        #expect(event.lines.count == 8, "\(file)")
        let bucket = try #require(report.bucket)
        #expect(bucket.parameters.count == 8, "\(file)")
        #expect(bucket.applicationName.lowercased() == first.lowercased(), "\(file)")
        // Stable: a second analysis gives the same id.
        #expect(Self.report(file, truth: truth)?.bucketId == report.bucketId, "\(file)")
        #expect(bucket.bucketHash.count == 16, "\(file)")
    }

    /// Stack overflows: the cycle's functions (named through the ground truth's RVA ranges).
    @Test(arguments: wineDumps.filter { $0.contains("_so_") })
    func stackOverflowCycle(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let report = Self.report(file, truth: truth) else { return }
        let scenario = try #require(truth["scenario"] as? String)
        let facts = (SharedDumps.wineTruth?["scenarios"] as? [String: Any])?[scenario] as? [String: Any]
        let expected = try #require(facts?["cycle"] as? [String])
        #expect(report.kind == .stackOverflow)
        let summary = try #require(report.stackOverflow, "\(file)")
        #expect(summary.cycleFunctions.compactMap { $0 } == expected, "\(file): \(summary.cycle)")
        if let order = (truth["stack_overflow"] as? [String: Any])?["cycle_functions_call_order"] as? [String] {
            #expect(summary.cycleFunctions.compactMap { $0 } == order, "\(file)")
        }
        #expect(summary.repetitions > 100, "\(file)")
        #expect(report.bucket?.subBucket?.hasPrefix("recursion ") == true, "\(file)")
    }

    /// Raise sites in system modules get a sub-bucket that names the real cause.
    @Test func subBucketsWhereTheRaiseSiteSaysNothing() throws {
        guard SharedDumps.available() else { return }
        for (file, expected) in [
            ("x64_O0_clr_inthread.small.dmp", "System.Exception 0x80131500"),
        ] {
            guard let truth = wineTruthEntry(file), let report = Self.report(file, truth: truth) else { continue }
            #expect(report.bucket?.subBucket == expected, "\(file)")
        }
        // The C++ type is not in a small dump: the sub-bucket names the frame that threw instead.
        if let truth = wineTruthEntry("x64_O0_cxx_msvc_inthread.small.dmp"),
           let report = Self.report("x64_O0_cxx_msvc_inthread.small.dmp", truth: truth),
           let user = truth["first_user_frame"] as? [String: Any],
           let module = user["module"] as? String, let function = user["function"] as? String {
            #expect(report.exception?.cxx?.typeName == nil)
            #expect(report.bucket?.subBucket == "unknown C++ type from \(module)!\(function)")
        }
        if let truth = wineTruthEntry("x64_O0_heap_imitation_inthread.small.dmp"),
           let report = Self.report("x64_O0_heap_imitation_inthread.small.dmp", truth: truth) {
            #expect(report.kind == .heapCorruption)
            #expect(report.nextStep.actions.contains { $0.contains("gflags /p /enable") })
            #expect(report.nextStep.actions.contains { $0.contains("procdump -ma") })
            let user = (truth["first_user_frame"] as? [String: Any])?["function"] as? String
            #expect(report.bucket?.subBucket?.hasSuffix("!" + (user ?? "?")) == true, "\(report.bucket?.subBucket ?? "nil")")
        }
    }

    /// RaiseException-based crashes: the first frame outside system modules is the true caller.
    @Test(arguments: wineDumps)
    func firstUserFrame(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let expected = truth["first_user_frame"] as? [String: Any],
              let function = expected["function"] as? String, let module = expected["module"] as? String,
              let report = Self.report(file, truth: truth) else { return }
        #expect(report.fault?.firstUserFrame == "\(module)!\(function)", "\(file)")
        #expect(ModuleSummary.isSystemModule(report.fault?.module?.name ?? ""), "\(file): the raise site is a system module")
    }

    @Test func w3wpReportCarriesTheProcessEnvironment() throws {
        let file = "x64_O0_w3wp_oop_fullmem.full.dmp.gz"
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let report = Self.report(file, truth: truth), let w3wp = truth["w3wp"] as? [String: Any] else { return }
        #expect(report.iisAppPool == w3wp["app_pool"] as? String)
        #expect(UInt64(report.lastError ?? 0) == jsonUInt64(w3wp["expected_last_error"]))
        #expect(report.event?.applicationPath == w3wp["image_path"] as? String)
    }

    /// Every public dump that is not deliberately malformed gets a report.
    @Test(arguments: SharedDumps.files(in: "public"))
    func publicDumpsGetAReport(file: String) throws {
        guard SharedDumps.available() else { return }
        let malformed = (SharedDumps.manifest[file]?["malformed"] as? Bool) ?? false
        guard let dump = try? MiniDumpFile.open(path: SharedDumps.path("public", file)) else {
            #expect(malformed, "\(file) did not open")
            return
        }
        let report = dump.crashReport()
        #expect(!report.headline.isEmpty, "\(file)")
        #expect(!report.nextStep.summary.isEmpty, "\(file)")
        let hasException = (try? dump.exception()) != nil
        if !malformed {
            #expect((report.exception != nil) == hasException, "\(file)")
            #expect((report.kind == .noException) == !hasException, "\(file)")
        }
        if let name = SharedDumps.manifest[file]?["exception_name"] as? String, name == "DUMP_REQUESTED" {
            #expect(report.kind == .simulated, "\(file)")
        }
    }

    /// Breakpad's Linux test dumps are named after what they do; the report says the same, from the
    /// instruction pointer and the dump's `/proc/self/maps`.
    @Test func breakpadLinuxFaultsMatchTheirNames() throws {
        guard SharedDumps.available() else { return }
        func access(_ file: String) -> AccessViolation? {
            DumpCache.open("public", file)?.crashReport().exception?.access
        }
        let nonwritable = access("breakpad__linux_write_to_nonwritable_module.dmp")
        #expect(nonwritable?.target.region.map { !$0.isWritable } == true)
        #expect(nonwritable?.cause?.contains("read-only") == true)
        let outside = access("breakpad__linux_write_to_outside_module.dmp")
        #expect(outside?.target.region?.isFree == true)
        let notExecutable = access("breakpad__linux_jmp_to_module_not_exe_region.dmp")
        #expect(notExecutable?.operation == .execute)
        #expect(notExecutable?.cause?.contains("not executable") == true)
        let jumpToZero = access("breakpad__linux_jmp_to_0.dmp")
        #expect(jumpToZero?.operation == .execute && jumpToZero?.target.kind == .nullPage)
        #expect(access("breakpad__linux_write_to_under_4k.dmp")?.target.kind == .nullPage)
        // Windows Breakpad tests: a write to an ASCII-filled pointer, and execution on the stack.
        #expect(access("breakpad__ascii_write_av.dmp")?.fillPattern != nil)
        let onStack = access("breakpad__exec_av_on_stack.dmp")
        #expect(onStack?.operation == .execute && onStack?.target.kind == .stack)
    }

    /// Damaged copies of real dumps (random bytes overwritten, the file cut short) still give a
    /// report or fail to open; nothing traps or hangs.
    @Test func mutatedDumpsStillGiveAReport() throws {
        guard SharedDumps.available() else { return }
        let seed = UInt64.random(in: 1...UInt64.max)
        print("CrashReportTests.mutatedDumpsStillGiveAReport seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let sources = [
            ("wine", "x64_O0_null_read_inthread.small.dmp"), ("wine", "x64_O0_cxx_msvc_inthread.small.dmp"),
            ("public", "breakpad__minidump1.dmp"), ("public", "rustmd__linux-mini.dmp"),
            ("public", "nodemd__mac.dmp"), ("public", "breakpad__stack_exhaustion.dmp"),
        ]
        for (folder, file) in sources {
            guard let original = FileManager.default.contents(atPath: SharedDumps.path(folder, file)) else { continue }
            let bytes = [UInt8](original)
            for round in 0..<12 {
                var copy = bytes
                if round % 4 == 3 {
                    copy.removeLast(Int(random.next() % UInt64(copy.count / 2)))
                } else {
                    for _ in 0..<(1 + Int(random.next() % 64)) {
                        copy[Int(random.next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: random.next())
                    }
                }
                guard let dump = try? MiniDumpFile(bytes: copy) else { continue }
                let report = CrashAnalyzer(stackWalkLimits: StackWalkLimits(maxFrames: 2_000, maxSteps: 200_000)).analyze(dump)
                #expect(!report.headline.isEmpty, "seed \(seed), \(file) round \(round)")
                _ = dump.processEnvironment()
            }
        }
    }
}
