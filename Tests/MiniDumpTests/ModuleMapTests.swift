import Foundation
import MiniDump
import MiniDumpWriter
import Testing

/// The owner the documented rule picks, by brute force: among ranges containing `address`, the
/// highest base, then the earliest in file order.
func bruteForceOwner(_ ranges: [(base: UInt64, size: UInt64, index: Int)], _ address: UInt64) -> Int? {
    ranges.filter { address >= $0.base && address - $0.base < $0.size }
        .min { lhs, rhs in lhs.base != rhs.base ? lhs.base > rhs.base : lhs.index < rhs.index }?.index
}

/// Addresses around every range's edges.
func edgeAddresses(_ ranges: [(base: UInt64, size: UInt64, index: Int)]) -> [UInt64] {
    ranges.flatMap { range -> [UInt64] in
        let end = range.base.addingReportingOverflow(range.size).partialValue
        return [range.base, range.base &- 1, range.base &+ 1, end, end &- 1, end &+ 1, range.base &+ range.size / 2]
    } + [0, UInt64.max]
}

@Suite struct ModuleMapTests {
    // MARK: Real dumps

    /// Wine's ground truth: module ranges, the faulting module, and return addresses on the stack.
    @Test(arguments: SharedDumps.files(in: "wine"))
    func wineLookupsMatchGroundTruth(file: String) throws {
        guard SharedDumps.available() else { return }
        let truth = ((SharedDumps.wineTruth?["dumps"] as? [[String: Any]]) ?? []).first { $0["file"] as? String == "wine/" + file }
        let record = try #require(truth, "\(file) missing from truth.json")
        let map = try MiniDumpFile(path: SharedDumps.path("wine", file)).moduleMap()
        func expectModule(_ address: UInt64?, _ name: String?, _ label: String) {
            guard let address else {
                Issue.record("\(file): \(label) has no address")
                return
            }
            let found = map.module(containing: address)
            #expect(found?.name.lowercased() == name?.lowercased(), "\(file) \(label) \(Hex.format(address))")
        }
        for module in (record["modules"] as? [[String: Any]]) ?? [] {
            let name = module["name"] as? String
            let base = try #require(jsonUInt64(module["base"]))
            let size = try #require(jsonUInt64(module["size"]))
            expectModule(base, name, "module base")
            expectModule(base + size - 1, name, "module last byte")
            #expect(map.module(containing: base)?.baseAddress == base && map.module(containing: base)?.size == size, "\(file)")
        }
        if let fault = record["fault"] as? [String: Any] {
            let exception = record["exception"] as? [String: Any]
            expectModule(jsonUInt64(exception?["address"]), fault["module"] as? String, "fault")
            if let base = jsonUInt64(fault["module_base"]) {
                #expect(map.module(containing: jsonUInt64(exception?["address"]) ?? 0)?.baseAddress == base, "\(file)")
            }
        }
        for key in ["stack_scan_return_addresses", "rbp_chain"] {
            for frame in (record[key] as? [[String: Any]]) ?? [] {
                expectModule(jsonUInt64(frame["return_address"]), frame["module"] as? String, key)
            }
        }
        #expect(map.unloadedModules.isEmpty && map.diagnostics.isEmpty)
        #expect(map.mainModule?.name.lowercased() == ((record["modules"] as? [[String: Any]])?.first?["name"] as? String)?.lowercased())
    }

    /// Every real dump: lookups at every module's edges agree with a brute-force search.
    @Test(arguments: sharedDumpNames)
    func lookupsAgreeWithBruteForce(name: String) throws {
        guard SharedDumps.available(), let (_, _, dump) = openSharedDump(name) else { return }
        guard let map = try? dump.moduleMap() else { return }
        let loaded = map.modules.map { (base: $0.baseAddress, size: $0.size, index: $0.index) }
        for address in edgeAddresses(loaded) {
            #expect(map.module(containing: address)?.index == bruteForceOwner(loaded, address), "\(name) \(Hex.format(address))")
        }
        let unloaded = map.unloadedModules.map { (base: $0.baseAddress, size: $0.size, index: $0.index) }
        for address in edgeAddresses(unloaded) {
            #expect(map.unloadedModule(containing: address)?.index == bruteForceOwner(unloaded, address), "\(name)")
        }
        #expect(map.modules.map(\.baseAddress) == map.modules.map(\.baseAddress).sorted())
    }

    @Test(arguments: sharedDumpNames)
    func unloadedModulesMatchReference(name: String) throws {
        guard SharedDumps.available(), let (folder, file, dump) = openSharedDump(name) else { return }
        guard let reference = SharedDumps.expected(folder, file)?["unloadedModules"] as? [[String: Any]] else {
            if dump.entry(for: .unloadedModuleList) == nil { #expect(try dump.unloadedModuleList() == nil) }
            return
        }
        let stream = try #require(try dump.unloadedModuleList())
        #expect(stream.modules.count == reference.count && stream.diagnostics.isEmpty, "\(file)")
        for (module, ref) in zip(stream.modules, reference) {
            #expect(module.path == ref["name"] as? String, "\(file)")
            #expect(module.baseAddress == jsonUInt64(ref["base"]), "\(file) \(module.path)")
            #expect(module.size == jsonUInt64(ref["size"]), "\(file) \(module.path)")
            #expect(UInt64(module.checksum) == jsonUInt64(ref["checksum"]), "\(file) \(module.path)")
            #expect(UInt64(module.timestamp) == jsonUInt64(ref["timestamp"]), "\(file) \(module.path)")
        }
        let map = try dump.moduleMap()
        #expect(map.unloadedModules.count == reference.count)
    }

    // MARK: Built maps

    func module(_ index: Int, _ base: UInt64, _ size: UInt64, _ path: String = "") -> DumpModule {
        DumpModule(index: index, path: path.isEmpty ? "m\(index).dll" : path, baseAddress: base, size: size)
    }

    @Test func lookupsAtRangeEdges() {
        let map = ModuleMap(modules: [module(0, 0x2000, 0x1000), module(1, 0x1000, 0x1000), module(2, 0x5000, 0)])
        #expect(map.modules.map(\.index) == [1, 0, 2])
        #expect(map.module(containing: 0xFFF) == nil)
        #expect(map.module(containing: 0x1000)?.index == 1)
        #expect(map.module(containing: 0x1FFF)?.index == 1)
        #expect(map.module(containing: 0x2000)?.index == 0)
        #expect(map.module(containing: 0x2FFF)?.index == 0)
        #expect(map.module(containing: 0x3000) == nil)
        #expect(map.module(containing: 0x5000) == nil)  // zero-size modules contain nothing
        #expect(map.mainModule?.index == 0)
        #expect(ModuleMap().module(containing: 0) == nil && ModuleMap().isEmpty)
    }

    @Test func overlapsResolveToTheHighestBaseThenFileOrder() {
        let outer = module(0, 0x1000, 0x10000)
        let inner = module(1, 0x4000, 0x1000)
        let twinA = module(2, 0x20000, 0x1000)
        let twinB = module(3, 0x20000, 0x2000)
        let map = ModuleMap(modules: [twinB, inner, outer, twinA].shuffled())
        #expect(map.module(containing: 0x3FFF)?.index == 0)
        #expect(map.module(containing: 0x4000)?.index == 1)
        #expect(map.module(containing: 0x4FFF)?.index == 1)
        #expect(map.module(containing: 0x5000)?.index == 0)
        #expect(map.module(containing: 0x10FFF)?.index == 0)
        #expect(map.module(containing: 0x20000)?.index == 2)
        #expect(map.module(containing: 0x20FFF)?.index == 2)
        #expect(map.module(containing: 0x21000)?.index == 3)
        #expect(map.module(containing: 0x22000) == nil)
    }

    @Test func topOfTheAddressSpace() {
        let map = ModuleMap(modules: [module(0, 0xFFFF_FFFF_FFFF_0000, 0x2_0000), module(1, UInt64.max, 1)])
        #expect(map.module(containing: 0xFFFF_FFFF_FFFF_0000)?.index == 0)
        #expect(map.module(containing: UInt64.max - 1)?.index == 0)
        #expect(map.module(containing: UInt64.max)?.index == 1)
        #expect(map.module(containing: 0) == nil)
    }

    /// Seeded random maps (some overlapping, some empty) against brute force; prints the seed.
    @Test func randomMapsAgreeWithBruteForce() {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("ModuleMapTests.randomMapsAgreeWithBruteForce seed \(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let count = Int.random(in: 0...12, using: &generator)
            let modules = (0..<count).map { index in
                module(index, UInt64.random(in: 0...40, using: &generator) * 0x100, UInt64.random(in: 0...12, using: &generator) * 0x100)
            }
            let map = ModuleMap(modules: modules)
            let ranges = modules.map { (base: $0.baseAddress, size: $0.size, index: $0.index) }
            for address in stride(from: UInt64(0), through: 0x3400, by: 0x80) {
                #expect(map.module(containing: address)?.index == bruteForceOwner(ranges, address), "seed \(seed)")
            }
        }
    }

    // MARK: Unloaded modules, built

    func buildUnloaded(
        _ modules: [TestModule], headerSize: UInt32 = 12, entrySize: UInt32 = 24, count: UInt32? = nil
    ) throws -> MiniDumpFile {
        var builder = MiniDumpBuilder()
        let loaded = ModuleStreamBytes.moduleList([TestModule(base: 0x40_0000, size: 0x1000, name: "app.exe")], into: &builder)
        let unloaded = ModuleStreamBytes.unloadedList(modules, into: &builder, headerSize: headerSize, entrySize: entrySize, count: count)
        builder.addStream(StreamType.moduleList.rawValue, loaded)
        builder.addStream(StreamType.unloadedModuleList.rawValue, unloaded)
        return try MiniDumpFile(bytes: builder.build())
    }

    @Test func unloadedEntriesStrideByTheirOwnSizes() throws {
        let modules = [
            TestModule(base: 0x7FF0_0000, size: 0x1_0000, checksum: 7, timestamp: 0x6000_0001, name: "C:\\x\\gone.dll"),
            TestModule(base: 0x7FF0_0000, size: 0x1_0000, checksum: 8, timestamp: 0x6000_0002, name: "again.dll"),
        ]
        for (header, entry) in [(UInt32(12), UInt32(24)), (16, 32)] {
            let dump = try buildUnloaded(modules, headerSize: header, entrySize: entry)
            let stream = try #require(try dump.unloadedModuleList())
            #expect(stream.modules.map(\.path) == ["C:\\x\\gone.dll", "again.dll"])
            #expect(stream.modules.map(\.name) == ["gone.dll", "again.dll"])
            #expect(stream.modules.map(\.checksum) == [7, 8] && stream.modules[0].codeId == "6000000110000")
            let map = try dump.moduleMap()
            #expect(map.module(containing: 0x40_0000)?.name == "app.exe")
            #expect(map.module(containing: 0x7FF0_0000) == nil)
            #expect(map.unloadedModule(containing: 0x7FF0_FFFF)?.index == 0)  // equal bases: first in file order
            #expect(map.unloadedModule(containing: 0x7FF1_0000) == nil)
        }
    }

    @Test func brokenUnloadedHeadersThrowAndOnlyDiagnoseTheMap() throws {
        let one = [TestModule(base: 0x1000, size: 0x1000, name: "a.dll")]
        let cases: [(MiniDumpFile, MiniDumpError.Kind)] = [
            (try buildUnloaded(one, count: 0xFFFF_FFFF), .invalidCount),
            (try buildUnloaded(one, headerSize: 8), .invalidValue),
            (try buildUnloaded(one, entrySize: 20), .invalidValue),
            (try buildUnloaded(one, headerSize: 0x1000), .truncated),
        ]
        for (dump, kind) in cases {
            #expect {
                _ = try dump.unloadedModuleList()
            } throws: { error in
                (error as? MiniDumpError)?.kind == kind && (error as? MiniDumpError)?.streamType == .unloadedModuleList
            }
            let map = try dump.moduleMap()
            #expect(map.modules.count == 1 && map.unloadedModules.isEmpty)
            #expect(map.diagnostics.count == 1 && map.diagnostics[0].streamType == .unloadedModuleList)
        }
    }

    @Test func unreadableUnloadedNameIsADiagnostic() throws {
        let modules = [TestModule(base: 0x1000, size: 0x1000, nameRva: 0xFFFF_0000), TestModule(base: 0x3000, size: 0x1000, name: "b.dll")]
        let stream = try #require(try buildUnloaded(modules).unloadedModuleList())
        #expect(stream.modules.map(\.path) == ["", "b.dll"])
        #expect(stream.diagnostics.count == 1 && stream.diagnostics[0].message.contains("unloaded module 0"))
    }
}

