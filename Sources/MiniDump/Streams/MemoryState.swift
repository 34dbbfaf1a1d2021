/// The state of a region of the crashed process's address space; an open set.
/// Mirrors the `MEM_COMMIT` / `MEM_RESERVE` / `MEM_FREE` values of `MINIDUMP_MEMORY_INFO.State`.
public struct MemoryState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The raw value as stored in the dump.
    public var rawValue: UInt32
    /// Wraps a raw state value (any value is accepted).
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Wraps a raw state value (any value is accepted).
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `MEM_COMMIT`: backed by memory or the page file.
    public static let commit = MemoryState(0x1000)
    /// `MEM_RESERVE`: address space reserved, not backed.
    public static let reserve = MemoryState(0x2000)
    /// `MEM_FREE`: not allocated.
    public static let free = MemoryState(0x1_0000)

    /// `MEM_COMMIT`, `MEM_RESERVE`, `MEM_FREE`, or `0x…` for another value.
    public var description: String {
        switch self {
        case .commit: "MEM_COMMIT"
        case .reserve: "MEM_RESERVE"
        case .free: "MEM_FREE"
        default: Hex.format(rawValue)
        }
    }
}
