/// The instruction sets the walk engine knows how to step through.
enum WalkArchitecture: Sendable, Hashable {
    case x64
    case x86
    case arm64
    /// 32-bit ARM; `framePointer` is the register holding frame records (r11, or r7 on Apple).
    case arm(framePointer: Int)

    var pointerSize: Int {
        switch self {
        case .x64, .arm64: 8
        case .x86, .arm: 4
        }
    }

    var registerCount: Int {
        switch self {
        case .x64: X64Index.count
        case .x86: X86Index.count
        case .arm64: ARM64Index.count
        case .arm: ARMIndex.count
        }
    }

    var ipIndex: Int {
        switch self {
        case .x64: X64Index.rip
        case .x86: X86Index.eip
        case .arm64: ARM64Index.pc
        case .arm: ARMIndex.pc
        }
    }

    var spIndex: Int {
        switch self {
        case .x64: X64Index.rsp
        case .x86: X86Index.esp
        case .arm64: ARM64Index.sp
        case .arm: ARMIndex.sp
        }
    }

    var fpIndex: Int {
        switch self {
        case .x64: X64Index.rbp
        case .x86: X86Index.ebp
        case .arm64: ARM64Index.fp
        case .arm(let register): register
        }
    }
}

/// A frame while walking: its registers, how it was found, and (ARM) a return address held in the
/// link register that no frame has consumed yet.
struct WalkFrame: Sendable {
    var registers: RegisterFile
    var trust: FrameTrust
    var pendingReturn: UInt64?
    /// True for a step that may keep the stack pointer: a caller taken from a link-register value
    /// without consuming a frame record. Such a step leaves nothing pending, so it cannot repeat.
    var allowsSameStackPointer = false
}

/// A frame as the engine reports it, before symbolization.
struct RawFrame: Sendable, Hashable {
    var address: UInt64
    var stackPointer: UInt64
    var framePointer: UInt64?
    var trust: FrameTrust
}

/// The per-walk state: stack bounds, the remaining work budget and lookup caches.
struct WalkState {
    /// One past the highest stack address a frame may use.
    let stackEnd: UInt64
    var budget: Int
    var exhausted = false
    var returnAddressVerdicts: [UInt64: Bool] = [:]
    var functionEntries: [UInt64: (UInt64, RuntimeFunction)?] = [:]
    let unwindInfos = UnwindInfoCache()
    /// The captured segment holding the initial stack pointer, read without a search when the
    /// memory is an ``AddressSpace``.
    var stack: AddressSpace.Window?

    /// Instruction pointers (return addresses) whose function was seen to keep a frame pointer:
    /// a gap scan of one of their frames found nothing. Only the keys count; the walk's other
    /// cache already instantiates `[UInt64: Bool]`, and a `Set<UInt64>` would be one more generic
    /// type set up on first use. Read through ``keepsFramePointer(_:)``.
    fileprivate var framePointerKeepers: [UInt64: Bool] = [:]

    /// True when a frame at `ip` needs no gap scan (``WalkEngine/framePointerOrScan(_:state:)``).
    func keepsFramePointer(_ ip: UInt64?) -> Bool {
        guard let ip else { return false }
        return framePointerKeepers[ip] != nil
    }

    /// Remembers that frames at `ip` keep a frame pointer (up to 2^16 addresses).
    mutating func rememberFramePointer(_ ip: UInt64) {
        if framePointerKeepers.count < 1 << 16 { framePointerKeepers[ip] = true }
    }

    /// Takes `cost` units from the budget; false (and marks exhaustion) when it is used up.
    mutating func spend(_ cost: Int) -> Bool {
        guard budget >= cost else {
            budget = 0
            exhausted = true
            return false
        }
        budget -= cost
        return true
    }
}

/// Walks one thread's stack: frame 0 from a register file, then callers by unwind data, frame
/// pointers and stack scanning, each step checked to move the stack pointer strictly upward.
struct WalkEngine: Sendable {
    let memory: any MemoryReading
    let modules: ModuleTable
    let images: ModuleImageCache
    let architecture: WalkArchitecture
    let limits: StackWalkLimits
    /// ARM64 pointer-authentication mask: the bits a code address can use.
    let addressMask: UInt64
    /// Words one scan examines (the limit, clamped to 2^20).
    let scanWords: Int
    /// Whether a return address between the stack pointer and a plausible frame pointer is taken
    /// before the frame-pointer caller (x86 and x64 without unwind data).
    var scansFramePointerGaps = true

    init(memory: any MemoryReading, modules: ModuleTable, images: ModuleImageCache,
         architecture: WalkArchitecture, limits: StackWalkLimits) {
        self.memory = memory
        self.modules = modules
        self.images = images
        self.architecture = architecture
        self.limits = limits
        self.scanWords = min(max(limits.scanWords, 0), 1 << 20)
        let highest = modules.highestEnd
        if highest == 0 {
            addressMask = (1 << 48) - 1
        } else {
            let bits = 64 - highest.leadingZeroBitCount
            addressMask = bits >= 64 ? .max : (1 << UInt64(bits)) - 1
        }
    }

    /// The frames from `initial` outward, and whether a limit stopped the walk.
    func walk(initial: RegisterFile, pendingReturn: UInt64?, stackEnd: UInt64) -> (frames: [RawFrame], truncated: Bool) {
        var steps = 0
        return walk(initial: initial, pendingReturn: pendingReturn, stackEnd: stackEnd, steps: &steps)
    }

    /// ``walk(initial:pendingReturn:stackEnd:)``, adding the steps taken to `steps`.
    func walk(
        initial: RegisterFile, pendingReturn: UInt64?, stackEnd: UInt64, steps: inout Int
    ) -> (frames: [RawFrame], truncated: Bool) {
        let ipIndex = architecture.ipIndex
        let spIndex = architecture.spIndex
        guard limits.maxFrames > 0 else { return ([], true) }
        guard var ip = initial[ipIndex], var sp = initial[spIndex] else { return ([], false) }
        if case .arm = architecture { ip &= ~1 }
        var frames = [RawFrame(address: ip, stackPointer: sp, framePointer: initial[architecture.fpIndex], trust: .context)]
        var state = WalkState(stackEnd: stackEnd, budget: limits.maxSteps)
        state.stack = (memory as? AddressSpace)?.window(containing: sp)
        var current = WalkFrame(registers: initial, trust: .context, pendingReturn: pendingReturn)
        var truncated = false
        while true {
            if frames.count >= limits.maxFrames {
                truncated = true
                break
            }
            guard state.spend(1), let next = step(current, isContext: frames.count == 1, state: &state),
                  let nextIP = next.registers[ipIndex], let nextSP = next.registers[spIndex]
            else { break }
            // Progress: the stack pointer must move strictly up and stay inside the stack.
            let progressed = nextSP > sp || (nextSP == sp && next.allowsSameStackPointer
                && current.pendingReturn != nil && next.pendingReturn == nil)
            guard progressed, nextSP <= stackEnd, nextIP != 0 else { break }
            ip = nextIP
            sp = nextSP
            frames.append(RawFrame(address: ip, stackPointer: sp, framePointer: next.registers[architecture.fpIndex], trust: next.trust))
            current = next
        }
        steps += max(0, limits.maxSteps - state.budget)
        return (frames, truncated || state.exhausted)
    }

    /// The caller of `frame`, or `nil` when no strategy finds one.
    func step(_ frame: WalkFrame, isContext: Bool, state: inout WalkState) -> WalkFrame? {
        switch architecture {
        case .x64: stepX64(frame, isContext: isContext, state: &state)
        case .x86: stepX86(frame, state: &state)
        case .arm64, .arm: stepARM(frame, isContext: isContext, state: &state)
        }
    }

    // MARK: Shared helpers

    /// A pointer-sized stack word, or `nil` when not captured or out of budget.
    func word(at address: UInt64, state: inout WalkState) -> UInt64? {
        guard state.spend(1) else { return nil }
        if let value = state.stack?.pointer(at: address, size: architecture.pointerSize) { return value }
        return memory.pointer(at: address, size: architecture.pointerSize)
    }

    /// A code address with ARM64 pointer-authentication bits (or the Thumb bit) removed.
    func codeAddress(_ value: UInt64) -> UInt64 { value & codeAddressMask }

    /// The bits of a word that form a code address: ARM64 drops pointer-authentication bits, ARM the
    /// Thumb bit.
    var codeAddressMask: UInt64 {
        switch architecture {
        case .arm64: addressMask
        case .arm: ~1
        default: ~0
        }
    }

    /// True when `value` can be a return address: inside a module, in executable code when the
    /// module's section table is known, and just after a call when the code bytes are captured.
    func isReturnAddress(_ value: UInt64, state: inout WalkState) -> Bool {
        // Most stack words point into no module: reject them before hashing into the cache (gap
        // scans look at every word of every frame; docs/performance.md).
        guard value > 0x1000, modules.contains(value - 1) else { return false }
        if let known = state.returnAddressVerdicts[value] { return known }
        let verdict = judgeReturnAddress(value)
        if state.returnAddressVerdicts.count < 1 << 16 { state.returnAddressVerdicts[value] = verdict }
        return verdict
    }

    private func judgeReturnAddress(_ value: UInt64) -> Bool {
        guard value > 0x1000, let module = modules.module(containing: value - 1) else { return false }
        if let image = images.image(at: module.base).image, !image.sections.isEmpty {
            guard image.isExecutable(address: value - 1) else { return false }
        }
        switch architecture {
        case .x64, .x86:
            guard let code = memory.bytes(at: value &- 7, count: 7) else { return true }
            return CallInstruction.endsWithX86Call(code)
        case .arm64:
            guard let instruction = memory.value(UInt32.self, at: value &- 4) else { return true }
            return CallInstruction.isARM64Call(instruction)
        case .arm:
            return true
        }
    }

    /// The frame pointer of a caller found by scanning at `slot`: the callee's own value when it
    /// still fits, the saved value when the callee's frame pointer points just below the return
    /// address, or a value pushed just below the return address that points further up the stack.
    func recoverFramePointer(current: UInt64?, slot: UInt64, state: inout WalkState) -> UInt64? {
        let size = UInt64(architecture.pointerSize)
        let below = slot &- size
        if let current, current == below {
            guard let saved = word(at: current, state: &state), saved > slot, saved < state.stackEnd else { return nil }
            return saved
        }
        if let current, current >= slot &+ size, current < state.stackEnd { return current }
        guard let pushed = word(at: below, state: &state), pushed > slot, pushed < state.stackEnd,
              pushed % size == 0 else { return nil }
        return pushed
    }

    /// The end of the scan window starting at `start`.
    func scanLimit(from start: UInt64, state: WalkState) -> UInt64 {
        let span = UInt64(scanWords) &* UInt64(architecture.pointerSize)
        let (end, overflow) = start.addingReportingOverflow(span)
        return overflow ? state.stackEnd : min(end, state.stackEnd)
    }
}
