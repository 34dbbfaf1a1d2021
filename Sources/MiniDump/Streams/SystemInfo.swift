/// The machine and operating system the dump was written on. Mirrors `MINIDUMP_SYSTEM_INFO`.
public struct SystemInfo: Sendable, Hashable {
    /// The processor architecture (use ``ProcessorArchitecture/canonical`` to fold aliases).
    public var architecture: ProcessorArchitecture
    /// `ProcessorLevel` (the CPU family on x86).
    public var processorLevel: UInt16
    /// `ProcessorRevision` (model and stepping on x86).
    public var processorRevision: UInt16
    /// The number of processors.
    public var cpuCount: UInt8
    /// `ProductType`: 1 workstation, 2 domain controller, 3 server.
    public var productType: UInt8
    /// OS major version.
    public var majorVersion: UInt32
    /// OS minor version.
    public var minorVersion: UInt32
    /// OS build number.
    public var buildNumber: UInt32
    /// The OS family.
    public var platform: PlatformId
    /// The service-pack string (`CSDVersion`); Breakpad stores the kernel version here on Linux.
    /// `nil` when absent or unreadable.
    public var servicePack: String?
    /// `SuiteMask`.
    public var suiteMask: UInt16
    /// The x86 CPUID vendor string (`GenuineIntel`, `AuthenticAMD`), or `nil` on other architectures
    /// or when it is not printable.
    public var cpuVendor: String?
    /// x86 `VersionInformation` (CPUID 1 EAX); zero elsewhere.
    public var cpuVersionInformation: UInt32
    /// x86 `FeatureInformation` (CPUID 1 EDX); zero elsewhere.
    public var cpuFeatureInformation: UInt32
    /// Non-x86 `ProcessorFeatures` (two 64-bit words).
    public var processorFeatures: [UInt64]
    /// Problems with single fields (an unreadable service-pack string).
    public var diagnostics: [DumpDiagnostic]

    /// The OS version as `major.minor.build` (e.g. `10.0.19041`).
    public var osVersion: String { "\(majorVersion).\(minorVersion).\(buildNumber)" }

    /// The size of `MINIDUMP_SYSTEM_INFO` on disk.
    static let size = 56

    init(reader: ByteReader, range: Range<Int>) throws(MiniDumpError) {
        let stream = StreamType.systemInfo
        var cursor = reader.cursor(over: range, stream: stream)
        guard range.count >= Self.size else {
            throw MiniDumpError(
                .truncated, offset: UInt64(range.lowerBound), stream: stream,
                "SystemInfo needs \(Self.size) bytes, the stream has \(range.count)")
        }
        architecture = ProcessorArchitecture(try cursor.read(UInt16.self))
        processorLevel = try cursor.read(UInt16.self)
        processorRevision = try cursor.read(UInt16.self)
        cpuCount = try cursor.read(UInt8.self)
        productType = try cursor.read(UInt8.self)
        majorVersion = try cursor.read(UInt32.self)
        minorVersion = try cursor.read(UInt32.self)
        buildNumber = try cursor.read(UInt32.self)
        platform = PlatformId(try cursor.read(UInt32.self))
        let csdRva = try cursor.read(UInt32.self)
        suiteMask = try cursor.read(UInt16.self)
        _ = try cursor.read(UInt16.self, "Reserved2")
        let cpuStart = cursor.position
        var vendorBytes = [UInt8]()
        for _ in 0..<3 {
            let word = try cursor.read(UInt32.self)
            withUnsafeBytes(of: word.littleEndian) { vendorBytes.append(contentsOf: $0) }
        }
        cpuVersionInformation = try cursor.read(UInt32.self)
        cpuFeatureInformation = try cursor.read(UInt32.self)
        _ = try cursor.read(UInt32.self, "AMDExtendedCpuFeatures")
        let first: UInt64 = reader.loadUnchecked(at: cpuStart)
        let second: UInt64 = reader.loadUnchecked(at: cpuStart + 8)
        processorFeatures = [first, second]
        let isX86 = architecture == .x86 || architecture == .amd64 || architecture == .x86OnWin64
        let printable = vendorBytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        cpuVendor = isX86 && printable ? String(decoding: vendorBytes, as: UTF8.self) : nil
        var diagnostics = [DumpDiagnostic]()
        servicePack = nil
        if csdRva != 0 {
            do throws(MiniDumpError) {
                servicePack = try reader.minidumpString(at: UInt64(csdRva), stream: stream)
            } catch {
                diagnostics.append(DumpDiagnostic(error, stream: stream))
            }
        }
        self.diagnostics = diagnostics
        if !isX86 {
            cpuVersionInformation = 0
            cpuFeatureInformation = 0
        }
    }
}

extension MiniDumpFile {
    /// The SystemInfo stream (7), or `nil` when the dump has none.
    public func systemInfo() throws(MiniDumpError) -> SystemInfo? {
        try cached("systemInfo") { () throws(MiniDumpError) -> SystemInfo? in
            guard let entry = entry(for: .systemInfo) else { return nil }
            return try SystemInfo(reader: reader, range: streamRange(entry))
        }
    }
}
