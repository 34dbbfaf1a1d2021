/// `--shard I/N`: a stable 1/N of the files, chosen by hashing each unit's path relative to the
/// scanned root with 64-bit FNV-1a, so every machine scanning the same tree agrees on the split
/// wherever it is mounted. Shards 1/N … N/N are disjoint and together cover every file.
struct ScanShard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    var index: Int
    var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N; `nil` otherwise.
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// True when the unit keyed by `relativePath` belongs to this shard.
    func contains(_ relativePath: String) -> Bool {
        Self.fnv1a(relativePath) % UInt64(count) == UInt64(index - 1)
    }

    var description: String { "\(index)/\(count)" }

    /// 64-bit FNV-1a of the UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
