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
    /// How many frames of the run belong to the cycle; less than ``coveredFrames`` when the run was
    /// extended over foreign frames (stale return addresses found by stack scanning).
    public var matchedFrames: Int
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
    public var repetitions: Int { period > 0 ? matchedFrames / period : 0 }

    /// How many foreign frames the run was extended over.
    public var skippedFrames: Int { coveredFrames - matchedFrames }

    /// One cycle in call order: the frame the entry called first, then the frame it called, and so on
    /// (the reverse of the innermost-first order, rotated to start at the run's outermost frame).
    public var callOrder: [Frame] {
        let period = min(self.period, frames.count)
        guard period > 0 else { return [] }
        // The outermost cycle frame of the run is matched frame number matchedFrames - 1, at offset
        // (matchedFrames - 1) % period within `frames`; call order walks towards smaller offsets.
        var order = [Frame]()
        order.reserveCapacity(period)
        var offset = (max(1, matchedFrames) - 1) % period
        for _ in 0..<period {
            order.append(frames[offset])
            offset = offset == 0 ? period - 1 : offset - 1
        }
        return order
    }
}
