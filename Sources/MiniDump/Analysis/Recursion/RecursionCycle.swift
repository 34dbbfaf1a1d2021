/// A run of frames that repeats with a fixed period: the signature of unbounded recursion.
///
/// Frames are indexed innermost first (index 0 is the frame that was executing), as a stack walk
/// lists them. Found by ``RecursionDetector/findCycle(in:maxPeriod:maxFrames:minimumRepetitions:)``.
public struct RecursionCycle<Frame: Hashable & Sendable>: Sendable {
    /// The number of frames in one cycle (1 for a function calling itself).
    public var period: Int
    /// The index of the innermost frame of the repeating run.
    public var startIndex: Int
    /// One past the index of the outermost frame of the repeating run.
    public var endIndex: Int
    /// One cycle, innermost first, beginning at ``startIndex``.
    public var frames: [Frame]
    /// The frame just outside the run: the caller that entered the recursion, or `nil` when the run
    /// reaches the end of the frames given (the walk stopped inside the recursion).
    public var entryFrame: Frame?
    /// The index of ``entryFrame``, or `nil`.
    public var entryIndex: Int? { entryFrame == nil ? nil : endIndex }
    /// True when the frames given were cut at the detector's frame limit.
    public var isTruncated: Bool

    /// The number of frames the run covers.
    public var coveredFrames: Int { endIndex - startIndex }

    /// How many whole cycles the run holds.
    public var repetitions: Int { period > 0 ? coveredFrames / period : 0 }

    /// One cycle in call order: the frame the entry called first, then the frame it called, and so on
    /// (the reverse of the innermost-first order, rotated to start at the run's outermost frame).
    public var callOrder: [Frame] {
        guard period > 0 else { return [] }
        // The outermost frame of the run is at endIndex - 1, i.e. at offset (endIndex - 1 - startIndex)
        // % period within `frames`; walking call order means walking towards smaller indices.
        var order = [Frame]()
        order.reserveCapacity(period)
        var offset = (endIndex - 1 - startIndex) % period
        for _ in 0..<period {
            order.append(frames[offset])
            offset = offset == 0 ? period - 1 : offset - 1
        }
        return order
    }
}
