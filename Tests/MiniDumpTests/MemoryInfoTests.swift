import Foundation
import MiniDump
import MiniDumpWriter
import Testing

@Suite struct MemoryInfoTests {
    // MARK: Real dumps

    @Test(arguments: sharedDumpNames)
    func regionsMatchReference(name: String) throws {
        guard SharedDumps.available(), let (folder, file, dump) = openSharedDump(name) else { return }
        guard let reference = SharedDumps.expected(folder, file)?["memoryInfo"] as? [String: Any] else {
            if dump.entry(for: .memoryInfoList) == nil { #expect(try dump.memoryInfoList() == nil) }
            return
        }
        let stream = try #require(try dump.memoryInfoList(), "\(file)")
        let entries = (reference["entries"] as? [[Any]]) ?? []
        #expect(UInt64(stream.regions.count) == jsonUInt64(reference["count"]), "\(file)")
        #expect(stream.regions.count == entries.count && stream.diagnostics.isEmpty, "\(file)")
        // Reference entries are [BaseAddress, RegionSize, State, Protect, Type].
        for (region, entry) in zip(stream.regions, entries) where entry.count == 5 {
            let label = "\(file) region \(region.index)"
            #expect(region.baseAddress == jsonUInt64(entry[0]), "\(label)")
            #expect(region.size == jsonUInt64(entry[1]), "\(label)")
            #expect(UInt64(region.state.rawValue) == jsonUInt64(entry[2]), "\(label)")
            #expect(UInt64(region.protection.rawValue) == jsonUInt64(entry[3]), "\(label)")
            #expect(UInt64(region.type.rawValue) == jsonUInt64(entry[4]), "\(label)")
        }
        // Every region is found at its first and last byte (real lists are disjoint).
        for region in stream.regions where region.size > 0 {
            #expect(stream.region(containing: region.baseAddress)?.index == region.index, "\(file)")
            #expect(stream.region(containing: region.baseAddress + (region.size - 1))?.index == region.index, "\(file)")
        }
        // Windows lists free, reserved and committed regions; each committed image region has a type.
        let states = Set(stream.regions.map(\.state))
        #expect(states.isSubset(of: [.commit, .reserve, .free]), "\(file): \(states)")
        #expect(stream.regions.filter { $0.state == .free }.allSatisfy { $0.type == .none }, "\(file)")
    }

    /// The module map and the memory-info list agree: every module's base lies in a MEM_IMAGE region.
    @Test(arguments: sharedDumpNames)
    func moduleBasesAreImageRegions(name: String) throws {
        guard SharedDumps.available(), let (_, file, dump) = openSharedDump(name),
              let stream = try? dump.memoryInfoList(), let modules = try? dump.moduleList()?.modules
        else { return }
        for module in modules {
            let region = stream.region(containing: module.baseAddress)
            #expect(region?.type == .image && region?.state == .commit, "\(file) \(module.name)")
            #expect(region?.allocationBase == module.baseAddress, "\(file) \(module.name)")
        }
    }

    // MARK: Built dumps

    typealias Region = (base: UInt64, size: UInt64, state: UInt32, protect: UInt32, type: UInt32)

    func build(_ regions: [Region], headerSize: UInt32 = 16, entrySize: UInt32 = 48, count: UInt64? = nil) throws -> MiniDumpFile {
        var builder = MiniDumpBuilder()
        builder.addStream(
            StreamType.memoryInfoList.rawValue,
            ModuleStreamBytes.memoryInfoList(regions, headerSize: headerSize, entrySize: entrySize, count: count))
        return try MiniDumpFile(bytes: builder.build())
    }

    static let layout: [Region] = [
        (0, 0x1_0000, 0x1_0000, 0x01, 0),
        (0x1_0000, 0x1000, 0x1000, 0x104, 0x2_0000),  // guard page
        (0x1_1000, 0x3000, 0x1000, 0x04, 0x2_0000),
        (0x40_0000, 0x1000, 0x1000, 0x02, 0x100_0000),
        (0x40_1000, 0x5000, 0x1000, 0x20, 0x100_0000),
        (0x40_6000, 0x2000, 0x2000, 0x00, 0x4_0000),
    ]

    @Test func decodesFieldsAndStridesByEntrySize() throws {
        for (header, entry) in [(UInt32(16), UInt32(48)), (24, 64)] {
            let stream = try #require(try build(Self.layout, headerSize: header, entrySize: entry).memoryInfoList())
            #expect(stream.regions.count == 6 && stream.diagnostics.isEmpty)
            #expect(stream.regions.map(\.baseAddress) == Self.layout.map(\.base))
            #expect(stream.regions.map(\.size) == Self.layout.map(\.size))
            #expect(stream.regions.map(\.state) == [.free, .commit, .commit, .commit, .commit, .reserve])
            #expect(stream.regions.map(\.type) == [.none, .private, .private, .image, .image, .mapped])
            #expect(stream.regions[4].allocationBase == 0x40_0000)
            #expect(stream.regions[4].allocationProtection == .executeRead)
            #expect(stream.regions.map(\.index) == Array(0..<6))
        }
    }

    @Test func lookupsAtRegionEdges() throws {
        let stream = try #require(try build(Self.layout).memoryInfoList())
        #expect(stream.region(containing: 0)?.index == 0)
        #expect(stream.region(containing: 0xFFFF)?.index == 0)
        #expect(stream.region(containing: 0x1_0000)?.index == 1)
        #expect(stream.region(containing: 0x1_3FFF)?.index == 2)
        #expect(stream.region(containing: 0x1_4000) == nil)
        #expect(stream.region(containing: 0x3F_FFFF) == nil)
        #expect(stream.region(containing: 0x40_0FFF)?.index == 3)
        #expect(stream.region(containing: 0x40_1000)?.index == 4)
        #expect(stream.region(containing: 0x40_7FFF)?.index == 5)
        #expect(stream.region(containing: 0x40_8000) == nil)
        #expect(stream.region(containing: UInt64.max) == nil)
    }

    @Test func protectionFlags() throws {
        let stream = try #require(try build(Self.layout).memoryInfoList())
        let guardPage = stream.regions[1]
        #expect(guardPage.protection.isGuard && guardPage.protection.access == .readWrite)
        #expect(guardPage.protection.isReadable && guardPage.protection.isWritable)
        #expect(!guardPage.isReadable && !guardPage.isWritable)  // the region: a guard page traps
        #expect(guardPage.protection.description == "PAGE_READWRITE|PAGE_GUARD")
        #expect(stream.regions[2].isReadable && stream.regions[2].isWritable && !stream.regions[2].isExecutable)
        #expect(stream.regions[3].isReadable && !stream.regions[3].isWritable)
        #expect(stream.regions[4].isExecutable && stream.regions[4].isReadable && !stream.regions[4].isWritable)
        #expect(!stream.regions[0].isReadable && !stream.regions[5].isReadable)  // free, reserved
        let table: [(MemoryProtection, Bool, Bool, Bool)] = [  // (value, readable, writable, executable)
            (.noAccess, false, false, false), (.readOnly, true, false, false), (.readWrite, true, true, false),
            (.writeCopy, true, true, false), (.execute, false, false, true), (.executeRead, true, false, true),
            (.executeReadWrite, true, true, true), (.executeWriteCopy, true, true, true), (.none, false, false, false),
        ]
        for (value, readable, writable, executable) in table {
            #expect(value.isReadable == readable && value.isWritable == writable && value.isExecutable == executable, "\(value)")
        }
        #expect(MemoryProtection(0x4000_0220).description == "PAGE_EXECUTE_READ|PAGE_NOCACHE|PAGE_TARGETS_INVALID")
        #expect(MemoryProtection(0x1000).description == "0x1000")
        #expect(MemoryState(0x1000).description == "MEM_COMMIT" && MemoryType(0x100_0000).description == "MEM_IMAGE")
    }

    @Test func hostileHeadersThrow() throws {
        let cases: [(MiniDumpFile, MiniDumpError.Kind)] = [
            (try build(Self.layout, count: UInt64.max), .invalidCount),
            (try build(Self.layout, count: 7), .invalidCount),
            (try build(Self.layout, count: 0x0555_5555_5555_5556), .invalidCount),  // × 48 overflows
            (try build(Self.layout, headerSize: 12), .invalidValue),
            (try build(Self.layout, entrySize: 40), .invalidValue),
            (try build([], headerSize: 0xFFFF_FFFF), .truncated),
        ]
        for (dump, kind) in cases {
            #expect {
                _ = try dump.memoryInfoList()
            } throws: { error in
                (error as? MiniDumpError)?.kind == kind && (error as? MiniDumpError)?.streamType == .memoryInfoList
            }
        }
        var builder = MiniDumpBuilder()
        builder.addStream(StreamType.memoryInfoList.rawValue, [16, 0, 0, 0])
        #expect(throws: MiniDumpError.self) { _ = try MiniDumpFile(bytes: builder.build()).memoryInfoList() }
        #expect(try build([]).memoryInfoList()?.regions.isEmpty == true)
    }

    @Test func overlappingAndWrappingRegions() throws {
        let regions: [Region] = [
            (0x1000, 0x4000, 0x1000, 0x04, 0x2_0000),
            (0x2000, 0x1000, 0x1000, 0x02, 0x2_0000),
            (0xFFFF_FFFF_FFFF_F000, 0x2000, 0x1000, 0x02, 0x2_0000),
        ]
        let stream = try #require(try build(regions).memoryInfoList())
        #expect(stream.region(containing: 0x1FFF)?.index == 0)
        #expect(stream.region(containing: 0x2000)?.index == 1)
        #expect(stream.region(containing: 0x3000)?.index == 0)
        #expect(stream.region(containing: UInt64.max)?.index == 2)
        #expect(stream.regions[2].endAddress == UInt64.max)
        #expect(stream.diagnostics.count == 1 && stream.diagnostics[0].message.contains("region 2"))
    }

    /// Seeded random region lists against brute force; prints the seed.
    @Test func randomRegionListsAgreeWithBruteForce() {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("MemoryInfoTests.randomRegionListsAgreeWithBruteForce seed \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let regions = (0..<Int.random(in: 0...10, using: &generator)).map { index in
                MemoryRegionInfo(
                    index: index, baseAddress: UInt64.random(in: 0...30, using: &generator) << 12,
                    size: UInt64.random(in: 0...8, using: &generator) << 12, state: .commit, protection: .readOnly, type: .private)
            }
            let stream = MemoryInfoListStream(regions: regions)
            let ranges = regions.map { (base: $0.baseAddress, size: $0.size, index: $0.index) }
            for address in edgeAddresses(ranges) {
                #expect(stream.region(containing: address)?.index == bruteForceOwner(ranges, address), "seed \(seed)")
            }
        }
    }
}
