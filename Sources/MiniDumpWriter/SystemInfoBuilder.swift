import MiniDump

/// Builds the SystemInfo stream: `MINIDUMP_SYSTEM_INFO`, 56 bytes, plus the `MINIDUMP_STRING` its
/// `CSDVersionRva` points to.
public struct SystemInfoBuilder: StreamEncoding {
    /// The `CPU_INFORMATION` union at the end of the record.
    public enum CPU: Sendable, Hashable {
        /// `X86CpuInfo`: the CPUID vendor string (12 ASCII characters, e.g. `GenuineIntel`), CPUID
        /// leaf 1 EAX (version) and EDX (features), and for AMD leaf 0x80000001 EBX.
        case x86(vendor: String, version: UInt32, features: UInt32, amdExtendedFeatures: UInt32)
        /// `OtherCpuInfo`: two 64-bit words of processor feature bits (then 8 zero bytes, the rest of
        /// the union).
        case other(UInt64, UInt64)
    }

    /// `PlatformId` values written by Windows, Breakpad and Crashpad.
    public enum Platform {
        /// `VER_PLATFORM_WIN32_NT`.
        public static let windowsNT: UInt32 = 2
        /// Breakpad `MD_OS_MAC_OS_X`.
        public static let macOS: UInt32 = 0x8101
        /// Breakpad `MD_OS_IOS`.
        public static let iOS: UInt32 = 0x8102
        /// Breakpad `MD_OS_LINUX`.
        public static let linux: UInt32 = 0x8201
        /// Breakpad `MD_OS_SOLARIS`.
        public static let solaris: UInt32 = 0x8202
        /// Breakpad `MD_OS_ANDROID`.
        public static let android: UInt32 = 0x8203
        /// Breakpad `MD_OS_FUCHSIA`.
        public static let fuchsia: UInt32 = 0x8206
    }

    /// The size of `MINIDUMP_SYSTEM_INFO`.
    public static let size = 56

    /// Always ``StreamType/systemInfo``.
    public var streamType: StreamType { .systemInfo }

    /// `ProcessorArchitecture`.
    public var architecture: ProcessorArchitecture
    /// `ProcessorLevel` (the CPU family on x86).
    public var processorLevel: UInt16
    /// `ProcessorRevision` (model and stepping on x86).
    public var processorRevision: UInt16
    /// `NumberOfProcessors`.
    public var processorCount: UInt8
    /// `ProductType`: 1 workstation, 2 domain controller, 3 server.
    public var productType: UInt8
    /// `MajorVersion`.
    public var majorVersion: UInt32
    /// `MinorVersion`.
    public var minorVersion: UInt32
    /// `BuildNumber`.
    public var buildNumber: UInt32
    /// `PlatformId` (see ``Platform``).
    public var platformId: UInt32
    /// The service-pack or kernel string `CSDVersionRva` points to; `nil` writes RVA 0.
    public var csdVersion: String?
    /// Replaces the written `CSDVersionRva` (to point it somewhere hostile).
    public var csdVersionRvaOverride: UInt32?
    /// `SuiteMask`.
    public var suiteMask: UInt16
    /// `Cpu`.
    public var cpu: CPU

    /// Creates a SystemInfo record.
    public init(
        architecture: ProcessorArchitecture, processorLevel: UInt16 = 0, processorRevision: UInt16 = 0,
        processorCount: UInt8 = 1, productType: UInt8 = 1, majorVersion: UInt32 = 0, minorVersion: UInt32 = 0,
        buildNumber: UInt32 = 0, platformId: UInt32 = Platform.windowsNT, csdVersion: String? = nil,
        suiteMask: UInt16 = 0, cpu: CPU = .other(0, 0)
    ) {
        self.architecture = architecture
        self.processorLevel = processorLevel
        self.processorRevision = processorRevision
        self.processorCount = processorCount
        self.productType = productType
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.buildNumber = buildNumber
        self.platformId = platformId
        self.csdVersion = csdVersion
        self.suiteMask = suiteMask
        self.cpu = cpu
    }

    /// Appends the CSD version string, then returns the 56-byte record.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        let csdRva = csdVersionRvaOverride ?? csdVersion.map { builder.appendString($0) } ?? 0
        return record(csdVersionRva: csdRva)
    }

    /// The 56-byte `MINIDUMP_SYSTEM_INFO` with the given `CSDVersionRva`.
    public func record(csdVersionRva: UInt32) -> [UInt8] {
        var writer = ByteWriter()
        writer.u16(architecture.rawValue)
        writer.u16(processorLevel)
        writer.u16(processorRevision)
        writer.u8(processorCount)
        writer.u8(productType)
        writer.u32(majorVersion)
        writer.u32(minorVersion)
        writer.u32(buildNumber)
        writer.u32(platformId)
        writer.u32(csdVersionRva)
        writer.u16(suiteMask)
        writer.u16(0)
        switch cpu {
        case .x86(let vendor, let version, let features, let amd):
            var vendorBytes = Array(vendor.utf8.prefix(12))
            vendorBytes += repeatElement(0, count: 12 - vendorBytes.count)
            writer.append(vendorBytes)
            writer.u32(version)
            writer.u32(features)
            writer.u32(amd)
        case .other(let low, let high):
            writer.u64(low)
            writer.u64(high)
        }
        writer.pad(to: Self.size)  // the union is as large as its x86 member
        return writer.bytes
    }

    /// Windows 10 22H2 (10.0.19045) on an Intel x64 workstation, as dbghelp records it.
    public static func windows10AMD64(processorCount: UInt8 = 8) -> SystemInfoBuilder {
        SystemInfoBuilder(
            architecture: .amd64, processorLevel: 6, processorRevision: 0x9E0D, processorCount: processorCount,
            productType: 1, majorVersion: 10, minorVersion: 0, buildNumber: 19045,
            platformId: Platform.windowsNT, csdVersion: "", suiteMask: 0x0100,
            cpu: .x86(vendor: "GenuineIntel", version: 0x000906ED, features: 0xBFEBFBFF, amdExtendedFeatures: 0))
    }
}
