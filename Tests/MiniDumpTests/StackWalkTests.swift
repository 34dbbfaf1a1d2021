import Foundation
@testable import MiniDump
import MiniDumpWriter
import Testing

/// The x64 unwind-code interpreter, the CALL decoder and the walk engine on hand-made bytes.
@Suite struct StackWalkTests {
    static let base = SyntheticImage.base
    static let stackBase: UInt64 = 0x10000
    static let stackSize = 0x4000

    /// A register file with RIP and RSP (and any extra registers) set.
    static func registers(rip: UInt64, rsp: UInt64, _ extra: [Int: UInt64] = [:]) -> RegisterFile {
        var file = RegisterFile(count: X64Index.count)
        file[X64Index.rip] = rip
        file[X64Index.rsp] = rsp
        for (index, value) in extra { file[index] = value }
        return file
    }

    /// The image plus a stack whose 64-bit words are given by slot address.
    static func memory(_ image: SyntheticImage, stack words: [UInt64: UInt64]) -> DictionaryMemory {
        var memory = image.memory
        memory.regions[stackBase] = [UInt8](repeating: 0, count: stackSize)
        for (address, value) in words { memory.store64([value], at: address, regionBase: stackBase) }
        return memory
    }

    /// `push rbx; push rbp; sub rsp, 0x28` at RVA 0x1100, with its unwind data at 0x2420.
    static func pushPushAlloc() -> (SyntheticImage, RuntimeFunction) {
        var image = SyntheticImage()
        let function = RuntimeFunction(beginRva: 0x1100, endRva: 0x1180, unwindInfoRva: 0x2420)
        image.setFunctions([function])
        image.setUnwindInfo(at: 0x2420, prolog: 6, slots: [slot(6, 2, 4), slot(2, 0, 5), slot(1, 0, 3)])
        image.putBytes([0x53, 0x55, 0x48, 0x83, 0xEC, 0x28], 0x1100)
        return (image, function)
    }

    // MARK: Unwind codes

    @Test func undoesPushesAndAllocationAfterTheProlog() throws {
        let (image, function) = Self.pushPushAlloc()
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [rsp + 0x28: 0xBBBB, rsp + 0x30: 0x3333, rsp + 0x38: Self.base + 0x1050])
        let before = Self.registers(rip: Self.base + 0x1140, rsp: rsp, [X64Index.rax: 1, X64Index.rsi: 0x5151])
        let after = try #require(X64VirtualUnwinder(memory: memory).unwind(before, imageBase: Self.base, function: function, detectEpilog: true))
        #expect(after[X64Index.rip] == Self.base + 0x1050)
        #expect(after[X64Index.rsp] == rsp + 0x40)
        #expect(after[X64Index.rbp] == 0xBBBB)
        #expect(after[X64Index.rbx] == 0x3333)
        #expect(after[X64Index.rsi] == 0x5151) // non-volatile, untouched
        #expect(after[X64Index.rax] == nil)    // volatile: unknown in the caller
    }

    @Test func undoesOnlyTheExecutedPartOfTheProlog() throws {
        let (image, function) = Self.pushPushAlloc()
        let rsp = Self.stackBase + 0x100
        // After `push rbx; push rbp` (offset 2), before `sub rsp`.
        let memory = Self.memory(image, stack: [rsp: 0xBBBB, rsp + 8: 0x3333, rsp + 16: Self.base + 0x1060])
        let unwinder = X64VirtualUnwinder(memory: memory)
        let after = try #require(unwinder.unwind(Self.registers(rip: Self.base + 0x1102, rsp: rsp), imageBase: Self.base, function: function, detectEpilog: true))
        #expect(after[X64Index.rip] == Self.base + 0x1060)
        #expect(after[X64Index.rsp] == rsp + 24)
        #expect(after[X64Index.rbp] == 0xBBBB)
        // At the first instruction nothing has run: the return address is at RSP.
        let entry = Self.memory(image, stack: [rsp: Self.base + 0x1070])
        let atEntry = X64VirtualUnwinder(memory: entry).unwind(Self.registers(rip: Self.base + 0x1100, rsp: rsp), imageBase: Self.base, function: function, detectEpilog: true)
        #expect(atEntry?[X64Index.rip] == Self.base + 0x1070)
        #expect(atEntry?[X64Index.rsp] == rsp + 8)
    }

    @Test func allocLargeBothForms() throws {
        var image = SyntheticImage()
        let small = RuntimeFunction(beginRva: 0x1000, endRva: 0x1040, unwindInfoRva: 0x2400)
        let large = RuntimeFunction(beginRva: 0x1040, endRva: 0x1080, unwindInfoRva: 0x2410)
        image.setFunctions([small, large])
        image.setUnwindInfo(at: 0x2400, prolog: 7, slots: [slot(7, 1, 0), 0x0040])         // sub rsp, 0x200
        image.setUnwindInfo(at: 0x2410, prolog: 7, slots: [slot(7, 1, 1), 0x0000, 0x0001]) // sub rsp, 0x10000
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [rsp + 0x200: Self.base + 0x1111])
        var bigStack = memory
        bigStack.regions[0x100000] = [UInt8](repeating: 0, count: 0x10010)
        bigStack.store64([Self.base + 0x1222], at: 0x110000, regionBase: 0x100000)
        let unwinder = X64VirtualUnwinder(memory: memory)
        let first = unwinder.unwind(Self.registers(rip: Self.base + 0x1020, rsp: rsp), imageBase: Self.base, function: small, detectEpilog: false)
        #expect(first?[X64Index.rip] == Self.base + 0x1111)
        #expect(first?[X64Index.rsp] == rsp + 0x208)
        let second = X64VirtualUnwinder(memory: bigStack).unwind(Self.registers(rip: Self.base + 0x1060, rsp: 0x100000), imageBase: Self.base, function: large, detectEpilog: false)
        #expect(second?[X64Index.rip] == Self.base + 0x1222)
        #expect(second?[X64Index.rsp] == 0x110008)
    }

    @Test func framePointerAndSavedRegisters() throws {
        // push rbp; sub rsp, 0x100; lea rbp, [rsp+0x20]; mov [rsp+0x40], rsi; ... later `sub rsp` for alloca.
        var image = SyntheticImage()
        let function = RuntimeFunction(beginRva: 0x1200, endRva: 0x1300, unwindInfoRva: 0x2430)
        image.setFunctions([function])
        image.setUnwindInfo(at: 0x2430, prolog: 18, frameRegister: 5, frameOffset: 2, slots: [
            slot(18, 4, 6), 0x0008, // SAVE_NONVOL rsi at frame base + 0x40
            slot(13, 3, 0),         // SET_FPREG rbp = rsp + 0x20
            slot(8, 1, 0), 0x0020,  // ALLOC_LARGE 0x100
            slot(1, 0, 5),          // PUSH_NONVOL rbp
        ])
        let frameBase = Self.stackBase + 0x1000
        let rbp = frameBase + 0x20
        let memory = Self.memory(image, stack: [
            frameBase + 0x40: 0x5151, frameBase + 0x100: 0xCAFE, frameBase + 0x108: Self.base + 0x1010,
        ])
        // RSP far below the frame (dynamic allocation): only RBP locates it.
        let before = Self.registers(rip: Self.base + 0x1280, rsp: Self.stackBase + 0x200, [X64Index.rbp: rbp])
        let after = try #require(X64VirtualUnwinder(memory: memory).unwind(before, imageBase: Self.base, function: function, detectEpilog: false))
        #expect(after[X64Index.rip] == Self.base + 0x1010)
        #expect(after[X64Index.rsp] == frameBase + 0x110)
        #expect(after[X64Index.rbp] == 0xCAFE)
        #expect(after[X64Index.rsi] == 0x5151)
        // Inside the prolog before SET_FPREG ran: RSP is the frame base, RBP still the caller's.
        let early = Self.memory(image, stack: [frameBase + 0x100: 0xCAFE, frameBase + 0x108: Self.base + 0x1010])
        let inProlog = Self.registers(rip: Self.base + 0x1208, rsp: frameBase, [X64Index.rbp: 0x7777])
        let unwound = X64VirtualUnwinder(memory: early).unwind(inProlog, imageBase: Self.base, function: function, detectEpilog: false)
        #expect(unwound?[X64Index.rip] == Self.base + 0x1010)
        #expect(unwound?[X64Index.rbp] == 0xCAFE)
    }

    @Test func followsChainedUnwindInfo() throws {
        var image = SyntheticImage()
        let parent = RuntimeFunction(beginRva: 0x1100, endRva: 0x1180, unwindInfoRva: 0x2420)
        let fragment = RuntimeFunction(beginRva: 0x1180, endRva: 0x11C0, unwindInfoRva: 0x2440)
        image.setFunctions([parent, fragment])
        image.setUnwindInfo(at: 0x2420, prolog: 6, slots: [slot(6, 2, 4), slot(2, 0, 5), slot(1, 0, 3)])
        image.setUnwindInfo(at: 0x2440, flags: 4, prolog: 0, slots: [slot(0, 4, 12), 0x0002], chained: parent)
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [
            rsp + 0x10: 0x1212, rsp + 0x28: 0xBBBB, rsp + 0x30: 0x3333, rsp + 0x38: Self.base + 0x1050,
        ])
        let after = try #require(X64VirtualUnwinder(memory: memory).unwind(
            Self.registers(rip: Self.base + 0x1190, rsp: rsp), imageBase: Self.base, function: fragment, detectEpilog: false))
        #expect(after[X64Index.r12] == 0x1212)
        #expect(after[X64Index.rbp] == 0xBBBB)
        #expect(after[X64Index.rbx] == 0x3333)
        #expect(after[X64Index.rip] == Self.base + 0x1050)
        #expect(after[X64Index.rsp] == rsp + 0x40)
    }

    @Test func chainCyclesAndMissingChainsFail() {
        var image = SyntheticImage()
        let looping = RuntimeFunction(beginRva: 0x1100, endRva: 0x1180, unwindInfoRva: 0x2420)
        image.setFunctions([looping])
        image.setUnwindInfo(at: 0x2420, flags: 4, prolog: 0, slots: [slot(0, 2, 0)], chained: looping)
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [:])
        #expect(X64VirtualUnwinder(memory: memory).unwind(Self.registers(rip: Self.base + 0x1110, rsp: rsp), imageBase: Self.base, function: looping, detectEpilog: false) == nil)
    }

    @Test func machineFrame() throws {
        var image = SyntheticImage()
        let function = RuntimeFunction(beginRva: 0x1100, endRva: 0x1180, unwindInfoRva: 0x2420)
        image.setFunctions([function])
        image.setUnwindInfo(at: 0x2420, prolog: 1, slots: [slot(1, 2, 1), slot(0, 10, 1)]) // sub rsp, 16; machine frame with error code
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [rsp + 0x18: Self.base + 0x1234, rsp + 0x18 + 24: Self.stackBase + 0x800])
        let after = X64VirtualUnwinder(memory: memory).unwind(Self.registers(rip: Self.base + 0x1150, rsp: rsp), imageBase: Self.base, function: function, detectEpilog: false)
        #expect(after?[X64Index.rip] == Self.base + 0x1234)
        #expect(after?[X64Index.rsp] == Self.stackBase + 0x800)
    }

    @Test func recognisesEpilogs() throws {
        var (image, function) = Self.pushPushAlloc()
        // add rsp, 0x28; pop rbp; pop rbx; ret
        image.putBytes([0x48, 0x83, 0xC4, 0x28, 0x5D, 0x5B, 0xC3], 0x1170)
        // a tail jump out of the function: pop rbp; pop rbx; jmp 0x1000
        image.putBytes([0x5D, 0x5B, 0xE9], 0x1160)
        image.put32(UInt32(bitPattern: Int32(0x1000 - 0x1168)), 0x1163)
        // a jump inside the function is not an epilog: pop rbp; jmp 0x1100
        image.putBytes([0x5D, 0xE9], 0x1150)
        image.put32(UInt32(bitPattern: Int32(0x1100 - 0x1156)), 0x1152)
        let rsp = Self.stackBase + 0x100
        let memory = Self.memory(image, stack: [rsp + 0x28: 0xBBBB, rsp + 0x30: 0x3333, rsp + 0x38: Self.base + 0x1050])
        let unwinder = X64VirtualUnwinder(memory: memory)
        let atAdd = unwinder.unwind(Self.registers(rip: Self.base + 0x1170, rsp: rsp), imageBase: Self.base, function: function, detectEpilog: true)
        #expect(atAdd?[X64Index.rip] == Self.base + 0x1050)
        #expect(atAdd?[X64Index.rbp] == 0xBBBB)
        // At `pop rbx`: only rbx and the return address remain.
        let atPop = unwinder.unwind(Self.registers(rip: Self.base + 0x1175, rsp: rsp + 0x30), imageBase: Self.base, function: function, detectEpilog: true)
        #expect(atPop?[X64Index.rbx] == 0x3333)
        #expect(atPop?[X64Index.rip] == Self.base + 0x1050)
        #expect(atPop?[X64Index.rsp] == rsp + 0x40)
        let tail = unwinder.unwind(Self.registers(rip: Self.base + 0x1160, rsp: rsp + 0x28), imageBase: Self.base, function: function, detectEpilog: true)
        #expect(tail?[X64Index.rip] == Self.base + 0x1050)
        // Not an epilog: the unwind codes apply (which read the frame at RSP + 0x28).
        let body = unwinder.unwind(Self.registers(rip: Self.base + 0x1150, rsp: rsp), imageBase: Self.base, function: function, detectEpilog: true)
        #expect(body?[X64Index.rip] == Self.base + 0x1050)
        #expect(body?[X64Index.rsp] == rsp + 0x40)
    }

    @Test func missingStackMakesUnwindFail() {
        let (image, function) = Self.pushPushAlloc()
        let unwinder = X64VirtualUnwinder(memory: image.memory)
        #expect(unwinder.unwind(Self.registers(rip: Self.base + 0x1140, rsp: 0x9990000), imageBase: Self.base, function: function, detectEpilog: true) == nil)
        #expect(unwinder.unwind(RegisterFile(count: X64Index.count), imageBase: Self.base, function: function, detectEpilog: true) == nil)
    }

    // MARK: CALL decoding

    @Test(arguments: [
        [0xE8, 0x10, 0x20, 0x30, 0x40],             // call rel32
        [0xFF, 0xD0],                               // call rax
        [0x41, 0xFF, 0xD3],                         // call r11
        [0xFF, 0x15, 0x01, 0x02, 0x03, 0x04],       // call [rip+disp32]
        [0x48, 0xFF, 0x15, 0x01, 0x02, 0x03, 0x04], // REX.W call [rip+disp32]
        [0xFF, 0x10],                               // call [rax]
        [0x41, 0xFF, 0x12],                         // call [r10]
        [0xFF, 0x14, 0x24],                         // call [rsp]
        [0xFF, 0x50, 0x10],                         // call [rax+0x10]
        [0xFF, 0x54, 0x24, 0x08],                   // call [rsp+8]
        [0xFF, 0x90, 0x00, 0x01, 0x00, 0x00],       // call [rax+0x100]
        [0xFF, 0x94, 0x24, 0x00, 0x01, 0x00, 0x00], // call [rsp+0x100]
        [0xFF, 0x14, 0x25, 0x00, 0x10, 0x40, 0x00], // call [disp32] via SIB without base
        [0x41, 0xFF, 0x54, 0x24, 0x20],             // call [r12+0x20]
    ] as [[UInt8]])
    func recognisesCalls(_ tail: [UInt8]) {
        let padded = [UInt8](repeating: 0x90, count: 8) + tail
        #expect(CallInstruction.endsWithX86Call(padded), "\(tail)")
    }

    @Test(arguments: [
        [0xFF, 0xE0],                               // jmp rax
        [0xFF, 0x25, 0x01, 0x02, 0x03, 0x04],       // jmp [rip+disp32]
        [0x48, 0x89, 0xC8],                         // mov rax, rcx
        [0xFF, 0x50],                               // call [rax+disp8] cut short
        [0xFF, 0x94, 0x24, 0x00, 0x01],             // call [rsp+disp32] cut short
        [0x90, 0x90, 0xC3],                         // ret
    ] as [[UInt8]])
    func rejectsNonCalls(_ tail: [UInt8]) {
        let padded = [UInt8](repeating: 0x90, count: 8) + tail
        #expect(!CallInstruction.endsWithX86Call(padded), "\(tail)")
    }

    @Test func arm64Calls() {
        #expect(CallInstruction.isARM64Call(0x9400_0010))  // bl
        #expect(CallInstruction.isARM64Call(0xD63F_0100))  // blr x8
        #expect(CallInstruction.isARM64Call(0xD63F_081F))  // blraaz x0
        #expect(CallInstruction.isARM64Call(0xD73F_0C41))  // blrab x2, x1
        #expect(!CallInstruction.isARM64Call(0xD65F_03C0)) // ret
        #expect(!CallInstruction.isARM64Call(0xD61F_0100)) // br x8
        #expect(!CallInstruction.isARM64Call(0x1400_0010)) // b
    }
}

/// The walk engine over synthetic stacks: strategies, progress checks and limits.
@Suite struct WalkEngineTests {
    static let base = SyntheticImage.base
    static let stackBase: UInt64 = 0x100000

    /// A module table holding the synthetic image only.
    static let table = ModuleTable([ModuleSpan(index: 0, name: "synthetic.dll", base: SyntheticImage.base, end: SyntheticImage.base + 0x3000)])

    static func engine(_ memory: DictionaryMemory, _ architecture: WalkArchitecture = .x64, limits: StackWalkLimits = .default) -> WalkEngine {
        WalkEngine(memory: memory, modules: table, images: ModuleImageCache(memory: memory), architecture: architecture, limits: limits)
    }

    /// An image whose code at `returnRvas` follows a `call rel32`.
    static func imageWithCalls(_ returnRvas: [Int]) -> SyntheticImage {
        var image = SyntheticImage()
        for rva in returnRvas { image.putBytes([0xE8, 0, 0, 0, 0], rva - 5) }
        return image
    }

    /// A stack of `depth` RBP frames of `frameSize` bytes, each returning to `returnRva`.
    static func framePointerChain(depth: Int, frameSize: UInt64, returnRva: Int) -> (DictionaryMemory, RegisterFile, UInt64) {
        var memory = imageWithCalls([returnRva]).memory
        let size = Int(frameSize) * (depth + 2)
        memory.regions[stackBase] = [UInt8](repeating: 0, count: size)
        let stackEnd = stackBase + UInt64(size)
        var words = [UInt64](repeating: 0, count: size / 8)
        for level in 0..<depth {
            let frame = stackBase + frameSize * UInt64(level + 1) // RBP of level `level`
            let slot = Int((frame - stackBase) / 8)
            words[slot] = level + 1 < depth ? frame + frameSize : 0
            words[slot + 1] = base + UInt64(returnRva)
        }
        memory.store64(words, at: stackBase, regionBase: stackBase)
        var registers = RegisterFile(count: X64Index.count)
        registers[X64Index.rip] = base + 0x1004
        registers[X64Index.rsp] = stackBase
        registers[X64Index.rbp] = stackBase + frameSize
        return (memory, registers, stackEnd)
    }

    @Test func followsFramePointersQuicklyThroughDeepRecursion() {
        let (memory, registers, end) = Self.framePointerChain(depth: 20_000, frameSize: 0x40, returnRva: 0x1105)
        let clock = ContinuousClock()
        var result: (frames: [RawFrame], truncated: Bool) = ([], false)
        let elapsed = clock.measure {
            result = Self.engine(memory).walk(initial: registers, pendingReturn: nil, stackEnd: end)
        }
        #expect(result.frames.count == 20_001)
        #expect(!result.truncated)
        #expect(result.frames.dropFirst().allSatisfy { $0.address == Self.base + 0x1105 && $0.trust == .framePointer })
        #expect(zip(result.frames, result.frames.dropFirst()).allSatisfy { $0.stackPointer < $1.stackPointer })
        #expect(elapsed < .seconds(10))
    }

    /// A call site whose first chain frame had a clean gap keeps a frame pointer: its later frames
    /// follow the chain without a gap scan, while a frame at another call site is still scanned.
    @Test func gapScansStopOnceACallSiteProvedItsFramePointer() {
        var (memory, registers, end) = Self.framePointerChain(depth: 12, frameSize: 0x40, returnRva: 0x1105)
        memory.regions[Self.base]?.replaceSubrange(0x1200..<0x1205, with: [0xE8, 0, 0, 0, 0])
        let rbp = { (level: Int) in Self.stackBase + 0x40 * UInt64(level + 1) }
        // Frame j returns from level j - 1: frame 8 sits at the other call site.
        memory.store64([Self.base + 0x1205], at: rbp(7) + 8, regionBase: Self.stackBase)
        // Stale return addresses among the locals of frame 5 (at 0x1105, proved by frame 1) and of
        // frame 8 (at 0x1205, seen for the first time).
        memory.store64([Self.base + 0x1105], at: rbp(5) - 0x20, regionBase: Self.stackBase)
        memory.store64([Self.base + 0x1105], at: rbp(8) - 0x20, regionBase: Self.stackBase)
        let walk = Self.engine(memory).walk(initial: registers, pendingReturn: nil, stackEnd: end)
        #expect(walk.frames.map(\.trust) == [.context] + Array(repeating: .framePointer, count: 8) + [.scan]
            + Array(repeating: .framePointer, count: 4))
        #expect(walk.frames[8].address == Self.base + 0x1205)
        #expect(walk.frames[9].stackPointer == rbp(8) - 0x18)
        #expect(!walk.frames.contains { $0.stackPointer == rbp(5) - 0x18 })
        // Without the proof (frame 5's call site seen first there), the stale word is reported.
        var fresh = registers
        fresh[X64Index.rsp] = rbp(4) + 16
        fresh[X64Index.rbp] = rbp(5)
        fresh[X64Index.rip] = Self.base + 0x1004
        let partial = Self.engine(memory).walk(initial: fresh, pendingReturn: nil, stackEnd: end)
        #expect(partial.frames.dropFirst().first?.stackPointer == rbp(5) - 0x18)
        #expect(partial.frames.dropFirst().first?.trust == .scan)
    }

    @Test func frameLimitTruncates() {
        let (memory, registers, end) = Self.framePointerChain(depth: 500, frameSize: 0x40, returnRva: 0x1105)
        let limited = Self.engine(memory, limits: StackWalkLimits(maxFrames: 100)).walk(initial: registers, pendingReturn: nil, stackEnd: end)
        #expect(limited.frames.count == 100)
        #expect(limited.truncated)
        let starved = Self.engine(memory, limits: StackWalkLimits(maxSteps: 50)).walk(initial: registers, pendingReturn: nil, stackEnd: end)
        #expect(starved.truncated)
        #expect(starved.frames.count < 60)
    }

    @Test func selfReferencingFramePointerStops() {
        var memory = Self.imageWithCalls([0x1105]).memory
        memory.regions[Self.stackBase] = [UInt8](repeating: 0, count: 0x100)
        // [rbp] = rbp, [rbp+8] = a valid return address: a loop the progress check must break.
        memory.store64([Self.stackBase + 0x40, Self.base + 0x1105], at: Self.stackBase + 0x40, regionBase: Self.stackBase)
        var registers = RegisterFile(count: X64Index.count)
        registers[X64Index.rip] = Self.base + 0x1004
        registers[X64Index.rsp] = Self.stackBase
        registers[X64Index.rbp] = Self.stackBase + 0x40
        let walk = Self.engine(memory).walk(initial: registers, pendingReturn: nil, stackEnd: Self.stackBase + 0x100)
        #expect(walk.frames.map(\.address) == [Self.base + 0x1004, Self.base + 0x1105])
        #expect(!walk.truncated)
    }

    @Test func scanAcceptsOnlyWordsAfterACallWhenCodeIsPresent() {
        // 0x1105 follows a call; 0x1200 (in code) and 0x2010 (in data) do not.
        var memory = Self.imageWithCalls([0x1105]).memory
        memory.regions[Self.stackBase] = [UInt8](repeating: 0, count: 0x100)
        memory.store64([0x1234, Self.base + 0x1200, Self.base + 0x2010, 0xDEAD_BEEF, Self.base + 0x1105],
                       at: Self.stackBase, regionBase: Self.stackBase)
        var registers = RegisterFile(count: X64Index.count)
        registers[X64Index.rip] = Self.base + 0x1004
        registers[X64Index.rsp] = Self.stackBase
        let walk = Self.engine(memory).walk(initial: registers, pendingReturn: nil, stackEnd: Self.stackBase + 0x100)
        #expect(walk.frames.map(\.address) == [Self.base + 0x1004, Self.base + 0x1105])
        #expect(walk.frames.last?.trust == .scan)
        #expect(walk.frames.last?.stackPointer == Self.stackBase + 0x28)
    }

    @Test func usesUnwindTablesBeforeFramePointers() {
        var image = Self.imageWithCalls([0x1105])
        let function = RuntimeFunction(beginRva: 0x1000, endRva: 0x1080, unwindInfoRva: 0x2400)
        image.setFunctions([function])
        image.setUnwindInfo(at: 0x2400, prolog: 4, slots: [slot(4, 2, 1)]) // sub rsp, 16
        var memory = image.memory
        memory.regions[Self.stackBase] = [UInt8](repeating: 0, count: 0x100)
        // A stale return address below the real one: unwind data skips it, a scan would not.
        memory.store64([Self.base + 0x1105, 0, Self.base + 0x1105], at: Self.stackBase, regionBase: Self.stackBase)
        var registers = RegisterFile(count: X64Index.count)
        registers[X64Index.rip] = Self.base + 0x1010
        registers[X64Index.rsp] = Self.stackBase
        let walk = Self.engine(memory).walk(initial: registers, pendingReturn: nil, stackEnd: Self.stackBase + 0x100)
        #expect(walk.frames.count >= 2)
        #expect(walk.frames[1].trust == .cfi)
        #expect(walk.frames[1].stackPointer == Self.stackBase + 0x18)
    }

    @Test func arm64FrameRecordsWithLinkRegisterAndPointerAuthentication() {
        var image = SyntheticImage()
        for rva in [0x1104, 0x1204, 0x1304] { image.put32(0x9400_0010, rva - 4) } // bl before each return
        var memory = image.memory
        memory.regions[Self.stackBase] = [UInt8](repeating: 0, count: 0x200)
        let signed: UInt64 = 0x0023_0000_0000_0000 // PAC bits above the address space
        // Record at +0x40 (frame 0's caller's): saved fp → +0x80, return 0x1204 (signed).
        memory.store64([Self.stackBase + 0x80, (Self.base + 0x1204) | signed], at: Self.stackBase + 0x40, regionBase: Self.stackBase)
        memory.store64([0, Self.base + 0x1304], at: Self.stackBase + 0x80, regionBase: Self.stackBase)
        var registers = RegisterFile(count: ARM64Index.count)
        registers[ARM64Index.pc] = Self.base + 0x1010
        registers[ARM64Index.sp] = Self.stackBase
        registers[ARM64Index.fp] = Self.stackBase + 0x40
        let leaf = Self.engine(memory, .arm64).walk(initial: registers, pendingReturn: (Self.base + 0x1104) | signed, stackEnd: Self.stackBase + 0x200)
        #expect(leaf.frames.map(\.address) == [Self.base + 0x1010, Self.base + 0x1104, Self.base + 0x1204, Self.base + 0x1304])
        // A link register equal to the first record's return address is reported once.
        let nonLeaf = Self.engine(memory, .arm64).walk(initial: registers, pendingReturn: Self.base + 0x1204, stackEnd: Self.stackBase + 0x200)
        #expect(nonLeaf.frames.map(\.address) == [Self.base + 0x1010, Self.base + 0x1204, Self.base + 0x1304])
    }

    @Test func randomStacksAlwaysTerminate() {
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for round in 0..<50 {
            var image = SyntheticImage()
            for _ in 0..<64 { image.bytes[0x1000 + Int(next() % 0x1000)] = UInt8(truncatingIfNeeded: next()) }
            var memory = image.memory
            var words = [UInt64]()
            for _ in 0..<512 {
                switch next() % 4 {
                case 0: words.append(Self.base + next() % 0x3000)
                case 1: words.append(Self.stackBase + next() % 0x1000)
                default: words.append(next())
                }
            }
            memory.regions[Self.stackBase] = [UInt8](repeating: 0, count: 0x1000)
            memory.store64(words, at: Self.stackBase, regionBase: Self.stackBase)
            for architecture in [WalkArchitecture.x64, .x86, .arm64, .arm(framePointer: 11)] {
                var registers = RegisterFile(count: architecture.registerCount)
                registers[architecture.ipIndex] = Self.base + next() % 0x3000
                registers[architecture.spIndex] = Self.stackBase + (next() % 0x800) & ~7
                registers[architecture.fpIndex] = Self.stackBase + next() % 0x1000
                let walk = Self.engine(memory, architecture).walk(initial: registers, pendingReturn: next(), stackEnd: Self.stackBase + 0x1000)
                #expect(walk.frames.count <= 0x1000 / 4 + 2, "seed \(seed) round \(round)")
                #expect(zip(walk.frames, walk.frames.dropFirst()).allSatisfy { $0.stackPointer <= $1.stackPointer }, "seed \(seed)")
            }
        }
    }
}

/// Stack walks over the real dumps, checked against the Wine ground truth.
@Suite struct RealDumpStackTests {
    nonisolated(unsafe) static let truth: [[String: Any]] = SharedDumps.wineTruth?["dumps"] as? [[String: Any]] ?? []

    static func truthEntry(_ name: String) -> [String: Any]? {
        truth.first { ($0["file"] as? String) == "wine/" + name }
    }

    /// The Wine dumps, the two gzip'd full-memory dumps included.
    static let wineDumps = SharedDumps.files(in: "wine", includeCompressed: true)

    static func open(_ folder: String, _ name: String) throws -> MiniDumpFile {
        try MiniDumpFile.open(path: SharedDumps.path(folder, name))
    }

    /// The crashing thread's stack.
    static func crashStack(_ dump: MiniDumpFile) throws -> CallStack {
        let exception = try #require(try dump.exception())
        return try #require(dump.callStack(threadId: exception.threadId))
    }

    @Test(arguments: wineDumps)
    func crashingThreadHoldsTheTrueReturnAddressesInOrder(name: String) throws {
        guard SharedDumps.available(), let truth = Self.truthEntry(name) else { return }
        let dump = try Self.open("wine", name)
        let stack = try Self.crashStack(dump)
        let exception = try #require(truth["exception"] as? [String: Any])
        #expect(stack.frames.first?.address == jsonUInt64(exception["context_rip"]), "\(name)")
        #expect(stack.frames.first?.stackPointer == jsonUInt64(exception["context_rsp"]), "\(name)")
        #expect(stack.frames.first?.trust == .context)
        let expected = (truth["stack_scan_return_addresses"] as? [[String: Any]] ?? []).compactMap { jsonUInt64($0["return_address"]) }
        #expect(!expected.isEmpty)
        var remaining = stack.frames.dropFirst()[...]
        for address in expected {
            guard let found = remaining.firstIndex(where: { $0.address == address }) else {
                Issue.record("\(name): return address \(Hex.format(address)) missing or out of order")
                break
            }
            remaining = remaining[(found + 1)...]
        }
        #expect(zip(stack.frames, stack.frames.dropFirst()).allSatisfy { $0.stackPointer < $1.stackPointer }, "\(name)")
        // The fault's module and offset name frame 0.
        if let fault = truth["fault"] as? [String: Any], let module = fault["module"] as? String {
            #expect(stack.frames.first?.module == module, "\(name)")
            #expect(stack.frames.first?.moduleOffset == jsonUInt64(fault["rva"]), "\(name)")
        }
    }

    @Test(arguments: wineDumps.filter { !$0.hasSuffix(".gz") })
    func framePointerChainAloneMatchesTheTruth(name: String) throws {
        guard SharedDumps.available(), let truth = Self.truthEntry(name) else { return }
        let dump = try Self.open("wine", name)
        let exception = try #require(try dump.exception())
        let context = try #require(dump.exceptionContext())
        let thread = try #require(dump.thread(id: exception.threadId))
        var walker = dump.stackWalker()
        walker.scansFramePointerGaps = false
        let stack = walker.walk(context: context, threadId: exception.threadId, stack: thread.record.stack)
        // The RBP chain the truth follows by hand appears in order, each frame at frame + 16.
        var remaining = stack.frames.dropFirst()[...]
        for link in truth["rbp_chain"] as? [[String: Any]] ?? [] {
            // A zero return address marks where the truth's chain left the stack.
            guard let address = jsonUInt64(link["return_address"]), address != 0,
                  let frame = jsonUInt64(link["frame"]) else { continue }
            guard let found = remaining.firstIndex(where: { $0.address == address }) else {
                Issue.record("\(name): \(Hex.format(address)) of the RBP chain is missing or out of order")
                break
            }
            #expect(remaining[found].stackPointer == frame + 16, "\(name)")
            #expect(remaining[found].trust == .framePointer, "\(name)")
            remaining = remaining[(found + 1)...]
        }
        // Without gap scans, no more frames than with them.
        #expect(stack.frames.count <= (dump.callStack(threadId: exception.threadId)?.frames.count ?? 0))
    }

    @Test(arguments: wineDumps.filter { $0.hasSuffix(".gz") })
    func fullDumpsUnwindWithTheirOwnTablesAndNameExports(name: String) throws {
        guard SharedDumps.available(), let truth = Self.truthEntry(name) else { return }
        let dump = try Self.open("wine", name)
        let stack = try Self.crashStack(dump)
        // Whole images are in the dump: every caller comes from .pdata/.xdata.
        #expect(stack.frames.dropFirst().allSatisfy { $0.trust == .cfi }, "\(name)")
        let ownBinaries = Set((SharedDumps.wineTruth?["binaries"] as? [String: Any] ?? [:]).keys.compactMap { $0.split(separator: "/").last.map(String.init) })
        let fault = truth["fault"] as? [String: Any] ?? [:]
        if let source = fault["function_source"] as? String, source.contains("export") {
            #expect(stack.frames.first?.function == fault["function"] as? String, "\(name)")
        }
        // The frame-pointer chain's frames in system DLLs carry the names of their nearest exports.
        var checked = 0
        for entry in truth["rbp_chain"] as? [[String: Any]] ?? [] {
            guard let module = entry["module"] as? String, !ownBinaries.contains(module),
                  let function = entry["function"] as? String, let address = jsonUInt64(entry["return_address"]) else { continue }
            let frame = try #require(stack.frames.first { $0.address == address }, "\(name) \(Hex.format(address))")
            #expect(frame.module == module)
            #expect(frame.function == function, "\(name) \(Hex.format(address))")
            checked += 1
        }
        #expect(checked > 0)
        // Every thread walks from its context down to the thread's start.
        let stacks = dump.callStacks()
        #expect(stacks.count == (try dump.threadList()?.threads.count))
        #expect(stacks.allSatisfy { $0.frames.count >= 2 && !$0.truncated }, "\(name)")
    }

    @Test(arguments: wineDumps.filter { $0.contains("_so_") })
    func stackOverflowsGiveThousandsOfFramesOfTheCycle(name: String) throws {
        guard SharedDumps.available(), let truth = Self.truthEntry(name),
              let overflow = truth["stack_overflow"] as? [String: Any] else { return }
        let dump = try Self.open("wine", name)
        let clock = ContinuousClock()
        var stack: CallStack?
        let elapsed = try clock.measure { stack = try Self.crashStack(dump) }
        let frames = try #require(stack).frames
        #expect(elapsed < .seconds(20), "\(name): \(elapsed)")
        let estimate = Int(jsonUInt64(overflow["recursion_depth_frames_on_stack_estimate"]) ?? 0)
        let ranges = (overflow["cycle_function_rva_ranges"] as? [String: [Any]] ?? [:]).compactMapValues { pair -> Range<UInt64>? in
            guard pair.count == 2, let low = jsonUInt64(pair[0]), let high = jsonUInt64(pair[1]) else { return nil }
            return low..<high
        }
        let order = overflow["observed_cycle_innermost_first"] as? [String] ?? []
        // Map each caller frame in crash.exe to its cycle function (by the call site, address - 1).
        let cycle: [String] = frames.dropFirst().compactMap { frame in
            guard frame.module == "crash.exe", let offset = frame.moduleOffset else { return nil }
            return ranges.first { $0.value.contains(offset - 1) }?.key
        }
        // The truth's depth is an estimate (the stack span over the frame size).
        #expect(Double(cycle.count) >= 0.99 * Double(estimate), "\(name): \(cycle.count) cycle frames, estimate \(estimate)")
        var inOrder = 0
        for (inner, outer) in zip(cycle, cycle.dropFirst()) {
            guard let position = order.firstIndex(of: inner) else { continue }
            if order[(position + 1) % order.count] == outer { inOrder += 1 }
        }
        #expect(Double(inOrder) >= 0.99 * Double(max(cycle.count - 1, 1)), "\(name): \(inOrder) of \(cycle.count - 1)")
    }

    static let publicDumps = SharedDumps.files(in: "public")

    @Test(arguments: publicDumps)
    func everyPublicDumpWalks(name: String) throws {
        guard SharedDumps.available() else { return }
        let malformed = (SharedDumps.manifest[name]?["malformed"] as? Bool) ?? false
        guard let dump = try? Self.open("public", name) else {
            #expect(malformed, "\(name) did not open")
            return
        }
        let stacks = dump.callStacks(limits: StackWalkLimits(maxFrames: 5_000))
        let threads = dump.dumpThreads()
        #expect(stacks.count <= threads.count)
        guard !malformed, let first = threads.first else { return }
        let exception = try? dump.exception()
        let thread = threads.first { $0.threadId == exception?.threadId } ?? first
        let architecture = try? dump.systemInfo()?.architecture
        let location = exception.map { $0.threadId == thread.threadId ? $0.contextLocation : thread.contextLocation } ?? thread.contextLocation
        guard let context = try? dump.context(at: location, architecture: architecture),
              let ip = context.instructionPointer, context.stackPointer != nil else { return }
        let stack = try #require(dump.callStack(threadId: thread.threadId), "\(name)")
        #expect(stack.frames.count >= 1, "\(name)")
        #expect(stack.frames.first?.trust == .context)
        #expect(stack.frames.first?.address == (context.architecture == .arm ? ip & ~1 : ip), "\(name)")
        #expect(zip(stack.frames, stack.frames.dropFirst()).allSatisfy { $0.stackPointer <= $1.stackPointer }, "\(name)")
    }

    @Test func wow64ThreadsWalkTheir32BitStack() throws {
        let teb: UInt64 = 0x7FFD_E000
        let saveArea: UInt64 = 0x0030_0000
        let stack32: UInt64 = 0x0018_F000
        let app: UInt64 = 0x0040_0000
        // A 32-bit EBP chain: frame 0 in app.exe, two callers after `call rel32` instructions.
        var code = [UInt8](repeating: 0x90, count: 0x200)
        for site in [0x100, 0x180] { code[site - 5] = 0xE8 }
        var words = [UInt32](repeating: 0, count: 0x100)
        words[4] = UInt32(stack32 + 0x40)        // [ebp] at +0x10
        words[5] = UInt32(app + 0x1100)          // [ebp+4]
        words[16] = 0                            // [ebp'] at +0x40: end of chain
        words[17] = UInt32(app + 0x1180)
        var context = X86ContextBuilder([.eip: UInt32(app + 0x1010), .esp: UInt32(stack32), .ebp: UInt32(stack32 + 0x10)])
        context.contextFlags = X86ContextBuilder.flagsFull
        var tebBytes = [UInt8](repeating: 0, count: 0x3000)
        tebBytes.replaceSubrange(0x1488..<0x1490, with: ByteWriter.words64([saveArea]))
        tebBytes.replaceSubrange(0x2004..<0x200C, with: ByteWriter.words32([UInt32(stack32 + 0x400), UInt32(stack32 - 0x1000)]))
        var scene = DumpScene(system: .windows10AMD64())
        scene.modules = [
            .init(name: "C:\\app\\app.exe", base: app, size: 0x10000),
            .init(name: "C:\\Windows\\System32\\wow64.dll", base: 0x7FF8_1000_0000, size: 0x50000),
            .init(name: "C:\\Windows\\System32\\wow64cpu.dll", base: 0x7FF8_2000_0000, size: 0x10000),
        ]
        scene.threads = [.init(id: 7, context: .amd64(.init([.rip: 0x7FF8_2000_1000, .rsp: 0x8F_F000])),
                               stackAddress: 0x8F_F000, stack: ByteWriter.words64([0, 0]), teb: teb)]
        scene.memory = [
            .init(address: teb, bytes: tebBytes),
            .init(address: saveArea, bytes: [0x04, 0, 0x4C, 0x01] + context.bytes),
            .init(address: stack32, bytes: ByteWriter.words32(words)),
            .init(address: app + 0x1000, bytes: code),
        ]
        let dump = try MiniDumpFile(bytes: scene.build())
        #expect(dump.isWOW64Process())
        let registers = try #require(dump.wow64Context(threadId: 7))
        #expect(registers[.eip] == app + 0x1010)
        let stack = try #require(dump.wow64CallStack(threadId: 7))
        #expect(stack.architecture == .x86)
        #expect(stack.frames.map(\.address) == [app + 0x1010, app + 0x1100, app + 0x1180])
        #expect(stack.frames.dropFirst().allSatisfy { $0.trust == .framePointer })
        #expect(stack.frames.map(\.module) == ["app.exe", "app.exe", "app.exe"])
        // The native stack is still the 64-bit one; missing memory gives nil.
        #expect(dump.callStack(threadId: 7)?.architecture == .amd64)
        #expect(dump.wow64Context(threadId: 8) == nil)
        scene.memory.removeFirst()
        let withoutTEB = try MiniDumpFile(bytes: scene.build())
        #expect(withoutTEB.wow64Context(threadId: 7) == nil)
        #expect(withoutTEB.wow64CallStack(threadId: 7) == nil)
    }
}
