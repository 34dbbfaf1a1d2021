import Foundation
import Testing
@testable import MiniDump
import MiniDumpWriter

/// Bounded work: absurd counts are refused before anything is decoded, stack walks stop at their
/// limits, and inputs built to provoke quadratic paths decode in time linear in their size.
@Suite("Robustness: bounded work")
struct RobustnessLimitsTests {
    // MARK: Absurd counts

    /// A list stream whose header claims the largest count its field holds.
    struct Claim: Sendable, CustomTestStringConvertible {
        var type: StreamType
        /// The stream's bytes: the header with the huge count, then a few entries' worth of zeros.
        var bytes: [UInt8]
        /// How far into the stream the error may point: the count itself or the end of the header.
        var headerSize: Int
        var testDescription: String { type.name }
    }

    static func words32(_ words: [UInt32]) -> [UInt8] { ByteWriter.words32(words) }

    static let claims: [Claim] = [
        Claim(type: .threadList, bytes: words32([0xFFFF_FFFF]) + zeros(48 * 2), headerSize: 4),
        Claim(type: .threadExList, bytes: words32([0xFFFF_FFFF]) + zeros(64 * 2), headerSize: 4),
        Claim(type: .moduleList, bytes: words32([0xFFFF_FFFF]) + zeros(108 * 2), headerSize: 4),
        Claim(type: .memoryList, bytes: words32([0xFFFF_FFFF]) + zeros(16 * 2), headerSize: 4),
        Claim(type: .memory64List, bytes: ByteWriter.words64([.max, 0x1000]) + zeros(16 * 2), headerSize: 16),
        Claim(type: .unloadedModuleList, bytes: words32([12, 24, 0xFFFF_FFFF]) + zeros(24 * 2), headerSize: 12),
        Claim(type: .memoryInfoList, bytes: words32([16, 48]) + ByteWriter.words64([.max]) + zeros(48 * 2),
              headerSize: 16),
        Claim(type: .threadInfoList, bytes: words32([12, 64, 0xFFFF_FFFF]) + zeros(64 * 2), headerSize: 12),
        Claim(type: .threadNames, bytes: words32([0xFFFF_FFFF]) + zeros(12 * 2), headerSize: 4),
        Claim(type: .handleData, bytes: words32([16, 32, 0xFFFF_FFFF, 0]) + zeros(32 * 2), headerSize: 16),
    ]

    static func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }

    @Test("A list claiming 2^32-1 (Memory64: 2^64-1) entries throws invalidCount at its header", arguments: claims)
    func absurdCount(_ claim: Claim) throws {
        var builder = MiniDumpBuilder(directoryCapacity: 2)
        builder.add(SystemInfoBuilder.windows10AMD64())
        let rva = builder.add(RawStream(type: claim.type, bytes: claim.bytes))
        let file = try MiniDumpFile(bytes: builder.build())
        let start = ContinuousClock.now
        let error = decodeError(file, claim.type)
        let elapsed = ContinuousClock.now - start
        let thrown = try #require(error, "\(claim.type.name) decoded although it claims an impossible count")
        #expect(thrown.kind == .invalidCount, "\(thrown)")
        // Thrown at the header, before any entry: no allocation proportional to the claim.
        #expect(thrown.offset >= UInt64(rva) && thrown.offset <= UInt64(rva) + UInt64(claim.headerSize), "\(thrown)")
        print("bounded: \(claim.type.name) claiming the maximum count throws in \(elapsed)")
        // The layers above stay usable and say why.
        let summary = DumpExerciser().exercise(file)
        #expect(summary.errors >= 1)
    }

    func decodeError(_ file: MiniDumpFile, _ type: StreamType) -> MiniDumpError? {
        do throws(MiniDumpError) {
            switch type {
            case .threadList: _ = try file.threadList()
            case .threadExList: _ = try file.threadExList()
            case .moduleList: _ = try file.moduleList()
            case .memoryList: _ = try file.memoryList()
            case .memory64List: _ = try file.memory64List()
            case .unloadedModuleList: _ = try file.unloadedModuleList()
            case .memoryInfoList: _ = try file.memoryInfoList()
            case .threadInfoList: _ = try file.threadInfoList()
            case .threadNames: _ = try file.threadNames()
            case .handleData: _ = try file.handleData()
            default: return nil
            }
            return nil
        } catch {
            return error
        }
    }

    @Test("A directory claiming 2^32-1 entries fails to open with invalidCount at the directory")
    func absurdDirectory() {
        var builder = MiniDumpBuilder(directoryCapacity: 1)
        builder.add(SystemInfoBuilder.windows10AMD64())
        let bytes = builder.build(streamCountOverride: 0xFFFF_FFFF)
        #expect {
            _ = try MiniDumpFile(bytes: bytes)
        } throws: { error in
            (error as? MiniDumpError)?.kind == .invalidCount && (error as? MiniDumpError)?.offset == 32
        }
    }

    // MARK: Stack walks

    static let moduleBase: UInt64 = 0x1_4000_0000
    static let stackBase: UInt64 = 0x10_0000

    /// An x64 dump whose thread's RBP points at a frame record holding itself, above a stack of
    /// `stackWords` words that all look like return addresses into the module.
    static func selfReferencingDump(stackWords: Int, architecture: ProcessorArchitecture = .amd64) -> [UInt8] {
        let returnAddress = moduleBase + 0x1234
        var words = [UInt64](repeating: returnAddress, count: stackWords)
        let frame = 4  // the frame record: [fp] = fp, [fp + 8] = return address
        words[frame] = stackBase + UInt64(frame * 8)
        var scene: DumpScene
        let context: DumpScene.Context
        if architecture == .arm64 {
            scene = DumpScene(system: SystemInfoBuilder(architecture: .arm64, majorVersion: 10))
            context = .arm64(ARM64ContextBuilder([
                .pc: moduleBase + 0x100, .sp: stackBase, .fp: stackBase + UInt64(frame * 8), .lr: returnAddress,
            ]))
        } else {
            scene = DumpScene(system: .windows10AMD64())
            context = .amd64(AMD64ContextBuilder([
                .rip: moduleBase + 0x100, .rsp: stackBase, .rbp: stackBase + UInt64(frame * 8),
            ]))
        }
        scene.modules = [.init(name: "C:\\app\\loop.exe", base: moduleBase, size: 0x10000)]
        scene.threads = [.init(id: 7, context: context, stackAddress: stackBase, stack: ByteWriter.words64(words))]
        return scene.build()
    }

    @Test("A self-referencing frame chain ends, bounded by the stack", arguments: [ProcessorArchitecture.amd64, .arm64])
    func selfReferencingChain(_ architecture: ProcessorArchitecture) throws {
        let words = 64
        let file = try MiniDumpFile(bytes: Self.selfReferencingDump(stackWords: words, architecture: architecture))
        let stack = try #require(file.callStack(threadId: 7))
        #expect(stack.frames.count >= 2)
        #expect(stack.frames.count <= words + 2, "each frame moves the stack pointer up, so at most one per word")
        #expect(!stack.truncated)
        // Stack pointers strictly increase after frame 0 (ARM may repeat one for the link register).
        for (previous, next) in zip(stack.frames.dropFirst(), stack.frames.dropFirst(2)) {
            #expect(next.stackPointer >= previous.stackPointer)
        }
    }

    @Test("The walker stops at its frame and step limits and says so")
    func walkLimits() throws {
        let file = try MiniDumpFile(bytes: Self.selfReferencingDump(stackWords: 8192))
        let capped = try #require(file.callStack(threadId: 7, limits: StackWalkLimits(maxFrames: 100)))
        #expect(capped.frames.count == 100)
        #expect(capped.truncated)
        #expect(capped.notes.contains { $0.contains("frame limit") })

        let starved = try #require(file.callStack(threadId: 7, limits: StackWalkLimits(maxSteps: 500)))
        #expect(starved.truncated)
        #expect(starved.frames.count < 500)
        #expect(starved.notes.contains { $0.contains("work limit") })

        let none = try #require(file.callStack(threadId: 7, limits: StackWalkLimits(maxFrames: 0)))
        #expect(none.frames.isEmpty)

        // With the default limits the walk ends at the top of the 64 KiB stack.
        let whole = try #require(file.callStack(threadId: 7))
        #expect(whole.frames.count <= 8192 + 2)
        #expect(!whole.truncated)
    }

    // MARK: Large and random inputs

    @Test("1 MiB of random bytes, with and without a valid header and directory, finishes")
    func randomMegabyte() throws {
        var random = SplitMix64(seed: RobustnessCorpus.seed)
        print("bounded: random inputs from seed \(RobustnessCorpus.seed) (MINIDUMP_ROBUSTNESS_SEED replays)")
        let size = 1 << 20
        let types: [UInt32] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 21, 22, 24]
            + (1...10).map { 0x4767_0000 + $0 } + [0x4350_0001]
        for round in 0..<3 {
            var bytes = (0..<(size / 8)).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
            if round > 0 {
                // MDMP header, then a directory of every known stream type at random places.
                let header = Self.words32([0x504D_444D, 0xA793, UInt32(types.count * round), 32])
                bytes.replaceSubrange(0..<16, with: header)
                for index in 0..<(types.count * round) {
                    let at = 32 + index * 12
                    let size = UInt32.random(in: 0...(round == 1 ? 0x1000 : 0x4_0000), using: &random)
                    let rva = UInt32.random(in: 0...UInt32(bytes.count), using: &random)
                    bytes.replaceSubrange(at..<(at + 12), with: Self.words32([types[index % types.count], size, rva]))
                }
            }
            let start = ContinuousClock.now
            let summary = try? DumpExerciser().exercise(bytes: bytes)
            let elapsed = ContinuousClock.now - start
            #expect((summary != nil) == (round > 0))
            print("bounded: 1 MiB random input, round \(round): \(summary?.values ?? 0) values, \(summary?.errors ?? 0) errors, \(elapsed)")
        }
    }

    /// A dump with `count` threads, as many thread names and ThreadInfoList entries.
    static func manyThreads(_ count: Int) -> [UInt8] {
        var builder = MiniDumpBuilder(directoryCapacity: 4)
        builder.add(SystemInfoBuilder.windows10AMD64())
        let name = builder.appendString("worker")
        var threads = ByteWriter()
        threads.u32(UInt32(count))
        var names = ByteWriter()
        names.u32(UInt32(count))
        var infos = ByteWriter()
        infos.append(Self.words32([12, 64, UInt32(count)]))
        for index in 0..<count {
            let id = UInt32(index * 4 + 4)
            threads.append(Self.words32([id, 0, 0x20, 0]))
            threads.append(Self.zeros(32))
            names.u32(id)
            names.u64(UInt64(name))
            infos.u32(id)
            infos.append(Self.zeros(60))
        }
        builder.add(RawStream(type: .threadList, bytes: threads.bytes))
        builder.add(RawStream(type: .threadNames, bytes: names.bytes))
        builder.add(RawStream(type: .threadInfoList, bytes: infos.bytes))
        return builder.build()
    }

    @Test("20,000 threads with names and infos match up in linear time")
    func manyThreadsLinear() throws {
        let count = 20_000
        let file = try MiniDumpFile(bytes: Self.manyThreads(count))
        let start = ContinuousClock.now
        let threads = try file.threads()
        var named = 0
        for thread in threads where file.thread(id: thread.id)?.name == "worker" && thread.info != nil {
            named += 1
        }
        let elapsed = ContinuousClock.now - start
        #expect(threads.count == count)
        #expect(named == count)
        print("bounded: \(count) threads, names and infos matched, each looked up by id, in \(elapsed)")
        // A quadratic match (4 × 10^8 comparisons) takes minutes in a debug build; linear takes
        // well under a second. The bound is loose on purpose.
        #expect(elapsed < .seconds(30))
    }

    @Test("Memory ranges that all overlap, and many modules, build their indexes quickly")
    func overlapsAndModules() throws {
        let ranges = 40_000
        var builder = MiniDumpBuilder(directoryCapacity: 4)
        builder.add(SystemInfoBuilder.windows10AMD64())
        let data = builder.append([UInt8](repeating: 0xCC, count: 0x1000))
        var memory = ByteWriter()
        memory.u32(UInt32(ranges))
        var modules = ByteWriter()
        modules.u32(UInt32(ranges / 4))
        let name = builder.appendString("C:\\nested.dll")
        for index in 0..<ranges {
            // Nested and overlapping: every range starts inside the previous one.
            memory.u64(0x1000_0000 + UInt64(index) * 8)
            memory.append(Self.words32([0x1000, data]))
            if index < ranges / 4 {
                modules.u64(0x7000_0000 + UInt64(index) * 0x10)
                modules.append(Self.words32([UInt32(0x100_0000 - index * 0x20), 0, 0, name]))
                modules.append(Self.zeros(108 - 24))
            }
        }
        builder.add(RawStream(type: .memoryList, bytes: memory.bytes))
        builder.add(RawStream(type: .moduleList, bytes: modules.bytes))
        let file = try MiniDumpFile(bytes: builder.build())
        let start = ContinuousClock.now
        let space = file.addressSpace()
        let map = try file.moduleMap()
        let walker = file.stackWalker()
        var found = 0
        for index in stride(from: 0, to: ranges, by: 97) {
            if space.bytes(at: 0x1000_0000 + UInt64(index) * 8, count: 16) != nil { found += 1 }
            if map.module(containing: 0x7000_0000 + UInt64(index) * 0x10) != nil { found += 1 }
            _ = walker.resolver.resolve(0x7000_0000 + UInt64(index) * 0x10)
        }
        let elapsed = ContinuousClock.now - start
        #expect(found > 0)
        #expect(space.segments.count <= ranges)
        print("bounded: \(ranges) overlapping ranges and \(ranges / 4) nested modules indexed and probed in \(elapsed)")
        #expect(elapsed < .seconds(30))
    }

    @Test("A directory of 80,000 entries opens and decodes quickly")
    func manyDirectoryEntries() throws {
        let count = 80_000
        var bytes = Self.words32([0x504D_444D, 0xA793, UInt32(count), 32, 0, 0, 0, 0])
        let types: [UInt32] = [3, 4, 5, 6, 7, 9, 14, 15, 16, 17, 24]
        for index in 0..<count {
            // Every entry points at the directory itself.
            bytes += Self.words32([types[index % types.count], UInt32(count * 12), 32])
        }
        let start = ContinuousClock.now
        let file = try MiniDumpFile(bytes: bytes)
        let summary = RobustnessCorpus.exerciser.exercise(file)
        let elapsed = ContinuousClock.now - start
        #expect(file.directory.count == count)
        #expect(file.directoryDiagnostics.count >= count - types.count)
        print("bounded: \(count) directory entries aimed at the directory: \(summary.errors) stream errors, \(elapsed)")
        #expect(elapsed < .seconds(30))
    }
}
