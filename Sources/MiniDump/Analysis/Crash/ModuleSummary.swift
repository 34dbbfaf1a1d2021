/// The facts about a module that a crash report names: file, path, range, link timestamp and
/// version.
public struct ModuleSummary: Sendable, Hashable {
    /// The file name (`crash.exe`).
    public var name: String
    /// The full path as the dump records it.
    public var path: String
    /// The load address.
    public var baseAddress: UInt64
    /// The image size in bytes.
    public var size: UInt64
    /// The PE header's `TimeDateStamp` (link time, seconds since 1970), or 0 when unknown.
    public var timestamp: UInt32
    /// The file version (`10.0.19041.1`), or `nil` when the dump has no version resource for it.
    public var version: String?

    /// Creates a module summary.
    public init(name: String, path: String, baseAddress: UInt64, size: UInt64, timestamp: UInt32, version: String? = nil) {
        self.name = name
        self.path = path
        self.baseAddress = baseAddress
        self.size = size
        self.timestamp = timestamp
        self.version = version
    }

    /// True when `address` lies in the module's image.
    public func contains(_ address: UInt64) -> Bool {
        address >= baseAddress && address - baseAddress < size
    }

    /// The version as WER writes it: the file version, or `0.0.0.0` when unknown.
    public var werVersion: String { version ?? "0.0.0.0" }

    /// The timestamp as WER writes it: eight lower-case hex digits.
    public var werTimestamp: String { CrashReport.hex8(timestamp) }

    /// The file name of a Windows or POSIX path (`C:\a\b.dll` → `b.dll`).
    public static func fileName(of path: String) -> String {
        path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? path
    }

    /// The names ``isSystemModule(_:)`` matches exactly, lower-case (built once: a literal `Set` in the
    /// function was rebuilt, hashing every name, on each call; docs/performance.md).
    static let systemModuleNames: Set<String> = [
        "ntdll.dll", "kernelbase.dll", "kernel32.dll", "ucrtbase.dll", "ucrtbased.dll", "msvcrt.dll",
        "user32.dll", "win32u.dll", "gdi32.dll", "gdi32full.dll", "combase.dll", "ole32.dll", "oleaut32.dll",
        "rpcrt4.dll", "sechost.dll", "advapi32.dll", "ws2_32.dll", "mswsock.dll", "wow64.dll", "wow64win.dll",
        "wow64cpu.dll", "mscoreei.dll", "mscoree.dll",
        "libc.so.6", "libc.so", "libpthread.so.0", "libstdc++.so.6", "libc++.so.1", "libc++abi.so.1",
        "libgcc_s.so.1", "ld-linux-x86-64.so.2", "linux-gate.so", "linux-vdso.so.1", "libsystem_kernel.dylib",
        "libsystem_c.dylib", "libsystem_pthread.dylib", "libsystem_platform.dylib", "libc++abi.dylib",
        "libobjc.a.dylib", "libdyld.dylib", "dyld", "libc.so (android)", "libart.so",
    ]

    /// The name prefixes ``isSystemModule(_:)`` matches, lower-case.
    static let systemModulePrefixes = ["vcruntime", "msvcp", "msvcr", "api-ms-win-", "ext-ms-win-", "libc-", "libc.so", "libsystem_"]

    /// True for the operating system's and C/C++ runtimes' own modules (ntdll, kernelbase, kernel32,
    /// ucrtbase, msvcrt, vcruntime*, msvcp*, libc, libsystem...): a crash there is usually caused by
    /// its caller. The .NET runtime (`clr.dll`, `coreclr.dll`) is not counted: its frames say which
    /// runtime path raised a managed exception.
    public static func isSystemModule(_ name: String) -> Bool {
        let lower = name.lowercased()
        if systemModuleNames.contains(lower) { return true }
        return systemModulePrefixes.contains { lower.hasPrefix($0) }
    }
}
