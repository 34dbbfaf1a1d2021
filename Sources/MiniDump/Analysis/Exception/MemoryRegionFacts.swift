/// One region of the crashed process's address space as the MemoryInfoList describes it, reduced to
/// what explains a fault. Mirrors the `State`, `Protect` and `Type` fields of
/// `MINIDUMP_MEMORY_INFO`.
public struct MemoryRegionFacts: Sendable, Hashable {
    /// The region's first address.
    public var baseAddress: UInt64
    /// The region's size in bytes.
    public var size: UInt64
    /// `State`: `MEM_COMMIT` 0x1000, `MEM_RESERVE` 0x2000, `MEM_FREE` 0x10000.
    public var state: UInt32
    /// `Protect`: `PAGE_NOACCESS` 0x01, `PAGE_READONLY` 0x02, `PAGE_READWRITE` 0x04, ..., with
    /// `PAGE_GUARD` 0x100 as a modifier.
    public var protection: UInt32
    /// `Type`: `MEM_PRIVATE` 0x20000, `MEM_MAPPED` 0x40000, `MEM_IMAGE` 0x1000000.
    public var type: UInt32

    /// Creates the facts for one region.
    public init(baseAddress: UInt64, size: UInt64, state: UInt32, protection: UInt32, type: UInt32 = 0) {
        self.baseAddress = baseAddress
        self.size = size
        self.state = state
        self.protection = protection
        self.type = type
    }

    /// True for `MEM_FREE`: nothing is allocated there.
    public var isFree: Bool { state == 0x1_0000 }
    /// True for `MEM_RESERVE`: address space reserved, no memory committed.
    public var isReserved: Bool { state == 0x2000 }
    /// True for `MEM_COMMIT`.
    public var isCommitted: Bool { state == 0x1000 }
    /// True when `PAGE_GUARD` is set.
    public var isGuard: Bool { protection & 0x100 != 0 }
    /// True when an instruction fetch is allowed (`PAGE_EXECUTE*`).
    public var isExecutable: Bool { protection & 0xF0 != 0 }
    /// True when a write is allowed (`PAGE_READWRITE`, `PAGE_WRITECOPY` and their execute forms).
    public var isWritable: Bool { protection & 0xCC != 0 }
    /// True when a read is allowed.
    public var isReadable: Bool { protection & 0xFE != 0 }

    /// The base protection's name (`PAGE_READONLY`), with `+PAGE_GUARD` etc. appended; `nil` for 0.
    public var protectionName: String? {
        let names: [(UInt32, String)] = [
            (0x01, "PAGE_NOACCESS"), (0x02, "PAGE_READONLY"), (0x04, "PAGE_READWRITE"), (0x08, "PAGE_WRITECOPY"),
            (0x10, "PAGE_EXECUTE"), (0x20, "PAGE_EXECUTE_READ"), (0x40, "PAGE_EXECUTE_READWRITE"),
            (0x80, "PAGE_EXECUTE_WRITECOPY"),
        ]
        guard let base = names.first(where: { $0.0 == protection & 0xFF })?.1 else {
            return protection == 0 ? nil : Hex.format(protection)
        }
        var text = base
        if protection & 0x100 != 0 { text += "+PAGE_GUARD" }
        if protection & 0x200 != 0 { text += "+PAGE_NOCACHE" }
        if protection & 0x400 != 0 { text += "+PAGE_WRITECOMBINE" }
        return text
    }

    /// A phrase for reports: `free memory`, `reserved, uncommitted memory`, `PAGE_READONLY memory`.
    public var phrase: String? {
        if isFree { return "free memory (nothing allocated)" }
        if isReserved { return "reserved, uncommitted memory" }
        guard isCommitted, let name = protectionName else { return nil }
        return "\(name) memory"
    }

    /// Why `operation` fails on this region, or `nil` when its protection allows it. With no
    /// operation (Linux and macOS records do not say), the reasons any access or a write would fail.
    public func refusal(of operation: AccessOperation?) -> String? {
        if isFree { return "the address is not allocated" }
        if isReserved { return "the address is reserved but not committed" }
        guard isCommitted else { return nil }
        if isGuard { return "the page is a guard page" }
        if protection & 0xFF == 0x01 { return "the page is PAGE_NOACCESS" }
        switch operation {
        case .execute where !isExecutable:
            return "the page is not executable (\(protectionName ?? "?")): a DEP violation"
        case .write where !isWritable:
            return "the page is read-only (\(protectionName ?? "?"))"
        case .read where !isReadable:
            return "the page is not readable (\(protectionName ?? "?"))"
        case .none where !isWritable:
            return "the page is read-only (\(protectionName ?? "?")): a write there fails"
        default:
            return nil
        }
    }
}
