/// Finds the shortest repeating cycle in a sequence of stack frames.
///
/// Generic over any hashable frame key (a module + function name, a module + offset, a return
/// address). Frames are innermost first. The detector tries every period up to `maxPeriod` and, for
/// each, finds the longest stretch where frame *i* equals frame *i + period*; the period whose stretch
/// covers the most frames wins, and a multiple of a shorter period that covers (almost) as much gives
/// way to the shorter one. Cost: one hash per frame, then `frames × maxPeriod` integer comparisons at
/// most — linear in the number of frames for the fixed period limit, about 0.6 M comparisons for
/// 10,000 frames at the default limit.
///
/// Stack walks that fall back to scanning can interleave stale return addresses with the real
/// frames near the outer end of a deep recursion. With `gapTolerance` > 0 the run is extended
/// outward over up to that many consecutive foreign frames, as long as the cycle's frames keep
/// following in order, so the run ends at the recursion's real outermost frame.
public enum RecursionDetector {
    /// The default longest cycle looked for (64 frames).
    public static let defaultMaxPeriod = 64
    /// The default most frames examined (200,000); later frames are ignored.
    public static let defaultMaxFrames = 200_000
    /// The hard ceiling on `maxPeriod` (1,024).
    public static let periodCeiling = 1_024
    /// How many preceding frames a frame is compared with before it is hashed.
    static let lookBack = 4

    /// The dominant repeating cycle of `frames` (innermost first), or `nil` when no cycle repeats at
    /// least `minimumRepetitions` times (at least 2).
    public static func findCycle<Frame: Hashable & Sendable>(
        in frames: [Frame], maxPeriod: Int = defaultMaxPeriod, maxFrames: Int = defaultMaxFrames,
        minimumRepetitions: Int = 3, gapTolerance: Int = 0
    ) -> RecursionCycle<Frame>? {
        let count = min(frames.count, max(0, maxFrames))
        let limit = min(max(1, maxPeriod), periodCeiling, count / 2)
        let needed = max(2, minimumRepetitions)
        guard count >= 2, limit >= 1 else { return nil }
        // Intern the frames so comparisons are integer compares. A recursion repeats the frames a
        // few places back, so those are compared first and only the others are hashed (hashing a
        // frame's module name was a third of the detector's cost on a deep stack).
        var ids = [Int]()
        ids.reserveCapacity(count)
        var table = [Frame: Int]()
        for index in 0..<count {
            let frame = frames[index]
            var id = -1
            for back in 1...Self.lookBack where back <= index && frames[index - back] == frame {
                id = ids[index - back]
                break
            }
            if id < 0 {
                if let known = table[frame] {
                    id = known
                } else {
                    id = table.count
                    table[frame] = id
                }
            }
            ids.append(id)
        }
        // For each period, the longest stretch [start, start + covered). The ids are read through a
        // buffer pointer: `count - period` comparisons per period, the detector's whole cost on a
        // deep stack, without a bounds check each (indices stay below `count`).
        var best = [(start: Int, covered: Int)](repeating: (0, 0), count: limit + 1)
        ids.withUnsafeBufferPointer { ids in
            for period in 1...limit {
                // Each run of matches is measured once, at its end; the first longest run wins.
                var bestStart = 0
                var bestCovered = 0
                let end = count &- period
                var index = 0
                while index < end {
                    guard ids[index] == ids[index &+ period] else {
                        index &+= 1
                        continue
                    }
                    let runStart = index
                    index &+= 1
                    while index < end, ids[index] == ids[index &+ period] { index &+= 1 }
                    let covered = index &- runStart &+ period
                    if covered > bestCovered {
                        bestCovered = covered
                        bestStart = runStart
                    }
                }
                best[period] = (bestStart, bestCovered)
            }
        }
        // The period covering the most frames with enough repetitions; ties go to the shorter one.
        var chosen = 0
        for period in 1...limit where best[period].covered >= needed * period {
            if chosen == 0 || best[period].covered > best[chosen].covered { chosen = period }
        }
        guard chosen > 0 else { return nil }
        // A multiple of a shorter cycle: prefer the shorter one when it covers nearly as much.
        for divisor in 1..<chosen where chosen % divisor == 0 {
            if best[divisor].covered >= needed * divisor, best[divisor].covered + chosen >= best[chosen].covered {
                chosen = divisor
                break
            }
        }
        let start = best[chosen].start
        var end = start + best[chosen].covered
        var matched = end - start
        let tolerance = min(max(0, gapTolerance), 1_024)
        if tolerance > 0 {
            var index = end
            var gap = 0
            while index < count, gap <= tolerance {
                if ids[index] == ids[start + matched % chosen] {
                    matched += 1
                    end = index + 1
                    gap = 0
                } else {
                    gap += 1
                }
                index += 1
            }
        }
        return RecursionCycle(
            period: chosen, startIndex: start, endIndex: end, matchedFrames: matched,
            frames: Array(frames[start..<(start + chosen)]), entryFrame: end < count ? frames[end] : nil,
            isTruncated: frames.count > count)
    }
}
