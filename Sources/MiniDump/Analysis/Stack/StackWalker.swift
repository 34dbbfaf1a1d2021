/// Walks thread stacks through a crashed process's memory, as captured in a dump.
///
/// Strategies, per step, in order:
/// - **x64**: the module's own unwind data (`.pdata`/`.xdata`, read from the dump's memory; full
///   dumps hold it, small dumps do not), then the RBP chain, then stack scanning.
/// - **x86**: the EBP chain, then stack scanning.
/// - **ARM64 / ARM**: frame records (FP/LR, with ARM64 pointer-authentication bits stripped), then
///   stack scanning.
///
/// Without unwind data, a plausible return address found between the stack pointer and the saved
/// frame pointer is reported before the frame-pointer caller (functions that keep no frame pointer
/// would otherwise be skipped), so such walks also show stale return addresses, marked
/// ``FrameTrust/scan``; ``scansFramePointerGaps`` turns this off. Scanning accepts a stack word only when it points into a module's code and,
/// when the code bytes before it are in the dump, just after a call instruction.
///
/// Every step must move the stack pointer strictly up (except a caller taken from a link
/// register), and the walk stops quietly when no strategy finds a caller; ``StackWalkLimits`` bound
/// the frames and the work. Module headers and exports are read once and shared by copies of the
/// walker, which is safe to use from several threads.
public struct StackWalker: Sendable {
    /// The bounds applied to each walk.
    public var limits: StackWalkLimits
    /// Names the frames (module, nearest export).
    public let resolver: SymbolResolver
    /// On x86 and x64 without unwind data, look for return addresses between the stack pointer and
    /// a plausible frame pointer before following it (the default). Turned off, the frame-pointer
    /// chain is followed as it is: fewer stale frames, but the callers of functions that keep no
    /// frame pointer (frame 0 in a system DLL, optimised code) are skipped.
    public var scansFramePointerGaps = true
    let memory: any MemoryReading
    let platform: PlatformId?

    /// A walker over `memory` with `modules` as the loaded images.
    ///
    /// `platform` picks the 32-bit ARM frame-pointer register (r7 on Apple platforms, r11 elsewhere).
    public init(memory: some MemoryReading, modules: [DumpModule], platform: PlatformId? = nil,
                limits: StackWalkLimits = .default) {
        self.memory = memory
        self.platform = platform
        self.limits = limits
        self.resolver = SymbolResolver(memory: memory, modules: modules)
    }

    /// Walks the stack that starts at `context`.
    ///
    /// `stack` (the thread's stack range from the thread list) bounds the walk; without it, or when
    /// the stack pointer lies outside it, the captured memory around the stack pointer does.
    /// `notes` start the result's ``CallStack/notes``. The result always has frame 0 when the
    /// context holds an instruction and a stack pointer, and no frames otherwise.
    public func walk(context: CPUContext, threadId: UInt32 = 0, stack: MemoryDescriptor? = nil, notes: [String] = []) -> CallStack {
        var steps = 0
        return walk(context: context, threadId: threadId, stack: stack, notes: notes, steps: &steps)
    }

    /// ``walk(context:threadId:stack:notes:)``, adding the steps taken to `steps`.
    func walk(
        context: CPUContext, threadId: UInt32, stack: MemoryDescriptor?, notes: [String], steps: inout Int
    ) -> CallStack {
        let start = WalkStart(context: context, platform: platform)
        guard let sp = start.registers[start.architecture.spIndex] else {
            return CallStack(threadId: threadId, architecture: context.architecture, frames: [],
                             notes: notes + ["the context holds no stack pointer"])
        }
        let stackEnd: UInt64
        if let stack, stack.size > 0, sp >= stack.address, sp <= stack.endAddress {
            stackEnd = stack.endAddress
        } else {
            stackEnd = capturedEnd(from: sp)
        }
        var engine = WalkEngine(
            memory: memory, modules: resolver.modules, images: resolver.cache,
            architecture: start.architecture, limits: limits)
        engine.scansFramePointerGaps = scansFramePointerGaps
        var result = engine.callStack(
            threadId: threadId, architecture: context.architecture, initial: start.registers,
            pendingReturn: start.pendingReturn, stackEnd: stackEnd, resolver: resolver, notes: notes, steps: &steps)
        if result.frames.isEmpty { result.notes.append("the context holds no instruction pointer") }
        return result
    }

    /// One past the end of the captured memory that runs on from `address` without a gap
    /// (`address` itself when it was not captured), searched up to 64 MiB.
    func capturedEnd(from address: UInt64) -> UInt64 {
        if let space = memory as? AddressSpace, var index = space.segmentIndex(containing: address) {
            var end = space.segments[index].endAddress
            while index + 1 < space.segments.count, space.segments[index + 1].address == end {
                index += 1
                end = space.segments[index].endAddress
            }
            return end
        }
        let page: UInt64 = 0x1000
        var end = address
        for _ in 0..<(64 << 20) / Int(page) {
            let next = (end | (page - 1)) &+ 1
            guard next > end, memory.bytes(at: end, count: Int(next - end)) != nil else { break }
            end = next
        }
        return end
    }
}
