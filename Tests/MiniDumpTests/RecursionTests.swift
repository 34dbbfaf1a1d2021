import Foundation
import MiniDump
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
