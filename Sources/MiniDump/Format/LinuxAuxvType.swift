/// The type of an ELF auxiliary vector entry; an open set. Mirrors the `AT_*` constants of
/// `<elf.h>`.
public struct LinuxAuxvType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// `AT_NULL`: the end of the vector.
    public static let null = LinuxAuxvType(0)
    /// `AT_PHDR`: the address of the program headers.
    public static let programHeaders = LinuxAuxvType(3)
    /// `AT_PHENT`: the size of one program header.
    public static let programHeaderSize = LinuxAuxvType(4)
    /// `AT_PHNUM`: the number of program headers.
    public static let programHeaderCount = LinuxAuxvType(5)
    /// `AT_PAGESZ`: the page size.
    public static let pageSize = LinuxAuxvType(6)
    /// `AT_BASE`: the dynamic linker's base address.
    public static let interpreterBase = LinuxAuxvType(7)
    /// `AT_FLAGS`.
    public static let flags = LinuxAuxvType(8)
    /// `AT_ENTRY`: the program's entry point.
    public static let entry = LinuxAuxvType(9)
    /// `AT_UID`.
    public static let uid = LinuxAuxvType(11)
    /// `AT_EUID`.
    public static let euid = LinuxAuxvType(12)
    /// `AT_GID`.
    public static let gid = LinuxAuxvType(13)
    /// `AT_EGID`.
    public static let egid = LinuxAuxvType(14)
    /// `AT_PLATFORM`: the address of the platform string.
    public static let platform = LinuxAuxvType(15)
    /// `AT_HWCAP`: hardware capability bits.
    public static let hardwareCapabilities = LinuxAuxvType(16)
    /// `AT_CLKTCK`: clock ticks per second.
    public static let clockTick = LinuxAuxvType(17)
    /// `AT_SECURE`: non-zero for set-uid programs.
    public static let secure = LinuxAuxvType(23)
    /// `AT_BASE_PLATFORM`: the address of the base platform string.
    public static let basePlatform = LinuxAuxvType(24)
    /// `AT_RANDOM`: the address of 16 random bytes.
    public static let random = LinuxAuxvType(25)
    /// `AT_HWCAP2`: more hardware capability bits.
    public static let hardwareCapabilities2 = LinuxAuxvType(26)
    /// `AT_EXECFN`: the address of the executable's file name.
    public static let executableFileName = LinuxAuxvType(31)
    /// `AT_SYSINFO`: the vsyscall entry point (32-bit x86).
    public static let sysinfo = LinuxAuxvType(32)
    /// `AT_SYSINFO_EHDR`: the address of the vDSO.
    public static let vdso = LinuxAuxvType(33)
    /// `AT_MINSIGSTKSZ`: the minimum signal stack size.
    public static let minimumSignalStackSize = LinuxAuxvType(51)

    private static let names: [UInt64: String] = [
        0: "AT_NULL", 3: "AT_PHDR", 4: "AT_PHENT", 5: "AT_PHNUM", 6: "AT_PAGESZ", 7: "AT_BASE",
        8: "AT_FLAGS", 9: "AT_ENTRY", 11: "AT_UID", 12: "AT_EUID", 13: "AT_GID", 14: "AT_EGID",
        15: "AT_PLATFORM", 16: "AT_HWCAP", 17: "AT_CLKTCK", 23: "AT_SECURE", 24: "AT_BASE_PLATFORM",
        25: "AT_RANDOM", 26: "AT_HWCAP2", 31: "AT_EXECFN", 32: "AT_SYSINFO", 33: "AT_SYSINFO_EHDR",
        51: "AT_MINSIGSTKSZ",
    ]

    /// The `AT_*` name, or `0x…` for a type this library does not know.
    public var description: String { Self.names[rawValue] ?? Hex.format(rawValue) }
}
