/// A repeating cycle of frames on one call stack (recursion), with the frames themselves.
public struct StackRecursion: Sendable, Hashable {
    /// How many frames one cycle spans.
    public var period: Int
    /// How many times the cycle repeats on the walked stack.
    public var repetitions: Int
    /// The index of the innermost frame of the repeating run.
    public var firstIndex: Int
    /// The index one past the outermost frame of the run.
    public var endIndex: Int
    /// One cycle in call order (the function the entry called first comes first), one representative
    /// frame each.
    public var frames: [StackFrame]
    /// The frame that called into the recursion, or `nil` when the walk ended inside it.
    public var entryFrame: StackFrame?
}

extension CallStack {
    /// The dominant repeating cycle of this stack's frames, keyed by module and offset (or address
    /// outside modules), or `nil` when nothing repeats at least three times.
    ///
    /// Stale scanned return addresses interleaved near the outer end are tolerated (up to 16 in a row).
    public func recursion(maxPeriod: Int = RecursionDetector.defaultMaxPeriod) -> StackRecursion? {
        let keys = frames.map(Self.recursionKey)
        guard let cycle = RecursionDetector.findCycle(in: keys, maxPeriod: maxPeriod, gapTolerance: 16) else {
            return nil
        }
        // One representative frame per member of the cycle (at most 1,024, usually a few): the
        // first of the run with its key. Searched in the short member list rather than hashed
        // (hashing each frame's module name cost more than finding the cycle).
        let members = cycle.frames
        var representative = [StackFrame?](repeating: nil, count: members.count)
        var missing = members.count
        for index in cycle.startIndex..<min(cycle.endIndex, frames.count) where missing > 0 {
            for member in members.indices where representative[member] == nil && members[member] == keys[index] {
                representative[member] = frames[index]
                missing -= 1
            }
        }
        var entry: StackFrame?
        for index in cycle.endIndex..<min(frames.count, cycle.endIndex + 16) where !members.contains(keys[index]) {
            if frames[index].trust != .scan {
                entry = frames[index]
                break
            }
        }
        return StackRecursion(
            period: cycle.period, repetitions: cycle.repetitions, firstIndex: cycle.startIndex,
            endIndex: cycle.endIndex,
            frames: cycle.callOrder.compactMap { key in members.firstIndex(of: key).flatMap { representative[$0] } },
            entryFrame: entry)
    }

    /// The identity of a frame for recursion: module and offset, or the address outside modules.
    /// Return addresses of one call site are equal, so equal keys mean the same call.
    static func recursionKey(_ frame: StackFrame) -> RecursionKey {
        if let module = frame.module, let offset = frame.moduleOffset {
            return RecursionKey(module: module, offset: offset)
        }
        return RecursionKey(module: nil, offset: frame.address)
    }
}

/// A frame's identity for recursion, compared without building a `module+offset` string for every
/// frame (10,000 strings for a stack overflow; docs/performance.md).
struct RecursionKey: Hashable, Sendable {
    /// The module's name, or `nil` outside modules.
    var module: String?
    /// The offset in the module, or the address outside modules.
    var offset: UInt64

    /// The offset and the length of the module's name: keys of one stack share a few module
    /// names, and hashing a name's bytes for every distinct frame cost more than the cycle search
    /// itself (docs/performance.md). Equal keys still hash alike; `==` compares the names.
    func hash(into hasher: inout Hasher) {
        hasher.combine(offset)
        hasher.combine(module?.utf8.count ?? -1)
    }
}
