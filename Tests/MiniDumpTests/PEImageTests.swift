import Foundation
@testable import MiniDump
import Testing

/// Process memory for tests: byte arrays keyed by their start address.
struct DictionaryMemory: MemoryReading {
    var regions: [UInt64: [UInt8]] = [:]

    init(_ regions: [UInt64: [UInt8]] = [:]) { self.regions = regions }

    func bytes(at address: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        for (base, data) in regions where address >= base {
            let offset = address - base
            guard offset <= UInt64(data.count), UInt64(count) <= UInt64(data.count) - offset else { continue }
            return Array(data[Int(offset)..<(Int(offset) + count)])
        }
        return nil
    }

    func withBytes<R>(at address: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard let data = bytes(at: address, count: count) else { return nil }
        return try data.withUnsafeBytes(body)
    }

    /// Writes little-endian 64-bit words into the region starting at `base`.
    mutating func store64(_ values: [UInt64], at address: UInt64, regionBase base: UInt64) {
        for (index, value) in values.enumerated() {
            let at = Int(address - base) + index * 8
            for byte in 0..<8 { regions[base]?[at + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte))) }
        }
    }
}

/// A small PE32+ image written byte by byte: headers, .text/.rdata/.pdata sections, an export
/// directory (with a forwarder and an ordinal-only export) and an exception directory.
struct SyntheticImage {
    static let base: UInt64 = 0x1_8000_0000
    var bytes = [UInt8](repeating: 0, count: 0x3000)

    mutating func put16(_ value: UInt16, _ at: Int) { for i in 0..<2 where at + i < bytes.count { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt16(i))) } }
    mutating func put32(_ value: UInt32, _ at: Int) { for i in 0..<4 where at + i < bytes.count { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) } }
    mutating func put64(_ value: UInt64, _ at: Int) { for i in 0..<8 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) } }
    mutating func putString(_ text: String, _ at: Int) { for (i, byte) in text.utf8.enumerated() { bytes[at + i] = byte }; bytes[at + text.utf8.count] = 0 }
    mutating func putBytes(_ data: [UInt8], _ at: Int) { for (i, byte) in data.enumerated() { bytes[at + i] = byte } }

    /// The functions of the exception directory (sorted by begin RVA).
    var functions: [RuntimeFunction] = []

    init(machine: UInt16 = 0x8664) {
        putBytes([0x4D, 0x5A], 0)
        put32(0x80, 0x3C)
        putBytes([0x50, 0x45, 0, 0], 0x80)
        put16(machine, 0x84)
        put16(3, 0x86)
        put32(0x1234_5678, 0x88)
        put16(0xF0, 0x94)
        let optional = 0x98
        put16(0x20B, optional)
        put32(0x1010, optional + 16)
        put64(Self.base, optional + 24)
        put32(0x3000, optional + 56)
        put32(16, optional + 108)
        put32(0x2000, optional + 112) // export
        put32(0x100, optional + 116)
        let sections = optional + 0xF0
        for (index, (name, rva, size, flags)) in [(".text", 0x1000, 0x1000, 0x6000_0020 as UInt32),
                                                   (".rdata", 0x2000, 0x800, 0x4000_0040),
                                                   (".pdata", 0x2800, 0x800, 0x4000_0040)].enumerated() {
            let at = sections + 40 * index
            putString(name, at)
            put32(UInt32(size), at + 8)
            put32(UInt32(rva), at + 12)
            put32(UInt32(size), at + 16)
            put32(flags, at + 36)
        }
        // Export directory at 0x2000: Base 1, four functions, three names.
        put32(0x20F0, 0x2000 + 12)
        put32(1, 0x2000 + 16)
        put32(4, 0x2000 + 20)
        put32(3, 0x2000 + 24)
        put32(0x2040, 0x2000 + 28)
        put32(0x2060, 0x2000 + 32)
        put32(0x2070, 0x2000 + 36)
        for (slot, rva) in [0x1100, 0x1000, 0x2090, 0x1200].enumerated() { put32(UInt32(rva), 0x2040 + 4 * slot) }
        for (index, rva) in [0x2080, 0x2086, 0x20A0].enumerated() { put32(UInt32(rva), 0x2060 + 4 * index) }
        for (index, slot) in [1, 0, 2].enumerated() { put16(UInt16(slot), 0x2070 + 2 * index) }
        putString("Alpha", 0x2080)
        putString("Beta", 0x2086)
        putString("OTHER.Func", 0x2090)
        putString("Fwd", 0x20A0)
        putString("synthetic.dll", 0x20F0)
    }

    /// Writes the exception directory for `functions` (sorted) at RVA 0x2800.
    mutating func setFunctions(_ list: [RuntimeFunction]) {
        functions = list
        for (index, function) in list.enumerated() {
            put32(function.beginRva, 0x2800 + 12 * index)
            put32(function.endRva, 0x2800 + 12 * index + 4)
            put32(function.unwindInfoRva, 0x2800 + 12 * index + 8)
        }
        put32(0x2800, 0x98 + 112 + 3 * 8)
        put32(UInt32(12 * list.count), 0x98 + 112 + 3 * 8 + 4)
    }

    /// Writes an `UNWIND_INFO` at `rva`.
    mutating func setUnwindInfo(at rva: Int, version: UInt8 = 1, flags: UInt8 = 0, prolog: UInt8,
                                frameRegister: UInt8 = 0, frameOffset: UInt8 = 0, slots: [UInt16],
                                chained: RuntimeFunction? = nil) {
        bytes[rva] = version | flags << 3
        bytes[rva + 1] = prolog
        bytes[rva + 2] = UInt8(slots.count)
        bytes[rva + 3] = frameRegister | frameOffset << 4
        for (index, slot) in slots.enumerated() { put16(slot, rva + 4 + 2 * index) }
        if let chained {
            let tail = rva + 4 + 2 * ((slots.count + 1) & ~1)
            put32(chained.beginRva, tail)
            put32(chained.endRva, tail + 4)
            put32(chained.unwindInfoRva, tail + 8)
        }
    }

    var memory: DictionaryMemory { DictionaryMemory([Self.base: bytes]) }
}

/// One unwind code slot: `CodeOffset`, `UnwindOp`, `OpInfo`.
func slot(_ offset: UInt8, _ op: UInt8, _ info: UInt8) -> UInt16 {
    UInt16(offset) | UInt16(op | info << 4) << 8
}

@Suite struct PEImageTests {
    @Test func headersSectionsAndDirectories() throws {
        let image = try #require(PEImage(memory: SyntheticImage().memory, baseAddress: SyntheticImage.base))
        #expect(image.machine == 0x8664)
        #expect(image.isPE32Plus)
        #expect(image.timestamp == 0x1234_5678)
        #expect(image.sizeOfImage == 0x3000)
        #expect(image.entryPointRva == 0x1010)
        #expect(image.preferredBase == SyntheticImage.base)
        #expect(image.sections.map(\.name) == [".text", ".rdata", ".pdata"])
        #expect(image.sections.map(\.isExecutable) == [true, false, false])
        #expect(image.dataDirectories.count == 16)
        #expect(image.dataDirectory(.export) == PEDataDirectory(rva: 0x2000, size: 0x100))
        #expect(image.dataDirectory(.exception) == nil)
        #expect(image.isExecutable(address: SyntheticImage.base + 0x1234))
        #expect(!image.isExecutable(address: SyntheticImage.base + 0x2010))
        #expect(!image.isExecutable(address: SyntheticImage.base + 0x3000))
        #expect(image.rva(of: SyntheticImage.base - 1) == nil)
    }

    @Test func exportsAreSortedWithoutForwarders() throws {
        let image = try #require(PEImage(memory: SyntheticImage().memory, baseAddress: SyntheticImage.base))
        #expect(image.exports() == [
            PEExport(rva: 0x1000, name: "Alpha", ordinal: 2),
            PEExport(rva: 0x1100, name: "Beta", ordinal: 1),
            PEExport(rva: 0x1200, name: nil, ordinal: 4),
        ])
    }

    @Test func resolverNamesNearestExportInCode() throws {
        let memory = SyntheticImage().memory
        let table = ModuleTable([ModuleSpan(index: 0, name: "synthetic.dll", base: SyntheticImage.base, end: SyntheticImage.base + 0x3000)])
        let resolver = SymbolResolver(modules: table, cache: ModuleImageCache(memory: memory))
        #expect(resolver.resolve(SyntheticImage.base + 0x104E)?.description == "synthetic.dll!Alpha+0x4e")
        #expect(resolver.resolve(SyntheticImage.base + 0x1100)?.description == "synthetic.dll!Beta")
        // A return address at the start of the next export belongs to the call before it.
        #expect(resolver.resolve(SyntheticImage.base + 0x1100, isReturnAddress: true)?.function == "Alpha")
        #expect(resolver.resolve(SyntheticImage.base + 0x1234)?.description == "synthetic.dll!Ordinal4+0x34")
        // Before the first export, and in data: module offsets only.
        #expect(resolver.resolve(SyntheticImage.base + 0x0800)?.description == "synthetic.dll+0x800")
        #expect(resolver.resolve(SyntheticImage.base + 0x2010)?.function == nil)
        #expect(resolver.resolve(SyntheticImage.base + 0x3000) == nil)
    }

    @Test func missingOrForeignHeadersGiveNil() {
        var image = SyntheticImage()
        #expect(PEImage(memory: DictionaryMemory(), baseAddress: SyntheticImage.base) == nil)
        image.bytes[0x80] = 0x4E // "NE"
        #expect(PEImage(memory: image.memory, baseAddress: SyntheticImage.base) == nil)
        var truncated = SyntheticImage()
        truncated.bytes = Array(truncated.bytes.prefix(0x90))
        #expect(PEImage(memory: truncated.memory, baseAddress: SyntheticImage.base) == nil)
        var hostile = SyntheticImage()
        hostile.put32(0xFFFF_FFF0, 0x3C)
        #expect(PEImage(memory: hostile.memory, baseAddress: SyntheticImage.base) == nil)
    }

    @Test func hostileExportCountsStayBounded() throws {
        var image = SyntheticImage()
        image.put32(0xFFFF_FFFF, 0x2000 + 20)
        image.put32(0xFFFF_FFFF, 0x2000 + 24)
        let parsed = try #require(PEImage(memory: image.memory, baseAddress: SyntheticImage.base))
        #expect(parsed.exports().isEmpty) // the tables would run past the captured bytes
    }

    @Test func exceptionDirectoryBinarySearch() throws {
        var image = SyntheticImage()
        let functions: [RuntimeFunction] = (0..<40).map { (index: Int) -> RuntimeFunction in
            let begin = UInt32(0x1000 + 0x40 * index)
            return RuntimeFunction(beginRva: begin, endRva: begin + 0x30, unwindInfoRva: 0x2400)
        }
        image.setFunctions(functions)
        let parsed = try #require(PEImage(memory: image.memory, baseAddress: SyntheticImage.base))
        #expect(parsed.runtimeFunctionCount == 40)
        #expect(parsed.hasReadableExceptionDirectory)
        for function in functions {
            #expect(parsed.runtimeFunction(containingRva: function.beginRva) == function)
            #expect(parsed.runtimeFunction(containingRva: function.endRva - 1) == function)
            #expect(parsed.runtimeFunction(containingRva: function.endRva) == nil) // the gap after it
        }
        #expect(parsed.runtimeFunction(containingRva: 0x0FFF) == nil)
        #expect(parsed.runtimeFunction(at: 40) == nil)
    }

    @Test func unwindInfoDecodesEveryCode() throws {
        var image = SyntheticImage()
        var slots = [UInt16]()
        slots += [slot(0x30, 6, 1), 0x0010]          // UWOP_EPILOG (v2, two slots)
        slots += [slot(0x2C, 9, 6), 0x0000, 0x0001]  // SAVE_XMM128_FAR xmm6 at 0x10000
        slots += [slot(0x28, 8, 7), 0x0003]          // SAVE_XMM128 xmm7 at 3 × 16
        slots += [slot(0x24, 5, 12), 0x2340, 0x0001] // SAVE_NONVOL_FAR r12 at 0x12340
        slots += [slot(0x20, 4, 6), 0x0005]          // SAVE_NONVOL rsi at 5 × 8
        slots += [slot(0x1C, 3, 0)]                  // SET_FPREG
        slots += [slot(0x18, 1, 1), 0x0000, 0x0002]  // ALLOC_LARGE 0x20000 (32-bit form)
        slots += [slot(0x10, 1, 0), 0x0200]          // ALLOC_LARGE 0x200 × 8 (16-bit form)
        slots += [slot(0x08, 2, 3)]                  // ALLOC_SMALL 32
        slots += [slot(0x04, 10, 1)]                 // PUSH_MACHFRAME with error code
        slots += [slot(0x01, 0, 5)]                  // PUSH_NONVOL rbp
        image.setUnwindInfo(at: 0x2400, version: 2, flags: 0x3, prolog: 0x30, frameRegister: 5, frameOffset: 2, slots: slots)
        image.put32(0x1500, 0x2400 + 4 + 2 * 22) // handler RVA after the slots, rounded up to an even count
        let info = try #require(UnwindInfo(memory: image.memory, address: SyntheticImage.base + 0x2400))
        #expect(info.version == 2)
        #expect(info.flags == [.exceptionHandler, .terminationHandler])
        #expect(info.prologSize == 0x30)
        #expect(info.slotCount == 21)
        #expect(info.frameRegister == 5)
        #expect(info.frameOffset == 32)
        #expect(info.handlerRva == 0x1500)
        #expect(info.chained == nil)
        #expect(info.codes.map(\.operation) == [
            .epilog, .saveXMM128Far, .saveXMM128, .saveNonvolatileFar, .saveNonvolatile, .setFramePointer,
            .allocLarge, .allocLarge, .allocSmall, .pushMachineFrame, .pushNonvolatile,
        ])
        #expect(info.codes.map(\.operand) == [0x10, 0x10000, 48, 0x12340, 40, 0, 0x20000, 0x1000, 32, 8, 0])
        #expect(info.codes.map(\.slotCount) == [2, 3, 2, 3, 2, 1, 3, 2, 1, 1, 1])
        #expect(info.codes.map(\.info) == [1, 6, 7, 12, 6, 0, 1, 0, 3, 1, 5])
        #expect(info.size == 48)
    }

    @Test func unwindInfoProbesFailSoftly() {
        var image = SyntheticImage()
        image.setUnwindInfo(at: 0x2400, version: 3, prolog: 0, slots: [])
        #expect(UnwindInfo(memory: image.memory, address: SyntheticImage.base + 0x2400) == nil)
        // Codes past the captured bytes.
        image.setUnwindInfo(at: 0x2FF8, prolog: 4, slots: [slot(4, 2, 1), slot(1, 0, 3), slot(0, 0, 5)])
        #expect(UnwindInfo(memory: image.memory, address: SyntheticImage.base + 0x2FF8) == nil)
        // An unknown operation ends decoding; the header still reads.
        image.setUnwindInfo(at: 0x2400, prolog: 4, slots: [slot(4, 2, 1), slot(2, 15, 0), slot(1, 0, 3)])
        let info = UnwindInfo(memory: image.memory, address: SyntheticImage.base + 0x2400)
        #expect(info?.codes.count == 1)
        // Chained information that was not captured (Wine's small dumps) reads as nil.
        image.setUnwindInfo(at: 0x2FF0, flags: 4, prolog: 0, slots: [slot(0, 2, 0), slot(0, 2, 0)])
        let chained = UnwindInfo(memory: image.memory, address: SyntheticImage.base + 0x2FF0)
        #expect(chained?.flags == .chainInfo)
        #expect(chained?.chained == nil)
    }

    // MARK: Real dumps

    @Test func smallDumpsHoldUnwindInfoButNoHeaders() throws {
        guard SharedDumps.available() else { return }
        let full = try MiniDumpFile.open(path: SharedDumps.path("wine", "x64_O0_mt_worker_oop_fullmem.full.dmp.gz"))
        let small = try MiniDumpFile.open(path: SharedDumps.path("wine", "x64_O0_mt_worker_inthread.small.dmp"))
        let base: UInt64 = 0x1_4000_0000
        let image = try #require(PEImage(memory: full.addressSpace(), baseAddress: base))
        #expect(image.machine == 0x8664 && image.isPE32Plus)
        #expect(image.sections.contains { $0.name == ".text" && $0.isExecutable })
        #expect(PEImage(memory: small.addressSpace(), baseAddress: base) == nil)
        let count = image.runtimeFunctionCount
        #expect(count > 50)
        let smallMemory = small.addressSpace()
        var missing = [Int]()
        for index in 0..<count {
            let function = try #require(image.runtimeFunction(at: index))
            guard let fromFull = image.unwindInfo(for: function) else { continue }
            guard let fromSmall = UnwindInfo(memory: smallMemory, address: base + UInt64(function.unwindInfoRva)) else {
                missing.append(index)
                continue
            }
            #expect(fromSmall.codes == fromFull.codes)
            #expect(fromSmall.prologSize == fromFull.prologSize)
            #expect(fromSmall.frameRegister == fromFull.frameRegister && fromSmall.frameOffset == fromFull.frameOffset)
        }
        // Wine's dbghelp stops one entry early (`while (rtf + 1 < end)`): only the last is missing.
        #expect(missing == [count - 1])
        // The -O0 functions set up RBP as their frame pointer.
        let soAlpha = try #require(image.runtimeFunction(containingRva: 0x3680))
        let info = try #require(image.unwindInfo(for: soAlpha))
        #expect(info.framePointerRegister == .rbp)
        #expect(info.codes.last?.operation == .pushNonvolatile && info.codes.last?.register == .rbp)
    }

    @Test(arguments: SharedDumps.files(in: "wine", includeCompressed: true).filter { $0.hasSuffix(".gz") })
    func fullDumpsHoldEveryModulesHeaders(name: String) throws {
        guard SharedDumps.available() else { return }
        let dump = try MiniDumpFile.open(path: SharedDumps.path("wine", name))
        let modules = try dump.moduleMap().modules
        #expect(!modules.isEmpty)
        for module in modules {
            let image = try #require(dump.peImage(of: module), "\(name) \(module.name)")
            // The loader maps SizeOfImage bytes: the module list records the same size.
            #expect(UInt64(image.sizeOfImage) == module.size, "\(module.name)")
            #expect(image.machine == 0x8664 && image.isPE32Plus, "\(module.name)")
            #expect(image.sections.contains { $0.isExecutable }, "\(module.name)")
            #expect(image.timestamp == module.timestamp, "\(module.name)")
        }
        let kernel32 = try #require(modules.first { $0.name.lowercased() == "kernel32.dll" })
        let exports = dump.symbolResolver().exports(moduleBase: kernel32.baseAddress)
        #expect(exports.count > 500)
        #expect(exports.contains { $0.name == "BaseThreadInitThunk" })
        #expect(zip(exports, exports.dropFirst()).allSatisfy { $0.rva <= $1.rva })
    }
}
