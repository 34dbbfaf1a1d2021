/// Answers "which item owns this address?" in O(log n) for possibly overlapping address ranges.
///
/// Ranges are flattened once into disjoint segments. Where ranges overlap, the one with the
/// highest start address owns the overlap (the innermost, for nested ranges); among ranges with
/// the same start, the one with the lowest item number wins. Empty ranges own nothing.
struct RangeOwnerIndex: Sendable, Hashable {
    /// A disjoint piece of the address space: `first...last` belongs to item `owner`.
    struct Segment: Sendable, Hashable {
        var first: UInt64
        var last: UInt64
        var owner: Int
    }

    /// Disjoint segments sorted by address; adjacent segments have different owners.
    private(set) var segments: [Segment] = []

    /// An index that owns nothing.
    init() {}

    /// Builds the index from `(item, base, size)` triples; ranges reaching past the top of the
    /// address space are clamped to end at `UInt64.max`.
    init(_ ranges: [(item: Int, base: UInt64, size: UInt64)]) {
        // Sorted by start; among equal starts the lowest item is pushed last, so it sits on top.
        let sorted = ranges.compactMap { range -> (start: UInt64, last: UInt64, item: Int)? in
            guard range.size > 0 else { return nil }
            let (last, overflow) = range.base.addingReportingOverflow(range.size - 1)
            return (range.base, overflow ? UInt64.max : last, range.item)
        }.sorted { lhs, rhs in
            lhs.start != rhs.start ? lhs.start < rhs.start : lhs.item > rhs.item
        }
        var segments = [Segment]()
        // Ranges that have started, by start ascending: the top is the current owner once ranges
        // that already ended are popped.
        var stack = [(start: UInt64, last: UInt64, item: Int)]()
        var position: UInt64 = 0
        var exhausted = false  // true once a segment ended at UInt64.max

        func emit(_ first: UInt64, _ last: UInt64, _ owner: Int) {
            if let previous = segments.last, previous.owner == owner, previous.last < UInt64.max,
               previous.last + 1 == first {
                segments[segments.count - 1].last = last
            } else {
                segments.append(Segment(first: first, last: last, owner: owner))
            }
        }
        /// Emits ownership of `position ..< limit` (or to the end of the stack when `limit` is nil).
        func advance(to limit: UInt64?) {
            while !exhausted, let top = stack.last {
                if let limit, position >= limit { return }
                if top.last < position {
                    stack.removeLast()
                    continue
                }
                var segmentLast = top.last
                if let limit, limit - 1 < segmentLast { segmentLast = limit - 1 }
                emit(position, segmentLast, top.item)
                if segmentLast == UInt64.max {
                    exhausted = true
                } else {
                    position = segmentLast + 1
                }
            }
        }

        for range in sorted {
            // Emits everything before this start; a limit below UInt64.max never exhausts.
            advance(to: range.start)
            position = range.start
            stack.append(range)
        }
        advance(to: nil)
        self.segments = segments
    }

    /// The item owning `address`, or `nil` when no range contains it.
    func owner(of address: UInt64) -> Int? {
        var low = 0
        var high = segments.count
        // First segment whose `first` is greater than the address.
        while low < high {
            let middle = low + (high - low) / 2
            if segments[middle].first <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let segment = segments[low - 1]
        return address <= segment.last ? segment.owner : nil
    }
}
