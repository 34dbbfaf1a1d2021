/// One loaded module as the walkers and the symbol resolver see it: a named address range.
struct ModuleSpan: Sendable, Hashable {
    /// The position of the module in the dump's module list.
    var index: Int
    /// The file name (`kernel32.dll`), without directories.
    var name: String
    var base: UInt64
    /// One past the last byte (saturating).
    var end: UInt64
}

/// The modules sorted by base address, searchable by address.
struct ModuleTable: Sendable {
    let spans: [ModuleSpan]
    /// The spans' bases and ends, searched without touching the spans (reading a span from the
    /// array retained its name: most of a scan-heavy walk's module look-ups; docs/performance.md).
    private let bases: [UInt64]
    private let ends: [UInt64]

    /// The lowest base and the highest end of all spans (an empty range when there are none).
    let bounds: Range<UInt64>

    init(_ modules: [ModuleSpan]) {
        spans = modules.filter { $0.end > $0.base }.sorted { ($0.base, $0.index) < ($1.base, $1.index) }
        bases = spans.map { $0.base }
        ends = spans.map { $0.end }
        bounds = (bases.first ?? 0)..<max(bases.first ?? 0, ends.max() ?? 0)
    }

    /// The module whose range contains `address` (the one with the highest base when ranges
    /// overlap), or `nil`.
    func module(containing address: UInt64) -> ModuleSpan? {
        index(containing: address).map { spans[$0] }
    }

    /// True when some module contains `address` (``module(containing:)`` without copying the span).
    func contains(_ address: UInt64) -> Bool {
        // Most stack words (small numbers, stack and heap pointers) lie outside every module.
        bounds.contains(address) && index(containing: address) != nil
    }

    /// The index in ``spans`` of the module containing `address`, or `nil`.
    private func index(containing address: UInt64) -> Int? {
        var low = 0
        var high = bases.count
        while low < high {
            let mid = (low + high) / 2
            if bases[mid] <= address { low = mid + 1 } else { high = mid }
        }
        var candidate = low - 1
        // Overlapping ranges: look back a few entries for one that still contains the address.
        var looked = 0
        while candidate >= 0, looked < 8 {
            if address < ends[candidate] { return candidate }
            candidate -= 1
            looked += 1
        }
        return nil
    }

    /// The highest end address of any module (0 when there are none).
    var highestEnd: UInt64 { bounds.upperBound }
}

/// The file name of a Windows or POSIX path.
func moduleFileName(_ path: String) -> String {
    guard let cut = path.lastIndex(where: { $0 == "\\" || $0 == "/" }) else { return path }
    return String(path[path.index(after: cut)...])
}
