import MiniDump

/// Builds one of Breakpad's Linux streams that copy a `/proc` or `/etc` file verbatim:
/// `LinuxCpuInfo` (`/proc/cpuinfo`), `LinuxProcStatus` (`/proc/self/status`), `LinuxLsbRelease`
/// (`/etc/lsb-release`), `LinuxCmdLine` (`/proc/self/cmdline`, NUL-separated), `LinuxEnviron`
/// (`/proc/self/environ`, NUL-separated) and `LinuxMaps` (`/proc/self/maps`).
public struct LinuxTextStreamBuilder: StreamEncoding {
    /// The stream type (any; normally one of the six above).
    public var streamType: StreamType
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a stream of `type` holding `text` as UTF-8.
    public init(_ type: StreamType, text: String) {
        self.streamType = type
        self.bytes = Array(text.utf8)
    }

    /// `LinuxCmdLine` or `LinuxEnviron`: each item followed by a NUL, as the kernel writes them.
    public init(_ type: StreamType, nulSeparated items: [String]) {
        self.streamType = type
        self.bytes = items.flatMap { Array($0.utf8) + [0] }
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
