/// The operating system family recorded in SystemInfo; an open set.
/// Mirrors `PlatformId` of `MINIDUMP_SYSTEM_INFO` (`VER_PLATFORM_*`) and Breakpad's `MD_OS_*` values.
public struct PlatformId: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static let win32s = PlatformId(0)
    public static let win32Windows = PlatformId(1)
    public static let win32NT = PlatformId(2)
    public static let win32CE = PlatformId(3)
    public static let unix = PlatformId(0x8000)
    public static let macOS = PlatformId(0x8101)
    public static let iOS = PlatformId(0x8102)
    public static let linux = PlatformId(0x8201)
    public static let solaris = PlatformId(0x8202)
    public static let android = PlatformId(0x8203)
    public static let ps3 = PlatformId(0x8204)
    public static let nacl = PlatformId(0x8205)
    public static let fuchsia = PlatformId(0x8206)

    /// The short lower-case OS name used in JSON: `windows`, `linux`, `macos`, `ios`, `android`, ...
    public var osName: String {
        switch self {
        case .win32s, .win32Windows, .win32NT, .win32CE: "windows"
        case .unix: "unix"
        case .macOS: "macos"
        case .iOS: "ios"
        case .linux: "linux"
        case .solaris: "solaris"
        case .android: "android"
        case .ps3: "ps3"
        case .nacl: "nacl"
        case .fuchsia: "fuchsia"
        default: Hex.format(rawValue)
        }
    }

    public var description: String { osName }
}
