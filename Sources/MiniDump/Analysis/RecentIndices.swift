/// The last few positions remembered, oldest replaced first: a deep recursion repeats a handful of
/// frames, so a frame seen recently is found by comparing a few entries instead of hashing it
/// (docs/performance.md). The stack walk's naming and the stack-overflow summary use it.
struct RecentIndices {
    /// How many positions are kept.
    static let capacity = 8

    private var indices: [Int] = []
    private var oldest = 0

    /// The first remembered position that `matches`, newest or oldest alike.
    @inline(__always)
    func first(where matches: (Int) -> Bool) -> Int? {
        for index in indices where matches(index) { return index }
        return nil
    }

    /// Remembers `index`, forgetting the oldest when ``capacity`` are kept.
    @inline(__always)
    mutating func remember(_ index: Int) {
        if indices.count < Self.capacity {
            indices.append(index)
        } else {
            indices[oldest] = index
            oldest = (oldest + 1) % Self.capacity
        }
    }
}
