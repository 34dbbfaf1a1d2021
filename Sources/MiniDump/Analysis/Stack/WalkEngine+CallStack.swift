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
        // Where the last few return addresses were named (positions in `frames`): naming one
        // costs two cache lookups and a search of the exports.
        var recent = RecentIndices()
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
                if index > 0 { recent.remember(frames.count) }
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
}
