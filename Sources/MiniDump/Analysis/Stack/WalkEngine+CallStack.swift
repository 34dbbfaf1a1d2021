extension WalkEngine {
    /// Walks from `initial` and names every frame with `resolver`; adds the steps taken to `steps`.
    func callStack(
        threadId: UInt32, architecture reported: ProcessorArchitecture, initial: RegisterFile,
        pendingReturn: UInt64?, stackEnd: UInt64, resolver: SymbolResolver, notes: [String] = [],
        steps: inout Int
    ) -> CallStack {
        let (raw, truncated) = walk(initial: initial, pendingReturn: pendingReturn, stackEnd: stackEnd, steps: &steps)
        var frames = [StackFrame]()
        frames.reserveCapacity(raw.count)
        var notes = notes
        // Where the last few return addresses were named (indices into `frames`): a recursion
        // repeats a handful of them, and naming one costs two cache lookups and a search of the
        // exports (docs/performance.md).
        var recent = [Int]()
        var oldest = 0
        for (index, frame) in raw.enumerated() {
            var output = StackFrame(
                index: index, address: frame.address, stackPointer: frame.stackPointer,
                framePointer: frame.framePointer, trust: frame.trust)
            if index > 0, let known = recent.first(where: { frames[$0].address == frame.address }) {
                output.module = frames[known].module
                output.moduleOffset = frames[known].moduleOffset
                output.function = frames[known].function
                output.functionOffset = frames[known].functionOffset
            } else {
                if let symbol = resolver.resolve(frame.address, isReturnAddress: index > 0) {
                    output.module = symbol.module
                    output.moduleOffset = symbol.moduleOffset
                    output.function = symbol.function
                    output.functionOffset = symbol.functionOffset
                }
                if index > 0 {
                    if recent.count < Self.recentSymbols {
                        recent.append(frames.count)
                    } else {
                        recent[oldest] = frames.count
                        oldest = (oldest + 1) % Self.recentSymbols
                    }
                }
            }
            frames.append(output)
        }
        if truncated {
            notes.append(frames.count >= limits.maxFrames
                ? "stopped at the frame limit (\(limits.maxFrames))"
                : "stopped at the work limit (\(limits.maxSteps) steps)")
        }
        return CallStack(threadId: threadId, architecture: reported, frames: frames, truncated: truncated, notes: notes)
    }

    /// How many recently named return addresses a call stack's naming remembers.
    static let recentSymbols = 8
}
