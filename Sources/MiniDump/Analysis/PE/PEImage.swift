/// A PE image (EXE or DLL) as loaded in the crashed process, read from the dump's memory by
/// virtual address: its headers, sections and data directories, and on demand its exports and
/// x64 exception data.
///
/// Every read is a probe: ``init(memory:baseAddress:)`` returns `nil` when the headers were not
/// captured (small dumps hold no PE headers) or do not describe a PE image, and the tables return
/// empty or `nil` when their bytes are missing. Nothing here throws, and every loop is bounded.
public struct PEImage: Sendable {
    /// The address the image is loaded at (`ImageBase` as relocated: the module's base).
    public let baseAddress: UInt64
    /// `IMAGE_FILE_HEADER.Machine` (0x8664 x64, 0x14C x86, 0xAA64 ARM64, 0x1C4 ARMNT).
    public let machine: UInt16
    /// True for PE32+ (64-bit optional header), false for PE32.
    public let isPE32Plus: Bool
    /// `IMAGE_FILE_HEADER.TimeDateStamp`.
    public let timestamp: UInt32
    /// `SizeOfImage` from the optional header.
    public let sizeOfImage: UInt32
    /// `AddressOfEntryPoint` (an RVA, 0 for most DLLs without one).
    public let entryPointRva: UInt32
    /// The image base the linker chose (`OptionalHeader.ImageBase`).
    public let preferredBase: UInt64
    /// The section table, in header order.
    public let sections: [PESection]
    /// The data directory table, indexed by ``PEDataDirectory/Kind/rawValue`` (at most 16 entries).
    public let dataDirectories: [PEDataDirectory]

    let memory: any MemoryReading

    /// The most sections read (Windows loads at most 96).
    static let maxSections = 96
    /// The largest `e_lfanew` accepted.
    static let maxHeaderOffset: UInt32 = 0x1000_0000

    /// Reads the headers of the image loaded at `baseAddress`; `nil` when the DOS or NT headers are
    /// not in `memory` or are not those of a PE image.
    public init?(memory: some MemoryReading, baseAddress: UInt64) {
        guard memory.value(UInt16.self, at: baseAddress) == 0x5A4D, // "MZ"
              let lfanew = memory.value(UInt32.self, at: baseAddress &+ 0x3C),
              lfanew >= 4, lfanew < Self.maxHeaderOffset
        else { return nil }
        let (nt, ntOverflow) = baseAddress.addingReportingOverflow(UInt64(lfanew))
        guard !ntOverflow, memory.value(UInt32.self, at: nt) == 0x0000_4550, // "PE\0\0"
              let fileHeader = memory.bytes(at: nt &+ 4, count: 20)
        else { return nil }
        let reader = LittleEndianBytes(fileHeader)
        machine = reader.u16(0)
        let sectionCount = Int(reader.u16(2))
        timestamp = reader.u32(4)
        let optionalSize = UInt64(reader.u16(16))
        let optional = nt &+ 24
        guard let magic = memory.value(UInt16.self, at: optional), magic == 0x10B || magic == 0x20B else { return nil }
        isPE32Plus = magic == 0x20B
        let fixedSize = isPE32Plus ? 112 : 96
        guard let fixed = memory.bytes(at: optional, count: fixedSize) else { return nil }
        let header = LittleEndianBytes(fixed)
        entryPointRva = header.u32(16)
        preferredBase = isPE32Plus ? header.u64(24) : UInt64(header.u32(28))
        sizeOfImage = header.u32(56)
        let directoryCount = min(Int(header.u32(isPE32Plus ? 108 : 92)), 16)
        var directories = [PEDataDirectory]()
        let directoryStart = optional &+ UInt64(fixedSize)
        if directoryCount > 0, let raw = memory.bytes(at: directoryStart, count: directoryCount * 8) {
            let table = LittleEndianBytes(raw)
            for index in 0..<directoryCount {
                directories.append(PEDataDirectory(rva: table.u32(index * 8), size: table.u32(index * 8 + 4)))
            }
        }
        dataDirectories = directories
        var sections = [PESection]()
        let sectionTable = optional &+ optionalSize
        let count = min(sectionCount, Self.maxSections)
        if count > 0, let raw = memory.bytes(at: sectionTable, count: count * 40) {
            let table = LittleEndianBytes(raw)
            for index in 0..<count {
                let at = index * 40
                let nameBytes = raw[at..<(at + 8)].prefix { $0 != 0 }
                let virtualSize = table.u32(at + 8)
                let rawSize = table.u32(at + 16)
                sections.append(PESection(
                    name: String(decoding: nameBytes, as: UTF8.self),
                    rva: table.u32(at + 12),
                    size: virtualSize != 0 ? virtualSize : rawSize,
                    characteristics: table.u32(at + 36)))
            }
        }
        self.sections = sections
        self.baseAddress = baseAddress
        self.memory = memory
    }

    /// The data directory entry of `kind`, or `nil` when the table has no such entry or it is empty.
    public func dataDirectory(_ kind: PEDataDirectory.Kind) -> PEDataDirectory? {
        guard kind.rawValue >= 0, kind.rawValue < dataDirectories.count else { return nil }
        let entry = dataDirectories[kind.rawValue]
        return entry.isEmpty ? nil : entry
    }

    /// The section containing `rva`, or `nil`.
    public func section(containingRva rva: UInt32) -> PESection? {
        sections.first { $0.contains(rva: rva) }
    }

    /// The address of `rva` in the process.
    public func address(ofRva rva: UInt32) -> UInt64 { baseAddress &+ UInt64(rva) }

    /// The RVA of `address`, or `nil` when it lies below the base or past `SizeOfImage`.
    public func rva(of address: UInt64) -> UInt32? {
        guard address >= baseAddress else { return nil }
        let offset = address - baseAddress
        guard offset < UInt64(sizeOfImage), let rva = UInt32(exactly: offset) else { return nil }
        return rva
    }

    /// True when `address` lies in an executable section (or, for an image whose section table
    /// was not captured, anywhere inside `SizeOfImage`).
    public func isExecutable(address: UInt64) -> Bool {
        guard let rva = rva(of: address) else { return false }
        if sections.isEmpty { return true }
        return section(containingRva: rva)?.isExecutable ?? false
    }
}

/// Little-endian loads from a byte array whose length the caller has checked.
struct LittleEndianBytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(u16(at)) | UInt32(u16(at + 2)) << 16
    }

    func u64(_ at: Int) -> UInt64 {
        guard at >= 0, at + 8 <= bytes.count else { return 0 }
        return UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }
}
