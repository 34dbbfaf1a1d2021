/// What backs a region of the crashed process's address space; an open set.
/// Mirrors the `MEM_IMAGE` / `MEM_MAPPED` / `MEM_PRIVATE` values of `MINIDUMP_MEMORY_INFO.Type`.
public struct MemoryType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The raw value as stored in the dump.
    public var rawValue: UInt32
    /// Wraps a raw type value (any value is accepted).
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Wraps a raw type value (any value is accepted).
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// No type (free regions).
    public static let none = MemoryType(0)
    /// `MEM_PRIVATE`: private to the process (heaps, stacks).
    public static let `private` = MemoryType(0x2_0000)
    /// `MEM_MAPPED`: a view of a section (mapped file or shared memory).
    public static let mapped = MemoryType(0x4_0000)
    /// `MEM_IMAGE`: a view of an executable image.
    public static let image = MemoryType(0x100_0000)

    /// `MEM_IMAGE`, `MEM_MAPPED`, `MEM_PRIVATE`, `0` for none, or `0x…` for another value.
    public var description: String {
        switch self {
        case .none: "0"
        case .private: "MEM_PRIVATE"
        case .mapped: "MEM_MAPPED"
        case .image: "MEM_IMAGE"
        default: Hex.format(rawValue)
        }
    }
}
