/// The page protection of a region of the crashed process's address space; an open set of
/// `PAGE_*` values: one access value in the low byte, plus modifier flags.
/// Mirrors `MINIDUMP_MEMORY_INFO.Protect` / `AllocationProtect`.
public struct MemoryProtection: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The raw value as stored in the dump.
    public var rawValue: UInt32
    /// Wraps a raw protection value (any value is accepted).
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Wraps a raw protection value (any value is accepted).
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// No protection recorded (free and some reserved regions).
    public static let none = MemoryProtection(0)
    /// `PAGE_NOACCESS`.
    public static let noAccess = MemoryProtection(0x01)
    /// `PAGE_READONLY`.
    public static let readOnly = MemoryProtection(0x02)
    /// `PAGE_READWRITE`.
    public static let readWrite = MemoryProtection(0x04)
    /// `PAGE_WRITECOPY`.
    public static let writeCopy = MemoryProtection(0x08)
    /// `PAGE_EXECUTE`.
    public static let execute = MemoryProtection(0x10)
    /// `PAGE_EXECUTE_READ`.
    public static let executeRead = MemoryProtection(0x20)
    /// `PAGE_EXECUTE_READWRITE`.
    public static let executeReadWrite = MemoryProtection(0x40)
    /// `PAGE_EXECUTE_WRITECOPY`.
    public static let executeWriteCopy = MemoryProtection(0x80)
    /// `PAGE_GUARD` (modifier): the first touch raises `STATUS_GUARD_PAGE_VIOLATION`.
    public static let guardFlag = MemoryProtection(0x100)
    /// `PAGE_NOCACHE` (modifier).
    public static let noCache = MemoryProtection(0x200)
    /// `PAGE_WRITECOMBINE` (modifier).
    public static let writeCombine = MemoryProtection(0x400)
    /// `PAGE_TARGETS_INVALID` / `PAGE_TARGETS_NO_UPDATE` (CFG modifier).
    public static let targetsInvalid = MemoryProtection(0x4000_0000)

    private static let accessMask: UInt32 = 0xFF

    /// The access value alone (the low byte), without modifiers.
    public var access: MemoryProtection { MemoryProtection(rawValue & Self.accessMask) }

    /// True when the `PAGE_GUARD` modifier is set.
    public var isGuard: Bool { rawValue & Self.guardFlag.rawValue != 0 }

    /// True when the access value allows execution (`PAGE_EXECUTE*`).
    public var isExecutable: Bool {
        [.execute, .executeRead, .executeReadWrite, .executeWriteCopy].contains(access)
    }

    /// True when the access value allows writing (`PAGE_READWRITE`, `PAGE_WRITECOPY`,
    /// `PAGE_EXECUTE_READWRITE`, `PAGE_EXECUTE_WRITECOPY`).
    public var isWritable: Bool {
        [.readWrite, .writeCopy, .executeReadWrite, .executeWriteCopy].contains(access)
    }

    /// True when the access value allows reading (every value but `PAGE_NOACCESS`, `PAGE_EXECUTE`
    /// and none). The guard modifier is not considered; see ``isGuard``.
    public var isReadable: Bool {
        [.readOnly, .readWrite, .writeCopy, .executeRead, .executeReadWrite, .executeWriteCopy].contains(access)
    }

    /// The access value's name and any modifiers, joined by `|` (`PAGE_READWRITE|PAGE_GUARD`);
    /// unknown bits appear as `0x…`; `0` for none.
    public var description: String {
        guard rawValue != 0 else { return "0" }
        var parts = [String]()
        let names: [(MemoryProtection, String)] = [
            (.noAccess, "PAGE_NOACCESS"), (.readOnly, "PAGE_READONLY"), (.readWrite, "PAGE_READWRITE"),
            (.writeCopy, "PAGE_WRITECOPY"), (.execute, "PAGE_EXECUTE"), (.executeRead, "PAGE_EXECUTE_READ"),
            (.executeReadWrite, "PAGE_EXECUTE_READWRITE"), (.executeWriteCopy, "PAGE_EXECUTE_WRITECOPY"),
        ]
        if access.rawValue != 0 {
            parts.append(names.first { $0.0 == access }?.1 ?? Hex.format(access.rawValue))
        }
        var rest = rawValue & ~Self.accessMask
        for (flag, name) in [(Self.guardFlag, "PAGE_GUARD"), (.noCache, "PAGE_NOCACHE"),
                             (.writeCombine, "PAGE_WRITECOMBINE"), (.targetsInvalid, "PAGE_TARGETS_INVALID")]
        where rest & flag.rawValue != 0 {
            parts.append(name)
            rest &= ~flag.rawValue
        }
        if rest != 0 { parts.append(Hex.format(rest)) }
        return parts.joined(separator: "|")
    }
}
