import Foundation
import MiniDump
import MiniDumpWriter
import Testing

@Suite struct RecursionTests {
    @Test func selfRecursion() throws {
        let frames = ["__chkstk"] + Array(repeating: "recurse", count: 10_000) + ["main", "start"]
        let cycle = try #require(RecursionDetector.findCycle(in: frames))
        #expect(cycle.period == 1)
        #expect(cycle.frames == ["recurse"])
        #expect(cycle.startIndex == 1)
        #expect(cycle.endIndex == 10_001)
        #expect(cycle.repetitions == 10_000)
        #expect(cycle.entryFrame == "main")
        #expect(cycle.entryIndex == 10_001)
        #expect(cycle.callOrder == ["recurse"])
        #expect(!cycle.isTruncated)
    }

    @Test func threeFunctionCycle() throws {
        // dispatch → alpha → beta → gamma → alpha → ...; innermost first, the crash hit in alpha.
        var frames = ["alpha"]
        for _ in 0..<3_000 { frames += ["gamma", "beta", "alpha"] }
        frames += ["dispatch", "main"]
        let cycle = try #require(RecursionDetector.findCycle(in: frames))
        #expect(cycle.period == 3)
        #expect(Set(cycle.frames) == ["alpha", "beta", "gamma"])
        #expect(cycle.callOrder == ["alpha", "beta", "gamma"])
        #expect(cycle.entryFrame == "dispatch")
        #expect(cycle.startIndex == 0)
        #expect(cycle.coveredFrames == 9_001)
        #expect(cycle.repetitions == 3_000)
    }

    @Test func multiplesGiveWayToTheShortestCycle() throws {
        let frames = Array(repeating: ["a", "b", "c", "a", "b", "c"], count: 50).flatMap { $0 } + ["x"]
        let cycle = try #require(RecursionDetector.findCycle(in: frames))
        #expect(cycle.period == 3)
        #expect(cycle.entryFrame == "x")
    }

    @Test func noCycleInDistinctFrames() {
        #expect(RecursionDetector.findCycle(in: (0..<5_000).map { "f\($0)" }) == nil)
        #expect(RecursionDetector.findCycle(in: [String]()) == nil)
        #expect(RecursionDetector.findCycle(in: ["only"]) == nil)
        // Two repetitions are below the default minimum of three.
        #expect(RecursionDetector.findCycle(in: ["a", "b", "a", "b", "main"]) == nil)
        #expect(RecursionDetector.findCycle(in: ["a", "b", "a", "b", "main"], minimumRepetitions: 2)?.period == 2)
    }

    @Test func cycleLongerThanTheLimitIsNotFound() {
        let cycle = (0..<10).map { "f\($0)" }
        let frames = Array(repeating: cycle, count: 20).flatMap { $0 }
        #expect(RecursionDetector.findCycle(in: frames, maxPeriod: 8) == nil)
        #expect(RecursionDetector.findCycle(in: frames, maxPeriod: 16)?.period == 10)
    }

    @Test func frameLimitTruncates() throws {
        let frames = Array(repeating: 7, count: 1_000)
        let cycle = try #require(RecursionDetector.findCycle(in: frames, maxFrames: 100))
        #expect(cycle.isTruncated)
        #expect(cycle.coveredFrames == 100)
        #expect(cycle.entryFrame == nil)
    }

    @Test func largeInputIsFast() throws {
        var frames = [UInt64]()
        for _ in 0..<25_000 { frames += [0x1000, 0x2000, 0x3000, 0x4000] }
        frames.append(0x9999)
        let clock = ContinuousClock()
        let started = clock.now
        let cycle = try #require(RecursionDetector.findCycle(in: frames))
        let elapsed = clock.now - started
        #expect(cycle.period == 4)
        #expect(cycle.coveredFrames == 100_000)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    /// Random prefixes, cycles and suffixes over disjoint alphabets: the planted cycle is found.
    @Test func seededRandomCycles() throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("RecursionTests.seededRandomCycles seed: \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let period = Int(generator.next() % 12) + 1
            let repetitions = Int(generator.next() % 40) + 3
            let prefix = (0..<Int(generator.next() % 5)).map { 1_000 + $0 }
            let suffix = (0..<Int(generator.next() % 30) + 1).map { 2_000 + $0 }
            // A primitive cycle: distinct symbols.
            let body = (0..<period).map { 100 + $0 }
            let frames = prefix + Array(repeating: body, count: repetitions).flatMap { $0 } + suffix
            let cycle = try #require(RecursionDetector.findCycle(in: frames), "seed \(seed)")
            #expect(cycle.period == period, "seed \(seed)")
            #expect(cycle.startIndex == prefix.count, "seed \(seed)")
            #expect(cycle.coveredFrames == period * repetitions, "seed \(seed)")
            #expect(cycle.entryFrame == suffix.first, "seed \(seed)")
            #expect(cycle.callOrder.first == body.last, "seed \(seed)")
        }
    }

    @Test func gapToleranceReachesTheRealOutermostFrame() throws {
        // Innermost first: a clean run of (c, b, a), then the same cycle interleaved with stale
        // scanned frames (x, y), ending at `a`, the function the entry called.
        var frames = ["a"]
        for _ in 0..<50 { frames += ["c", "b", "a"] }
        frames += ["x", "c", "y", "y", "b", "a", "x", "c", "b", "x", "x", "x", "a", "x", "entry", "x"]
        let strict = try #require(RecursionDetector.findCycle(in: frames))
        #expect(strict.callOrder == ["a", "b", "c"])
        #expect(strict.skippedFrames == 0)
        let tolerant = try #require(RecursionDetector.findCycle(in: frames, gapTolerance: 4))
        #expect(tolerant.matchedFrames == strict.matchedFrames + 6)
        #expect(tolerant.skippedFrames == 7)
        #expect(tolerant.callOrder == ["a", "b", "c"])
        #expect(tolerant.entryFrame == "x")
        #expect(frames[tolerant.endIndex - 1] == "a")
        // A gap wider than the tolerance stops the extension.
        let narrow = try #require(RecursionDetector.findCycle(in: frames, gapTolerance: 2))
        #expect(narrow.matchedFrames < tolerant.matchedFrames)
    }

    /// The real stack overflows: walk the crashing thread, find the cycle of return addresses
    /// (module + offset, no symbols), then name it with the ground truth's function ranges.
    @Test(arguments: SharedDumps.files(in: "wine").filter { $0.contains("_so_") })
    func realStackOverflowCycles(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file) else { return }
        let dump = try #require(DumpCache.open("wine", file))
        let exception = try exceptionOf(dump)
        let stack = try #require(dump.callStack(threadId: exception.threadId))
        let keys = stack.frames.map { frame -> String in
            guard let module = frame.module, let offset = frame.moduleOffset else { return String(frame.address, radix: 16) }
            return "\(module)+\(String(offset, radix: 16))"
        }
        let cycle = try #require(RecursionDetector.findCycle(in: keys, gapTolerance: 16), "\(file)")
        let namer = CrashReportTests.truthNamer(build: truth["build"] as? String ?? "x64_O0")
        let named = cycle.callOrder.map { key -> String? in
            let parts = key.split(separator: "+")
            guard parts.count == 2, let offset = UInt64(parts[1], radix: 16) else { return nil }
            return namer(String(parts[0]), offset - 1)?.name
        }
        let facts = truth["stack_overflow"] as? [String: Any]
        let expected = try #require(facts?["cycle_functions_call_order"] as? [String])
        #expect(named == expected, "\(file): \(cycle.callOrder)")
        #expect(cycle.period == expected.count, "\(file)")
        if let depth = facts?["recursion_depth_frames_on_stack_estimate"] as? Int {
            // The walk finds (nearly) every recursion frame.
            #expect(cycle.matchedFrames > depth * 9 / 10, "\(file): \(cycle.matchedFrames) of about \(depth)")
        }
    }

    @Test func stackUsageFromTheTEB() throws {
        let file = "x64_O0_w3wp_oop_fullmem.full.dmp.gz"
        guard SharedDumps.available() else { return }
        let dump = try #require(DumpCache.open("wine", file))
        let exception = try #require(try dump.exception())
        let usage = try #require(dump.stackUsage(threadId: exception.threadId))
        let teb = try #require(dump.processEnvironment()?.thread(exception.threadId))
        #expect(usage.base == teb.stackBase)
        #expect(usage.committedLimit == teb.stackLimit)
        #expect(usage.reservedBottom == teb.deallocationStack)
        #expect(usage.usedBytes > 0 && usage.usedBytes < (usage.reservedBytes ?? .max))
        #expect(usage.isExhausted() == false)
    }

    @Test(arguments: ["x64_O0_so_cycle3_oop.small.dmp", "x64_O0_so_self_oop.small.dmp"])
    func stackUsageWithoutTheTEB(file: String) throws {
        guard SharedDumps.available(), let truth = wineTruthEntry(file),
              let exception = truth["exception"] as? [String: Any] else { return }
        let dump = try MiniDumpFile(path: SharedDumps.path("wine", file))
        let threadId = try #require(exception["thread_id"] as? Int)
        let usage = try #require(dump.stackUsage(threadId: UInt32(threadId), stackPointer: jsonUInt64(exception["context_rsp"])))
        #expect(usage.reservedBottom == nil)
        #expect(usage.stackPointer == jsonUInt64(exception["context_rsp"]))
        // Nearly the whole default 1 MiB stack is in use.
        #expect(usage.usedBytes > 0xE_0000, "\(file): \(usage.usedBytes) bytes")
        #expect(usage.isExhausted(stackOverflowSeen: true))
    }
}
